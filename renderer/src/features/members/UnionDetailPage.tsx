import { useState } from 'react';
import { Anchor, Button, Grid, Group, Menu, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { ORG_STATUS, ORG_STATUS_LABELS, UNION_CATEGORIES } from '../../../../shared/contract/memberFields';
import type { RouteProps } from '../types';
import { t } from '../../i18n';
import { Facts, StatusBadge, useConfirm } from './common';
import { HistoryPanel } from './HistoryPanel';
import { MemberPicker } from './MemberPicker';
import { UnionForm } from './UnionForm';
import { unionKindLabel } from './UnionsPage';
import type { MemberHit, UnionMember } from './types';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function MemberUnitForm({ unionId, unit, onDone }: { unionId: number; unit: UnionMember | null; onDone(): void }) {
  const [org, setOrg] = useState<{ id: number; name: string } | null>(unit ? { id: unit.orgId, name: unit.orgName } : null);
  const form = useForm({
    initialValues: { category: unit?.category ?? '会员单位', joinedOn: unit?.joinedOn ?? today(), leftOn: unit?.leftOn ?? '', status: unit?.status ?? ('active' as (typeof ORG_STATUS)[number]) },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (!org) return form.setFieldError('orgId', t('请先选择会员单位'));
    const ok = await run(
      () => call('unionMembers.save', { id: unit?.id, version: unit?.version, unionId, orgId: org.id, category: v.category as (typeof UNION_CATEGORIES)[number], joinedOn: v.joinedOn, leftOn: v.leftOn, status: v.status }),
      { ok: t('已保存'), setErrors: form.setErrors },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {org ? (
          <Text fw={500}>{org.name}</Text>
        ) : (
          <MemberPicker label={t('会员单位')} kinds={['org']} autoFocus onSelect={(h: MemberHit) => setOrg({ id: h.id, name: h.name })} error={form.errors.orgId as string | undefined} />
        )}
        <Grid>
          <Grid.Col span={6}>
            <Select label={t('会员类别')} data={UNION_CATEGORIES.map((c) => ({ value: c, label: t(c) }))} allowDeselect={false} {...form.getInputProps('category')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={t('状态')} data={ORG_STATUS.map((s) => ({ value: s, label: t(ORG_STATUS_LABELS[s]) }))} allowDeselect={false} {...form.getInputProps('status')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('加入日期')} required {...form.getInputProps('joinedOn')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('退出日期')} {...form.getInputProps('leftOn')} />
          </Grid.Col>
        </Grid>
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

export function UnionDetailPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('unions.get', { id });
  const { can } = useSession();
  const { busy, run } = useAction();
  const { ask, dialog } = useConfirm();
  const [editing, setEditing] = useState(false);
  const [unit, setUnit] = useState<UnionMember | 'new' | null>(null);
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const { union: u, members } = q.data;
  const editable = can('unions.save');
  const setStatus = async (status: (typeof ORG_STATUS)[number]) => {
    if (await run(() => call('unions.setStatus', { id, version: u.version, status }), { ok: t('已保存') })) q.reload();
  };
  const remove = async (m: UnionMember) => {
    if (!(await ask(t('删除会员记录'), t('删除“{name}”的会员记录？退出农合联请填写退出日期；只有录错的记录才应删除。', { name: m.orgName }), t('删除')))) return;
    if (await run(() => call('unionMembers.remove', { id: m.id }), { ok: t('已删除') })) q.reload();
  };
  return (
    <Page
      title={u.name}
      actions={
        editable && (
          <>
            <Menu>
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={busy}>
                  {t('变更状态')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {ORG_STATUS.filter((s) => s !== u.status).map((s) => (
                  <Menu.Item key={s} onClick={() => setStatus(s)}>
                    {t(ORG_STATUS_LABELS[s])}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button onClick={() => setEditing(true)}>{t('编辑')}</Button>
          </>
        )
      }
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={5}>{t(unionKindLabel(u))}</Title>
            <StatusBadge status={u.status} />
          </Group>
          <Facts
            items={[
              ['覆盖', u.kind === 'industry' ? '' : u.level === 'county' ? t('全县') : u.townships.join('、')],
              ['产业', u.industry],
              ['成立日期', u.establishedOn],
              ['现有会员单位', String(u.memberUnits)],
              ['备注', u.notes],
            ]}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={5}>{t('会员单位')}</Title>
            {can('unionMembers.save') && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setUnit('new')}>
                {t('添加会员单位')}
              </Button>
            )}
          </Group>
          {members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('尚无会员单位')}
            </Text>
          ) : (
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('单位')}</Table.Th>
                  <Table.Th>{t('类型')}</Table.Th>
                  <Table.Th>{t('乡镇')}</Table.Th>
                  <Table.Th>{t('类别')}</Table.Th>
                  <Table.Th>{t('加入日期')}</Table.Th>
                  <Table.Th>{t('退出日期')}</Table.Th>
                  <Table.Th>{t('状态')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.id} c={m.current ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Anchor href={`#/members/orgs/${m.orgId}`}>{m.orgName}</Anchor>
                    </Table.Td>
                    <Table.Td>{t(m.orgKind)}</Table.Td>
                    <Table.Td>{m.township}</Table.Td>
                    <Table.Td>{t(m.category)}</Table.Td>
                    <Table.Td>{m.joinedOn}</Table.Td>
                    <Table.Td>{m.leftOn}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={m.status} />
                    </Table.Td>
                    <Table.Td>
                      {can('unionMembers.save') && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => setUnit(m)}>
                            {t('编辑')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(m)}>
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
        </Stack>
      </Paper>
      <HistoryPanel entity="union" id={id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('编辑农合联')}>
        <UnionForm
          union={u}
          onSaved={() => {
            setEditing(false);
            q.reload();
          }}
        />
      </Modal>
      <Modal opened={unit !== null} onClose={() => setUnit(null)} title={unit === 'new' ? t('添加会员单位') : t('会员资格')} size="lg">
        {unit !== null && (
          <MemberUnitForm
            unionId={id}
            unit={unit === 'new' ? null : unit}
            onDone={() => {
              setUnit(null);
              q.reload();
            }}
          />
        )}
      </Modal>
      {dialog}
    </Page>
  );
}
