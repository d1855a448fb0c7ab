import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Loading, Page } from '../../components/Page';
import { downloadFile, formatBytes, formatTime, toUpload } from '../../components/files';
import { formatRate } from '../../../../shared/credit';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { AppStatusBadge, registryPath, subjectPath, yuan, type App } from './common';
import { DecideForm, DisburseForm, EditForm, SubmitForm, WithdrawForm } from './AppForms';

type Step = { kind: 'submit' | 'decide' | 'withdraw' | 'edit' | 'disburse' } | { kind: 'repay'; id: number };

function Docs({ app, onChange }: { app: App; onChange(a: App): void }) {
  const { can } = useSession();
  const { busy, run } = useAction();
  const [extra, setExtra] = useState('');
  const open = app.status === 'draft' || app.status === 'submitted';
  const upload = async (file: File | null, docId: number | null) => {
    if (!file) return;
    const r = await run(async () => call('credit.applications.uploadDoc', { id: app.id, docId, name: docId === null ? extra : '', file: await toUpload(file) }), { ok: t('已收到 {name}', { name: file.name }) });
    if (r) {
      setExtra('');
      onChange(r);
    }
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('材料清单')}</Title>
        <Text size="sm" c={app.docsReceived < app.docsRequired ? 'orange' : 'green'} data-testid="docs-count">
          {t('必备材料 {n}/{m}', { n: app.docsReceived, m: app.docsRequired })}
        </Text>
      </Group>
      <Table striped data-testid="docs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('材料')}</Table.Th>
            <Table.Th>{t('状态')}</Table.Th>
            <Table.Th>{t('文件')}</Table.Th>
            <Table.Th>{t('收件')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {app.docs.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                {d.name}
                {!d.required && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {t('补充')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={d.received ? 'green' : 'gray'} variant="light">
                  {d.received ? t('已收') : t('未收')}
                </Badge>
              </Table.Td>
              <Table.Td>{d.received ? `${d.fileName}（${formatBytes(d.size)}）` : ''}</Table.Td>
              <Table.Td>{d.received ? `${d.receivedBy} ${formatTime(d.receivedAt)}` : ''}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {d.received && can('credit.applications.doc') && (
                    <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={async () => {
                      const f = await run(() => call('credit.applications.doc', { docId: d.id }));
                      if (f) downloadFile(f);
                    }}>
                      {t('下载')}
                    </Button>
                  )}
                  {open && can('credit.applications.uploadDoc') && (
                    <FileButton onChange={(f) => void upload(f, d.id)}>
                      {(props) => (
                        <Button {...props} size="compact-xs" variant="light" loading={busy} leftSection={<IconUpload size={14} />} aria-label={t('上传{name}', { name: d.name })}>
                          {d.received ? t('重新上传') : t('上传')}
                        </Button>
                      )}
                    </FileButton>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && can('credit.applications.uploadDoc') && (
        <Group mt="xs" align="end">
          <TextInput size="xs" label={t('补充材料名称')} value={extra} onChange={(e) => setExtra(e.currentTarget.value)} />
          <FileButton onChange={(f) => void upload(f, null)} disabled={!extra.trim()}>
            {(props) => (
              <Button {...props} size="xs" variant="default" disabled={!extra.trim()}>
                {t('上传补充材料')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Paper>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {t(label)}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** One application: who, which product, the checklist, the bank's decision and the money paid out and back. */
export function ApplicationPage({ params }: RouteProps) {
  const q = useCall('credit.applications.get', { id: Number(params.id) }, true, ['credit']);
  const products = useCall('credit.products.list', {});
  const { can } = useSession();
  const [app, setApp] = useState<App | undefined>();
  const [step, setStep] = useState<Step | null>(null);
  useEffect(() => setApp(q.data), [q.data]);
  const done = (a: App) => {
    setStep(null);
    setApp(a);
  };
  const a = app;
  const product = products.data?.find((p) => p.id === a?.productId);
  const repaying = step?.kind === 'repay' ? (a?.disbursements.find((d) => d.id === step.id) ?? null) : null;
  const titles: Record<Step['kind'], string> = { submit: '提交银行', decide: '登记审批结果', withdraw: '撤回申请', edit: '修改申请', disburse: '登记放款', repay: '登记还款' };
  return (
    <Page
      title={a ? t('金融代办 {no}', { no: a.no }) : t('金融代办')}
      actions={
        a && (
          <>
            {a.status === 'draft' && can('credit.applications.submit') && <Button onClick={() => setStep({ kind: 'submit' })}>{t('提交银行')}</Button>}
            {a.status === 'submitted' && can('credit.applications.decide') && <Button onClick={() => setStep({ kind: 'decide' })}>{t('登记审批结果')}</Button>}
            {['approved', 'disbursed', 'repaid'].includes(a.status) && can('credit.disbursements.save') && <Button onClick={() => setStep({ kind: 'disburse' })}>{t('登记放款')}</Button>}
            {['draft', 'submitted'].includes(a.status) && can('credit.applications.update') && (
              <Button variant="default" onClick={() => setStep({ kind: 'edit' })}>
                {t('修改')}
              </Button>
            )}
            {['draft', 'submitted'].includes(a.status) && can('credit.applications.withdraw') && (
              <Button variant="default" color="orange" onClick={() => setStep({ kind: 'withdraw' })}>
                {t('撤回')}
              </Button>
            )}
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !a} />
      {a && (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Group gap="xs">
                <AppStatusBadge status={a.status} />
                {a.overdue && (
                  <Badge color="red" variant="filled">
                    {t('逾期未还')}
                  </Badge>
                )}
                <Anchor href={`#${registryPath(a.kind, a.subjectId)}`} fw={600}>
                  {a.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(a.kindLabel)} · {a.township}
                </Text>
              </Group>
              {can('credit.profile.get') && (
                <Anchor href={`#${subjectPath(a.kind, a.subjectId)}`} size="sm">
                  {t('信用档案')}
                </Anchor>
              )}
            </Group>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Field label="贷款产品" value={`${a.productName}（${a.bank}）`} />
              <Field label="贷款用途" value={a.purpose} />
              <Field label="所属产业" value={a.industry} />
              <Field label="受理" value={`${a.createdAt.slice(0, 10)} ${a.createdBy}`} />
              <Field label="提交银行日期" value={a.submittedOn} />
              <Field label="银行审批日期" value={a.decidedOn} />
              {!a.amountsHidden && <Field label="申请金额（元）" value={yuan(a.requestedFen)} />}
              {!a.amountsHidden && <Field label="批准金额（元）" value={yuan(a.grantedFen)} testId="granted" />}
              {!a.amountsHidden && <Field label="执行年利率" value={a.rateBp === null ? '' : formatRate(a.rateBp)} />}
              {!a.amountsHidden && <Field label="期限（月）" value={a.termMonths === null ? '' : String(a.termMonths)} />}
              {a.decisionNote && <Field label={a.status === 'withdrawn' ? '撤回原因' : '审批意见'} value={a.decisionNote} />}
              {a.notes && <Field label="备注" value={a.notes} />}
            </SimpleGrid>
            {a.amountsHidden && (
              <Alert color="gray" variant="light" mt="sm" p="xs">
                {t('贷款金额和信用评级属于会员个人信用信息，只有负责人和管理员可以查看。')}
              </Alert>
            )}
          </Paper>
          <Docs app={a} onChange={setApp} />
          {a.disbursements.length > 0 && (
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                {t('放款与还款')}
              </Title>
              <Table striped data-testid="disbursements">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('放款日期')}</Table.Th>
                    {!a.amountsHidden && <Table.Th ta="right">{t('放款金额（元）')}</Table.Th>}
                    <Table.Th>{t('到期日')}</Table.Th>
                    <Table.Th>{t('还清日期')}</Table.Th>
                    <Table.Th>{t('备注')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.disbursements.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.disbursedOn}</Table.Td>
                      {!a.amountsHidden && <Table.Td ta="right">{yuan(d.amountFen)}</Table.Td>}
                      <Table.Td>{d.dueOn}</Table.Td>
                      <Table.Td>
                        {d.repaidOn ||
                          (d.overdue ? (
                            <Badge color="red" variant="light">
                              {t('逾期未还')}
                            </Badge>
                          ) : (
                            t('未还清')
                          ))}
                      </Table.Td>
                      <Table.Td>{d.notes}</Table.Td>
                      <Table.Td>
                        {!d.repaidOn && can('credit.disbursements.save') && (
                          <Button size="compact-xs" variant="light" onClick={() => setStep({ kind: 'repay', id: d.id })}>
                            {t('登记还款')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <Modal opened={step !== null} onClose={() => setStep(null)} title={step ? t(titles[step.kind]) : ''}>
            {step?.kind === 'submit' && <SubmitForm app={a} product={product} onDone={done} />}
            {step?.kind === 'decide' && <DecideForm app={a} onDone={done} />}
            {step?.kind === 'withdraw' && <WithdrawForm app={a} onDone={done} />}
            {step?.kind === 'edit' && <EditForm app={a} onDone={done} />}
            {(step?.kind === 'disburse' || step?.kind === 'repay') && <DisburseForm app={a} disbursement={repaying} onDone={done} />}
          </Modal>
        </>
      )}
    </Page>
  );
}
