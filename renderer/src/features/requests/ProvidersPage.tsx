import { useEffect, useState } from 'react';
import { Badge, Button, Group, Modal, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { ImportWizard } from '../../components/ImportWizard';
import { downloadFile } from '../../components/files';
import { queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { mu, type Provider } from './common';
import { ProviderForm } from './ProviderForm';

type Preview = Out<Contract['providers.importPreview']>;

export function ProvidersPage() {
  const { can } = useSession();
  const path = usePath();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const [activeOnly, setActiveOnly] = useState(false);
  const list = useCall('providers.list', { q, activeOnly }, true, ['providers']);
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const { busy, run } = useAction();
  const wanted = Number(queryParams(path).get('id'));
  useEffect(() => {
    const p = list.data?.find((x) => x.id === wanted);
    if (p) setEditing(p);
  }, [wanted, list.data]);
  const done = () => {
    setEditing(null);
    setImporting(false);
    list.reload();
  };
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const f = await run(() => call('providers.export', { format }));
    if (f) downloadFile(f);
  };
  return (
    <Page
      title={t('服务主体')}
      actions={
        <>
          {can('providers.export') && (
            <Button variant="default" loading={busy} onClick={() => exportAs('xlsx')}>
              {t('导出')}
            </Button>
          )}
          {can('providers.importCommit') && (
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('从文件导入')}
            </Button>
          )}
          {can('providers.save') && <Button onClick={() => setEditing('new')}>{t('新增服务主体')}</Button>}
        </>
      }
    >
      <Group>
        <TextInput w={260} leftSection={<IconSearch size={14} />} aria-label={t('查找服务主体')} placeholder={t('名称、拼音首字母、联系人')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Switch label={t('只看在用的')} checked={activeOnly} onChange={(e) => setActiveOnly(e.currentTarget.checked)} />
      </Group>
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <Table striped highlightOnHover fz="sm" data-testid="providers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('名称')}</Table.Th>
              <Table.Th>{t('类型')}</Table.Th>
              <Table.Th>{t('服务环节')}</Table.Th>
              <Table.Th>{t('作物')}</Table.Th>
              <Table.Th>{t('服务乡镇')}</Table.Th>
              <Table.Th>{t('机械')}</Table.Th>
              <Table.Th ta="right">{t('日作业能力（亩）')}</Table.Th>
              <Table.Th ta="right">{t('在办')}</Table.Th>
              <Table.Th>{t('联系人')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id} style={{ cursor: can('providers.save') ? 'pointer' : undefined, opacity: p.active ? 1 : 0.55 }} onClick={() => can('providers.save') && setEditing(p)}>
                <Table.Td>
                  {p.name}
                  {!p.active && (
                    <Badge ml={4} size="xs" color="gray">
                      {t('停用')}
                    </Badge>
                  )}
                  {p.org && (
                    <Text size="xs" c="dimmed">
                      {p.org}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(p.kind)}</Table.Td>
                <Table.Td>{p.links.join('、')}</Table.Td>
                <Table.Td>{p.crops.join('、')}</Table.Td>
                <Table.Td>{p.townships.join('、')}</Table.Td>
                <Table.Td>{p.machines.map((m) => `${m.name}×${m.count}`).join('、')}</Table.Td>
                <Table.Td ta="right">{mu(p.capacityMu100)}</Table.Td>
                <Table.Td ta="right">{p.openRequests}</Table.Td>
                <Table.Td>{[p.contactName, p.phone].filter(Boolean).join(' ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增服务主体') : t('编辑服务主体')} size="xl">
        {editing !== null && <ProviderForm provider={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('导入服务主体')} size="xl">
        <ImportWizard<Preview['rows'][number], Preview>
          template={<Text size="sm">{t('列：名称、类型、联系人、联系电话、服务环节、作物、服务乡镇（多项用顿号分隔）、机械、日作业能力（亩）、状态、备注。可先“导出”一份作模板；按名称新增或更新。')}</Text>}
          columns={[
            { title: t('名称'), render: (r) => r.name },
            { title: t('类型'), render: (r) => r.kind },
            { title: t('结果'), render: (r) => (r.status === 'new' ? t('新增') : r.status === 'update' ? t('更新') : '') },
          ]}
          preview={(u) => call('providers.importPreview', u)}
          commit={(u) => call('providers.importCommit', u)}
          onDone={done}
        />
      </Modal>
    </Page>
  );
}
