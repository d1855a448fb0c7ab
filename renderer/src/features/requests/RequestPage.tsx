import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Grid, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { ProgressBar } from '../../components/charts';
import { downloadFile, formatTime } from '../../components/files';
import { navigate, queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import type { RouteProps } from '../types';
import { PAY_STATE_LABELS, PRIORITY_LABELS, STATUS_LABELS, type RequestStatus } from '../../../../shared/contract/requestFields';
import { formatFen } from '../../../../shared/money';
import { t } from '../../i18n';
import { OverdueBadge, StatusBadge, STATUS_COLORS, mu, type Detail } from './common';
import { QuoteTable } from './QuoteTable';
import { DispatchForm } from './DispatchForm';
import { EditForm, FollowUpForm, RecordForm, TextForm } from './ActionForms';

type Dialog = 'dispatch' | 'record' | 'followUp' | 'cancel' | 'edit' | 'complaint' | null;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

function Info({ r }: { r: Detail }) {
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Field label={t('农户（主体）')}>
          {r.party.name} {r.party.phone}
        </Field>
        <Field label={t('服务类别')}>{t(r.kind)}</Field>
        <Field label={t('受理渠道')}>{t(r.channel)}</Field>
        <Field label={t('优先级')}>{t(PRIORITY_LABELS[r.priority] ?? '')}</Field>
        {r.production && (
          <>
            <Field label={t('作物')}>{r.crop}</Field>
            <Field label={t('服务环节')}>{r.links.map((l) => l.name).join('、')}</Field>
            <Field label={t('面积（亩）')}>{mu(r.areaMu100)}</Field>
            <Field label={t('地块')}>{[r.township, r.village, r.location].filter(Boolean).join(' ')}</Field>
          </>
        )}
        <Field label={t('期望日期')}>{r.wishedFrom || r.wishedTo ? `${r.wishedFrom || '—'} ～ ${r.wishedTo || '—'}` : ''}</Field>
        <Field label={t('服务主体')}>{r.provider ? `${r.provider.name}（${[r.provider.contactName, r.provider.phone].filter(Boolean).join(' ')}）` : ''}</Field>
        <Field label={t('经办人')}>{r.handler}</Field>
        <Field label={t('托管合同')}>{r.contract ? <Anchor href={`#/requests/contracts/${r.contract.id}`}>{r.contract.code}</Anchor> : ''}</Field>
        {r.outsideReason && <Field label={t('跨范围派单原因')}>{r.outsideReason}</Field>}
        {r.cancelReason && <Field label={t('取消原因')}>{r.cancelReason}</Field>}
        {r.satisfaction !== null && <Field label={t('满意度')}>{`${r.satisfaction} / 5 ${r.followComment}`}</Field>}
        {r.notes && <Field label={t('备注')}>{r.notes}</Field>}
      </SimpleGrid>
    </Paper>
  );
}

