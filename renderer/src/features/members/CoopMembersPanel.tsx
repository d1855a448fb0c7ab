import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useSession } from '../../app/session';
import { formatFen, parseYuan } from '../../../../shared/money';
import { t } from '../../i18n';
import { MemberPicker } from './MemberPicker';
import { ExportMenu } from './common';
import type { CoopMember, MemberHit } from './types';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const yuan = (fen: number) => (fen ? formatFen(fen, { thousands: false }) : '');
const money = (label: string) => (v: string) => {
  const f = parseYuan(v || '0');
  return f === null || f < 0 ? t('{label}应为不超过两位小数的非负金额', { label: t(label) }) : null;
};

function MemberForm({ coopId, member, exclude, onDone }: { coopId: number; member: CoopMember | null; exclude: string[]; onDone(): void }) {
  const [picked, setPicked] = useState<{ kind: 'household' | 'org'; id: number; name: string } | null>(member ? { kind: member.memberKind, id: member.memberId, name: member.memberName } : null);
  const form = useForm({
    initialValues: {
      joinedOn: member?.joinedOn ?? today(),
      leftOn: member?.leftOn ?? '',
      poverty: member ? yuan(member.capitalPovertyFen) : '',
      other: member ? yuan(member.capitalOtherFen) : '',
      notes: member?.notes ?? '',
    },
    validate: { poverty: money('扶贫项目资产出资'), other: money('其他出资') },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (!picked) {
      form.setFieldError('memberId', t('请先选择成员'));
      return;
    }
    const ok = await run(
      () =>
        call('coopMembers.save', {
          id: member?.id,
          version: member?.version,
          coopId,
          memberKind: picked.kind,
          memberId: picked.id,
          joinedOn: v.joinedOn,
          leftOn: v.leftOn,
          capitalPovertyFen: parseYuan(v.poverty || '0') ?? 0,
          capitalOtherFen: parseYuan(v.other || '0') ?? 0,
          notes: v.notes,
        }),
      { ok: member ? t('已保存') : t('已添加成员 {name}', { name: picked.name }), setErrors: (f) => form.setErrors({ ...f, poverty: f.capitalPovertyFen, other: f.capitalOtherFen }) },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {member ? (
          <Text fw={500}>{member.memberName}</Text>
        ) : picked ? (
          <Group>
            <Text fw={500} data-testid="picked-member">
              {picked.name}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => setPicked(null)}>
              {t('重新选择')}
            </Button>
          </Group>
        ) : (
          <MemberPicker
            label={t('成员（农户或单位）')}
            autoFocus
            allowQuickAdd
            exclude={[...exclude, `org:${coopId}`]}
            onSelect={(h: MemberHit) => setPicked({ kind: h.kind, id: h.id, name: h.name })}
            error={form.errors.memberId as string | undefined}
          />
        )}
        <Grid>
          <Grid.Col span={6}>
            <TextInput type="date" label={t('入社日期')} required {...form.getInputProps('joinedOn')} />
          </Grid.Col>
          <Grid.Col span={6}>{member && <TextInput type="date" label={t('退社日期')} description={t('退社时填写')} {...form.getInputProps('leftOn')} />}</Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('扶贫项目资产出资（元）')} inputMode="decimal" {...form.getInputProps('poverty')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('其他出资（元）')} inputMode="decimal" {...form.getInputProps('other')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('备注')} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** A cooperative's member roll: who joined and left when, and their capital split by source. */
export function CoopMembersPanel({ coopId, coopName, members, onChange }: { coopId: number; coopName: string; members: CoopMember[]; onChange(): void }) {
  const { can } = useSession();
  const [editing, setEditing] = useState<CoopMember | 'new' | null>(null);
  const current = members.filter((m) => m.current);
  const poverty = current.reduce((s, m) => s + m.capitalPovertyFen, 0);
  const other = current.reduce((s, m) => s + m.capitalOtherFen, 0);
  const editable = can('coopMembers.save');
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={5}>{t('成员名册')}</Title>
            <Badge variant="light">{t('在社 {n} 人', { n: current.length })}</Badge>
          </Group>
          <Group gap="xs">
            {members.length > 0 && <ExportMenu input={{ kind: 'coopMembers', coopId }} label="导出名册" />}
            {editable && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('添加成员')}
              </Button>
            )}
          </Group>
        </Group>
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('尚无成员')}
          </Text>
        ) : (
          <Table fz="sm" striped data-testid="coop-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('成员')}</Table.Th>
                <Table.Th>{t('证件号码')}</Table.Th>
                <Table.Th>{t('乡镇')}</Table.Th>
                <Table.Th>{t('入社日期')}</Table.Th>
                <Table.Th>{t('退社日期')}</Table.Th>
                <Table.Th ta="right">{t('扶贫项目资产出资（元）')}</Table.Th>
                <Table.Th ta="right">{t('其他出资（元）')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.id} c={m.current ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Anchor href={m.memberKind === 'household' ? `#/members/households/${m.memberId}` : `#/members/orgs/${m.memberId}`}>{m.memberName}</Anchor>
                  </Table.Td>
                  <Table.Td>{m.memberCode}</Table.Td>
                  <Table.Td>{m.township}</Table.Td>
                  <Table.Td>{m.joinedOn}</Table.Td>
                  <Table.Td>{m.leftOn}</Table.Td>
                  <Table.Td ta="right">{formatFen(m.capitalPovertyFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(m.capitalOtherFen)}</Table.Td>
                  <Table.Td>
                    {editable && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m)}>
                        {m.current ? t('编辑 / 退社') : t('编辑')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={600}>
                <Table.Td colSpan={5}>{t('在社成员出资合计')}</Table.Td>
                <Table.Td ta="right">{formatFen(poverty)}</Table.Td>
                <Table.Td ta="right">{formatFen(other)}</Table.Td>
                <Table.Td>{formatFen(poverty + other)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('添加成员：{name}', { name: coopName }) : t('成员资格')} size="lg">
        {editing !== null && (
          <MemberForm
            coopId={coopId}
            member={editing === 'new' ? null : editing}
            exclude={current.map((m) => `${m.memberKind}:${m.memberId}`)}
            onDone={() => {
              setEditing(null);
              onChange();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
