import { useState } from 'react';
import { Badge, Button, Grid, Group, Modal, Select, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { ORG_STATUS, ORG_STATUS_LABELS, SITE_KIND_VALUES } from '../../../../shared/contract/memberFields';
import { t } from '../../i18n';
import { queryParams, usePath } from '../../app/router';
import { StatusBadge, toId, toOpt, useConfirm, useGeoOptions } from './common';
import { MemberPicker } from './MemberPicker';
import type { Site } from './types';

type Kind = (typeof SITE_KIND_VALUES)[number];

function SiteForm({ site: s, kind, onDone }: { site: Site | null; kind: Kind; onDone(): void }) {
  const geo = useGeoOptions();
  const [operator, setOperator] = useState<{ id: number; name: string } | null>(s?.operatorOrgId ? { id: s.operatorOrgId, name: s.operatorOrg } : null);
  const form = useForm({
    initialValues: {
      kind: s?.kind ?? kind,
      name: s?.name ?? '',
      townshipId: toOpt(s?.townshipId ?? null),
      villageId: toOpt(s?.villageId ?? null),
      address: s?.address ?? '',
      operatorName: s?.operatorName ?? '',
      openedOn: s?.openedOn ?? '',
      status: s?.status ?? ('active' as (typeof ORG_STATUS)[number]),
      notes: s?.notes ?? '',
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const ok = await run(
      () => call('sites.save', { id: s?.id, version: s?.version, ...v, townshipId: toId(v.townshipId), villageId: toId(v.villageId), operatorOrgId: operator?.id ?? null }),
      { ok: t('已保存'), setErrors: form.setErrors },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Grid>
          <Grid.Col span={6}>
            <Select label={t('站点类型')} data={SITE_KIND_VALUES.map((k) => ({ value: k, label: t(k) }))} allowDeselect={false} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('站点名称')} required autoFocus data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label={t('乡镇（街道）')}
              data={geo.townships}
              searchable
              clearable
              {...form.getInputProps('townshipId')}
              onChange={(v) => {
                form.setFieldValue('townshipId', v);
                form.setFieldValue('villageId', null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={t('村（社区）')} data={geo.villages(form.values.townshipId)} searchable clearable disabled={!form.values.townshipId} {...form.getInputProps('villageId')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('地址')} {...form.getInputProps('address')} />
          </Grid.Col>
          <Grid.Col span={6}>
            {operator ? (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('运营主体')}
                </Text>
                <Group gap="xs">
                  <Text size="sm">{operator.name}</Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOperator(null)}>
                    {t('更换')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <MemberPicker label={t('运营主体（已登记的）')} kinds={['org']} onSelect={(h) => setOperator({ id: h.id, name: h.name })} />
            )}
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('运营方（未登记时填写）')} {...form.getInputProps('operatorName')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('开业日期')} {...form.getInputProps('openedOn')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={t('状态')} data={ORG_STATUS.map((x) => ({ value: x, label: t(ORG_STATUS_LABELS[x]) }))} allowDeselect={false} {...form.getInputProps('status')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** Service sites by kind: each kind is counted separately for the plan's indicators. */
export function SitesPage() {
  const geo = useGeoOptions();
  // Links from the indicators open the tab of the counted kind (#/members/sites?kind=农村流通网点).
  const asked = queryParams(usePath()).get('kind') as Kind | null;
  const [kind, setKind] = useState<Kind>(asked && SITE_KIND_VALUES.includes(asked) ? asked : SITE_KIND_VALUES[0]);
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const q = useCall('sites.list', { kind, townshipId: toId(townshipId) });
  const all = useCall('sites.list', {});
  const { can } = useSession();
  const { run } = useAction();
  const { ask, dialog } = useConfirm();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const counts = new Map<string, number>();
  for (const s of all.data ?? []) if (s.status === 'active') counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const reload = () => {
    q.reload();
    all.reload();
  };
  const remove = async (s: Site) => {
    if (!(await ask(t('删除站点'), t('删除“{name}”？停办的站点请改为“注销”，只有录错的才应删除。', { name: s.name }), t('删除')))) return;
    if (await run(() => call('sites.remove', { id: s.id }), { ok: t('已删除') })) reload();
  };
  return (
    <Page
      title={t('服务站点')}
      actions={
        can('sites.save') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('新增站点')}
          </Button>
        )
      }
    >
      <Tabs value={kind} onChange={(v) => v && setKind(v as Kind)}>
        <Tabs.List>
          {SITE_KIND_VALUES.map((k) => (
            <Tabs.Tab key={k} value={k} rightSection={<Badge size="xs" variant="light">{counts.get(k) ?? 0}</Badge>}>
              {t(k)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Select label={t('乡镇（街道）')} data={geo.townships} value={townshipId} onChange={setTownshipId} clearable searchable w={200} />
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('名称')}</Table.Th>
              <Table.Th>{t('所在地')}</Table.Th>
              <Table.Th>{t('运营')}</Table.Th>
              <Table.Th>{t('开业日期')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('没有记录')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {q.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{[s.township, s.village].filter(Boolean).join(' · ') || s.address}</Table.Td>
                <Table.Td>{s.operatorOrg || s.operatorName}</Table.Td>
                <Table.Td>{s.openedOn}</Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} />
                </Table.Td>
                <Table.Td>
                  {can('sites.save') && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s)}>
                        {t('编辑')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(s)}>
                        {t('删除')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增站点') : t('编辑站点')} size="lg">
        {editing !== null && (
          <SiteForm
            site={editing === 'new' ? null : editing}
            kind={kind}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
        )}
      </Modal>
      {dialog}
    </Page>
  );
}