function Records({ r, editable, onEdit, onChanged }: { r: Detail; editable: boolean; onEdit(rec: Detail['records'][number]): void; onChanged(): void }) {
  const { run } = useAction();
  // Removing work on record takes a second click on the same row.
  const [confirming, setConfirming] = useState<number | null>(null);
  const open = r.status === 'dispatched' || r.status === 'in_service';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t('服务记录')}</Title>
          <Text size="sm" data-testid="record-totals">
            {t('合计 {mu} 亩次，服务费 {fee} 元，补助 {sub} 元，应付 {due} 元，已付 {paid} 元', { mu: mu(r.totals.muTimes100), fee: formatFen(r.totals.feeFen), sub: formatFen(r.totals.subsidyFen), due: formatFen(r.totals.dueFen), paid: formatFen(r.totals.paidFen) })}
          </Text>
        </Group>
        {r.progress.map((p) => (
          <Group key={p.linkId} gap="sm" wrap="nowrap">
            <Text size="sm" w={48}>
              {p.link}
            </Text>
            <div style={{ flex: 1 }}>
              <ProgressBar value={p.doneMu100 / 100} max={p.plannedMu100 / 100} label={t('{link}完成面积', { link: p.link })} />
            </div>
            <Text size="xs" c="dimmed" w={110} ta="right">
              {mu(p.doneMu100)} / {mu(p.plannedMu100)} {t('亩')}
            </Text>
          </Group>
        ))}
        {r.records.length > 0 && (
          <Table fz="sm" striped withTableBorder data-testid="records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('日期')}</Table.Th>
                <Table.Th>{t('环节')}</Table.Th>
                <Table.Th ta="right">{t('面积（亩）')}</Table.Th>
                <Table.Th ta="right">{t('亩次')}</Table.Th>
                <Table.Th>{t('机手 / 机械')}</Table.Th>
                <Table.Th ta="right">{t('服务费')}</Table.Th>
                <Table.Th ta="right">{t('补助')}</Table.Th>
                <Table.Th ta="right">{t('应付')}</Table.Th>
                <Table.Th ta="right">{t('已付')}</Table.Th>
                <Table.Th>{t('付款')}</Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.records.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.doneOn}</Table.Td>
                  <Table.Td>{x.link}</Table.Td>
                  <Table.Td ta="right">{mu(x.areaMu100)}</Table.Td>
                  <Table.Td ta="right">{mu(x.muTimes100)}</Table.Td>
                  <Table.Td>{[x.operator, x.machine].filter(Boolean).join(' / ')}</Table.Td>
                  <Table.Td ta="right">{formatFen(x.feeFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(x.subsidyFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(x.dueFen)}</Table.Td>
                  <Table.Td ta="right">{formatFen(x.paidFen)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} color={x.payState === 'paid' ? 'teal' : x.payState === 'partial' ? 'orange' : 'gray'}>
                      {t(PAY_STATE_LABELS[x.payState])}
                    </Badge>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => onEdit(x)}>
                          {open ? t('修改') : t('收款')}
                        </Button>
                        {open && confirming !== x.id && (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(x.id)}>
                            {t('删除')}
                          </Button>
                        )}
                        {open && confirming === x.id && (
                          <Button size="compact-xs" color="red" onClick={async () => (await run(() => call('requests.removeRecord', { id: x.id, version: x.version }), { ok: t('已删除') })) && onChanged()}>
                            {t('确认删除')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function History({ r, canResolve, onChanged }: { r: Detail; canResolve: boolean; onChanged(): void }) {
  const [resolving, setResolving] = useState<Detail['complaints'][number] | null>(null);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('办理经过')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={r.events.length - 1} data-testid="timeline">
          {r.events.map((e) => (
            <Timeline.Item key={e.id} color={e.toStatus ? STATUS_COLORS[e.toStatus as RequestStatus] : 'gray'} title={t(e.label)}>
              <Text size="xs" c="dimmed">
                {formatTime(e.at)} · {e.displayName}
                {e.fromStatus !== e.toStatus && e.toStatus ? ` · ${t(STATUS_LABELS[e.toStatus as RequestStatus])}` : ''}
              </Text>
              {e.note && <Text size="sm">{e.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
      {r.complaints.length > 0 && (
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('投诉')}
          </Title>
          <Stack gap="xs">
            {r.complaints.map((c) => (
              <div key={c.id}>
                <Group gap={6}>
                  <Badge color={c.status === 'open' ? 'red' : 'teal'} variant="light">
                    {c.status === 'open' ? t('待处理') : t('已处理')}
                  </Badge>
                  <Text size="sm">{c.content}</Text>
                </Group>
                {c.resolution && (
                  <Text size="xs" c="dimmed">
                    {t('处理结果')}：{c.resolution}（{formatTime(c.resolvedAt)}）
                  </Text>
                )}
                {c.status === 'open' && canResolve && (
                  <Button size="compact-xs" variant="light" mt={4} onClick={() => setResolving(c)}>
                    {t('登记处理结果')}
                  </Button>
                )}
              </div>
            ))}
          </Stack>
        </Paper>
      )}
      <Modal opened={resolving !== null} onClose={() => setResolving(null)} title={t('处理投诉')}>
        {resolving && (
          <TextForm
            label={t('处理结果')}
            button={t('处理完毕')}
            onSubmit={async (text) => {
              await call('requests.resolveComplaint', { id: resolving.id, version: resolving.version, resolution: text });
              setResolving(null);
              onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** One request: what was asked, the actions its status allows, the money, the work done and its history. */
export function RequestPage({ params }: RouteProps) {
  const id = Number(params.id);
  const path = usePath();
  const { can } = useSession();
  const q = useCall('requests.get', { id }, true, ['requests']);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<Detail['records'][number] | null>(null);
  const { busy, run } = useAction();
  const r = q.data;
  const wantsDispatch = queryParams(path).get('dispatch') === '1';
  useEffect(() => {
    if (wantsDispatch && r?.actions.includes('dispatch')) setDialog('dispatch');
  }, [wantsDispatch, r?.actions]);
  const close = () => {
    setDialog(null);
    setEditing(null);
    if (wantsDispatch) navigate(`/requests/item/${id}`);
    q.reload();
  };
  const has = (a: Detail['actions'][number], method: string) => r?.actions.includes(a) && can(method);
  const step = (method: 'requests.start' | 'requests.complete', ok: string) => async () => {
    if (r && (await run(() => call(method, { id: r.id, version: r.version }), { ok, reload: q.reload }))) q.reload();
  };
  const print = async () => {
    const file = await run(() => call('workOrders.print', { id }));
    if (file) downloadFile(file);
  };

  return (
    <Page
      title={r ? `${r.code} ${r.party.name}` : t('服务申请')}
      actions={
        r && (
          <>
            <StatusBadge status={r.status} />
            <OverdueBadge reasons={r.overdue} />
            {has('dispatch', 'requests.dispatch') && <Button onClick={() => setDialog('dispatch')}>{r.status === 'dispatched' ? t('改派') : t('派单')}</Button>}
            {has('start', 'requests.start') && (
              <Button variant="light" loading={busy} onClick={step('requests.start', t('已开始服务'))}>
                {t('开始服务')}
              </Button>
            )}
            {r.production && has('record', 'requests.addRecord') && <Button onClick={() => setDialog('record')}>{t('登记服务')}</Button>}
            {has('complete', 'requests.complete') && (
              <Button variant="light" color="teal" loading={busy} onClick={step('requests.complete', t('已完成'))}>
                {t('完成服务')}
              </Button>
            )}
            {has('followUp', 'requests.followUp') && <Button onClick={() => setDialog('followUp')}>{t('回访')}</Button>}
            {r.production && r.provider && can('workOrders.print') && (
              <Button variant="default" loading={busy} onClick={print}>
                {t('打印派工单')}
              </Button>
            )}
            {has('edit', 'requests.update') && (
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('修改')}
              </Button>
            )}
            {can('requests.addComplaint') && r.status !== 'received' && (
              <Button variant="default" onClick={() => setDialog('complaint')}>
                {t('登记投诉')}
              </Button>
            )}
            {has('cancel', 'requests.cancel') && (
              <Button variant="subtle" color="red" onClick={() => setDialog('cancel')}>
                {t('取消申请')}
              </Button>
            )}
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {r && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Info r={r} />
              {r.production && (
                <Paper withBorder p="md">
                  <QuoteTable quote={r.quote} title={r.provider ? t('派工单金额（单价已锁定）') : t('费用估算')} />
                </Paper>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <History r={r} canResolve={can('requests.resolveComplaint')} onChanged={q.reload} />
          </Grid.Col>
          <Grid.Col span={12}>
            {r.production && r.status !== 'received' && r.status !== 'cancelled' && (
              <Records
                r={r}
                editable={can('requests.updateRecord')}
                onEdit={(x) => {
                  setEditing(x);
                  setDialog('record');
                }}
                onChanged={q.reload}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
      {r && (
        <>
          <Modal opened={dialog === 'dispatch'} onClose={close} title={t('派单：{code}', { code: r.code })} size="lg">
            <DispatchForm request={r} onDone={close} />
          </Modal>
          <Modal opened={dialog === 'record'} onClose={close} title={editing ? t('修改服务记录') : t('登记服务记录')} size="lg">
            <RecordForm request={r} record={editing ?? undefined} onDone={close} />
          </Modal>
          <Modal opened={dialog === 'followUp'} onClose={close} title={t('回访')}>
            <FollowUpForm request={r} onDone={close} />
          </Modal>
          <Modal opened={dialog === 'edit'} onClose={close} title={t('修改申请')} size="xl">
            <EditForm request={r} onDone={close} />
          </Modal>
          <Modal opened={dialog === 'cancel'} onClose={close} title={t('取消申请')}>
            <TextForm label={t('取消原因')} button={t('确认取消')} onSubmit={async (reason) => (await call('requests.cancel', { id: r.id, version: r.version, reason }), close())} />
          </Modal>
          <Modal opened={dialog === 'complaint'} onClose={close} title={t('登记投诉')}>
            <TextForm label={t('投诉内容')} button={t('登记')} onSubmit={async (content) => (await call('requests.addComplaint', { requestId: r.id, content }), close())} />
          </Modal>
        </>
      )}
    </Page>
  );
}
