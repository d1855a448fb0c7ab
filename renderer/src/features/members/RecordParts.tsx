import { Alert, Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import { t } from '../../i18n';
import { RECORD_PANELS } from './panels';
import { useConfirm } from './common';
import type { CoopMember, Reference } from './types';

/** Where the record is used; when it is used anywhere it can only be deactivated. */
export function ReferencesNote({ refs }: { refs: Reference[] }) {
  if (refs.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={t('此记录已被引用')}>
      {refs.map((r) => `${t(r.label)} ${r.count} ${t('条')}`).join('、')}
      {t('。被引用的记录不能删除，只能停用或注销。')}
    </Alert>
  );
}

export function MembershipsTable({ rows, side }: { rows: CoopMember[]; side: 'coop' | 'member' }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('无')}
      </Text>
    );
  return (
    <Table fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{side === 'member' ? t('合作社') : t('成员')}</Table.Th>
          <Table.Th>{t('入社日期')}</Table.Th>
          <Table.Th>{t('退社日期')}</Table.Th>
          <Table.Th ta="right">{t('扶贫项目资产出资（元）')}</Table.Th>
          <Table.Th ta="right">{t('其他出资（元）')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.id} c={m.current ? undefined : 'dimmed'}>
            <Table.Td>
              {side === 'member' ? (
                <Anchor href={`#/members/orgs/${m.coopId}`}>{m.coopName}</Anchor>
              ) : (
                <Anchor href={m.memberKind === 'household' ? `#/members/households/${m.memberId}` : `#/members/orgs/${m.memberId}`}>{m.memberName}</Anchor>
              )}
            </Table.Td>
            <Table.Td>{m.joinedOn}</Table.Td>
            <Table.Td>{m.leftOn || (m.current ? t('在社') : '')}</Table.Td>
            <Table.Td ta="right">{formatFen(m.capitalPovertyFen)}</Table.Td>
            <Table.Td ta="right">{formatFen(m.capitalOtherFen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Panels other capabilities registered for this kind of record. */
export function ExtraPanels({ kind, id, name, orgKind }: { kind: 'org' | 'household'; id: number; name: string; orgKind: string }) {
  const { can } = useSession();
  const panels = RECORD_PANELS.filter((p) => p.kinds.includes(kind) && (!p.orgKinds || p.orgKinds.includes(orgKind)) && (!p.method || can(p.method)));
  return (
    <>
      {panels.map((p) => (
        <Paper withBorder p="md" key={p.key}>
          <Stack gap="xs">
            <Title order={5}>{t(p.title)}</Title>
            <p.component kind={kind} id={id} name={name} orgKind={orgKind} />
          </Stack>
        </Paper>
      ))}
    </>
  );
}

/** Delete for a record typed in by mistake: offered only when nothing refers to it. */
export function DeleteButton({ method, id, name, refs, onDone }: { method: 'households.remove' | 'orgs.remove'; id: number; name: string; refs: Reference[]; onDone(): void }) {
  const { can } = useSession();
  const { busy, run } = useAction();
  const { ask, dialog } = useConfirm();
  if (!can(method) || refs.length > 0) return null;
  const go = async () => {
    if (!(await ask(t('删除记录'), t('确定删除“{name}”？只有录错的记录才应删除；删除会记入审计日志。', { name }), t('删除')))) return;
    if (await run(() => call(method, { id }), { ok: t('已删除') })) onDone();
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={go} loading={busy}>
        {t('删除')}
      </Button>
      {dialog}
    </>
  );
}
