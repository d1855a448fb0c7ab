import { useState } from 'react';
import { Button, Group, Table, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { t } from '../../i18n';

/** The editable industry list; a rename carries over to every organisation and industry union using it. */
export function IndustriesPage() {
  const q = useCall('industries.list', {});
  const { can } = useSession();
  const { busy, run } = useAction();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string; sort: number } | null>(null);
  const editable = can('industries.save');
  const add = async () => {
    if (await run(() => call('industries.save', { name, sort: (q.data?.length ?? 0) + 1 }), { ok: t('已添加') })) {
      setName('');
      q.reload();
    }
  };
  const rename = async () => {
    if (renaming && (await run(() => call('industries.save', renaming), { ok: t('已改名，使用它的主体和农合联已一并更新') }))) {
      setRenaming(null);
      q.reload();
    }
  };
  return (
    <Page title={t('产业目录')}>
      {editable && (
        <Group align="end">
          <TextInput label={t('新增产业')} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && name.trim() && add()} autoFocus />
          <Button onClick={add} loading={busy} disabled={!name.trim()}>
            {t('添加')}
          </Button>
        </Group>
      )}
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped fz="sm" w={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('产业')}</Table.Th>
              <Table.Th ta="right">{t('主体数')}</Table.Th>
              <Table.Th ta="right">{t('产业农合联')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {renaming?.id === i.id ? (
                    <TextInput size="xs" autoFocus value={renaming.name} onChange={(e) => setRenaming({ ...renaming, name: e.currentTarget.value })} onKeyDown={(e) => (e.key === 'Enter' ? rename() : e.key === 'Escape' && setRenaming(null))} />
                  ) : (
                    i.name
                  )}
                </Table.Td>
                <Table.Td ta="right">{i.orgs}</Table.Td>
                <Table.Td ta="right">{i.unions}</Table.Td>
                <Table.Td>
                  {editable && (
                    <Group gap={4} wrap="nowrap">
                      {renaming?.id === i.id ? (
                        <Button size="compact-xs" onClick={rename} loading={busy}>
                          {t('保存')}
                        </Button>
                      ) : (
                        <Button size="compact-xs" variant="subtle" onClick={() => setRenaming({ id: i.id, name: i.name, sort: i.sort })}>
                          {t('改名')}
                        </Button>
                      )}
                      {i.orgs === 0 && i.unions === 0 && (
                        <Button size="compact-xs" variant="subtle" color="red" onClick={async () => (await run(() => call('industries.remove', { id: i.id }), { ok: t('已删除') })) && q.reload()}>
                          {t('删除')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}
