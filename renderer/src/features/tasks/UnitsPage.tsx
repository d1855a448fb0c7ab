import { useState } from 'react';
import { Anchor, Badge, Button, Modal, NumberInput, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { notifyOk, useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/tasks';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { t } from '../../i18n';

type Unit = Out<Contract['units.list']>[number];

function UnitForm({ unit, onDone }: { unit: Unit | null; onDone(): void }) {
  const form = useForm({ initialValues: { name: unit?.name ?? '', kind: (unit?.kind ?? '县级部门') as UnitKind, sort: unit?.sort ?? 0, active: unit?.active ?? true, notes: unit?.notes ?? '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('units.save', { ...v, id: unit?.id, version: unit?.version }), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('单位名称')} required autoFocus {...form.getInputProps('name')} />
        <Select label={t('类别')} allowDeselect={false} data={UNIT_KINDS.map((k) => ({ value: k, label: t(k) }))} {...form.getInputProps('kind')} />
        <NumberInput label={t('排序')} min={0} {...form.getInputProps('sort')} />
        <TextInput label={t('备注')} {...form.getInputProps('notes')} />
        <Switch label={t('启用（停用的单位不再出现在选择列表中）')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** County departments, townships, banks and the post office that tasks are assigned to. */
export function UnitsPage() {
  const q = useCall('units.list', {});
  const { can } = useSession();
  const { busy, run } = useAction();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    q.reload();
  };
  return (
    <Page
      title={t('单位名录')}
      actions={
        can('units.save') && (
          <>
            <Button
              variant="default"
              loading={busy}
              onClick={async () => {
                const r = await run(() => call('units.importTownships', {}));
                if (r) {
                  q.reload();
                  notifyOk(t('已从乡镇列表加入 {n} 个单位', { n: r.added }));
                }
              }}
            >
              {t('从乡镇列表导入')}
            </Button>
            <Button onClick={() => setEditing('new')}>{t('新增单位')}</Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('单位名称')}</Table.Th>
              <Table.Th>{t('类别')}</Table.Th>
              <Table.Th>{t('牵头任务')}</Table.Th>
              <Table.Th>{t('配合任务')}</Table.Th>
              <Table.Th>{t('备注')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.name}
                  {!u.active && (
                    <Badge ml="xs" color="gray" size="xs">
                      {t('已停用')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(u.kind)}</Table.Td>
                <Table.Td>{u.responsibleCount > 0 ? <Anchor href={`#/tasks?view=unit&unit=${u.id}`}>{u.responsibleCount}</Anchor> : 0}</Table.Td>
                <Table.Td>{u.cooperatingCount > 0 ? <Anchor href={`#/tasks?view=unit&unit=${u.id}`}>{u.cooperatingCount}</Anchor> : 0}</Table.Td>
                <Table.Td>{u.notes}</Table.Td>
                <Table.Td>
                  {can('units.save') && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(u)}>
                      {t('编辑')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增单位') : t('编辑单位')}>
        {editing !== null && <UnitForm unit={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
    </Page>
  );
}
