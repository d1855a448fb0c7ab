import { useState } from 'react';
import { Anchor, Badge, Button, CloseButton, Grid, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import { EVENT_ROLE_LABELS } from '../../../../shared/contract/matchingFields';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { EventForm } from './EventsPage';
import { PartyField, type PartyValue } from './PartyField';
import { DealStatus } from './common';

type Role = 'seller' | 'buyer' | 'other';

function AddParticipant({ eventId, exclude, onDone }: { eventId: number; exclude: string[]; onDone(): void }) {
  const [party, setParty] = useState<PartyValue | null>(null);
  const [role, setRole] = useState<Role>('other');
  const { busy, run } = useAction();
  const add = async () => {
    if (!party) return;
    if (await run(() => call('matchEvents.addParticipant', { eventId, partyKind: party.kind, partyId: party.id, role }), { ok: t('已添加 {name}', { name: party.name }) })) {
      setParty(null);
      onDone();
    }
  };
  return (
    <Group align="end" gap="xs">
      <div style={{ flex: 1 }}>
        <PartyField label={t('添加参与方')} value={party} onChange={setParty} exclude={exclude} enterprises />
      </div>
      <Select
        w={110}
        label={t('身份')}
        allowDeselect={false}
        value={role}
        onChange={(v) => setRole((v ?? 'other') as Role)}
        data={(Object.keys(EVENT_ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: t(EVENT_ROLE_LABELS[r]) }))}
      />
      <Button onClick={add} loading={busy} disabled={!party}>
        {t('添加')}
      </Button>
    </Group>
  );
}

export function EventPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('matchEvents.get', { id }, true, ['matchEvents', 'deals']);
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const { run } = useAction();
  const e = q.data?.event;
  const writable = can('matchEvents.save');
  return (
    <Page title={e ? e.name : t('对接活动')} actions={e && writable && <Button onClick={() => setEditing(true)}>{t('编辑')}</Button>}>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {e && q.data && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              <Paper withBorder p="md">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Badge variant="light">{t(e.kind)}</Badge>
                    <Text size="sm">{e.date}</Text>
                  </Group>
                  <Text size="sm">
                    {t('地点')}：{[e.township, e.place].filter(Boolean).join(' ') || '—'}
                  </Text>
                  <Text size="sm">{t('主办单位')}：{e.organiser || '—'}</Text>
                  <Text size="sm" fw={600}>
                    {t('签约 {n} 笔，金额 ¥{v}', { n: e.deals, v: formatFen(e.valueFen) })}
                  </Text>
                  {e.notes && <Text size="sm">{e.notes}</Text>}
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Title order={5} mb="xs">
                  {t('参与方（{n}）', { n: q.data.participants.length })}
                </Title>
                <Stack gap={4}>
                  {q.data.participants.map((p) => (
                    <Group key={`${p.partyKind}:${p.partyId}`} justify="space-between" wrap="nowrap">
                      <Group gap="xs">
                        <Badge size="xs" variant="light" color={p.role === 'seller' ? 'teal' : p.role === 'buyer' ? 'blue' : 'gray'}>
                          {t(EVENT_ROLE_LABELS[p.role])}
                        </Badge>
                        <Text size="sm">{p.name}</Text>
                        <Text size="xs" c="dimmed">
                          {t(p.kindLabel)}
                        </Text>
                      </Group>
                      {writable && (
                        <CloseButton
                          size="sm"
                          aria-label={t('移除 {name}', { name: p.name })}
                          onClick={async () => (await run(() => call('matchEvents.removeParticipant', { eventId: e.id, partyKind: p.partyKind, partyId: p.partyId }), { ok: t('已移除') })) && q.reload()}
                        />
                      )}
                    </Group>
                  ))}
                  {writable && <AddParticipant eventId={e.id} exclude={q.data.participants.map((p) => `${p.partyKind}:${p.partyId}`)} onDone={q.reload} />}
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                {t('活动中签约的成交')}
              </Title>
              {q.data.deals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('还没有在本活动签约的成交。确认成交时选择本活动即可计入。')}
                </Text>
              ) : (
                <Table fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('编号')}</Table.Th>
                      <Table.Th>{t('供方')}</Table.Th>
                      <Table.Th>{t('需方')}</Table.Th>
                      <Table.Th>{t('产品')}</Table.Th>
                      <Table.Th>{t('数量')}</Table.Th>
                      <Table.Th>{t('金额（元）')}</Table.Th>
                      <Table.Th>{t('状态')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.deals.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Anchor href={`#/matching/deals/${d.id}`}>{d.code}</Anchor>
                        </Table.Td>
                        <Table.Td>{d.seller}</Table.Td>
                        <Table.Td>{d.buyer}</Table.Td>
                        <Table.Td>{d.product}</Table.Td>
                        <Table.Td>
                          {d.quantity} {d.unit}
                        </Table.Td>
                        <Table.Td>{formatFen(d.valueFen)}</Table.Td>
                        <Table.Td>
                          <DealStatus status={d.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('编辑活动')} size="lg">
        {e && (
          <EventForm
            event={e}
            onDone={() => {
              setEditing(false);
              q.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
