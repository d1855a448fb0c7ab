import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useSession } from '../../app/session';
import { MemberPicker } from '../members/MemberPicker';
import { STAFF_FACT_KINDS, STAFF_FACT_LABELS, type StaffFactKind } from '../../../../shared/credit';
import { t } from '../../i18n';
import { localToday, moneyError, toFen, yuan, type Profile } from './common';

type Subject = Profile['subject'];
type StaffFact = Profile['staffFacts'][number];
type Evaluation = Profile['evaluations'][number];

function FactForm({ subject, onDone }: { subject: Subject; onDone(): void }) {
  const form = useForm({
    initialValues: { factKind: 'repaidOnTime' as StaffFactKind, occurredOn: localToday(), endsOn: '', title: '', amount: '', source: '' },
    validate: { amount: (v, all) => (all.factKind === 'guarantee' ? moneyError('担保金额')(v) : v ? moneyError('金额', false)(v) : null) },
  });
  const { busy, run } = useAction();
  const guarantee = form.values.factKind === 'guarantee';
  const submit = form.onSubmit(async (v) => {
    const ok = await run(
      () =>
        call('credit.facts.add', {
          kind: subject.kind,
          id: subject.id,
          factKind: v.factKind,
          occurredOn: v.occurredOn,
          endsOn: guarantee ? v.endsOn : '',
          title: v.title,
          amountFen: v.amount ? toFen(v.amount) : null,
          source: v.source,
        }),
      { ok: t('已登记'), setErrors: (e) => form.setErrors({ ...e, amount: e.amountFen }) },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select label={t('类别')} allowDeselect={false} data={STAFF_FACT_KINDS.map((k) => ({ value: k, label: t(STAFF_FACT_LABELS[k]) }))} {...form.getInputProps('factKind')} />
        <Group grow>
          <TextInput type="date" label={t('发生日期')} required max={localToday()} {...form.getInputProps('occurredOn')} />
          {guarantee && <TextInput type="date" label={t('担保到期日')} {...form.getInputProps('endsOn')} />}
        </Group>
        <TextInput label={t('事项')} required autoFocus placeholder={t('如：农商行贷款 50 万元按期结清')} {...form.getInputProps('title')} />
        <TextInput label={guarantee ? t('担保金额（元）') : t('金额（元）')} required={guarantee} {...form.getInputProps('amount')} />
        <TextInput label={t('依据')} placeholder={t('如：银行结清证明、奖牌文号、处罚决定书文号')} {...form.getInputProps('source')} />
        <Button type="submit" loading={busy}>
          {t('登记')}
        </Button>
      </Stack>
    </form>
  );
}

function WithdrawFact({ fact, onDone }: { fact: StaffFact; onDone(): void }) {
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('请填写撤销理由')) } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('credit.facts.withdraw', { id: fact.id, version: fact.version, reason: v.reason }), { ok: t('已撤销'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{fact.title}</Text>
        <TextInput label={t('撤销理由')} required autoFocus {...form.getInputProps('reason')} />
        <Button type="submit" color="orange" loading={busy}>
          {t('撤销')}
        </Button>
      </Stack>
    </form>
  );
}

/** Records staff entered from bank letters, certificates and decisions; withdrawn ones stay visible, struck through. */
export function StaffFacts({ profile, onChange }: { profile: Profile; onChange(): void }) {
  const { can } = useSession();
  const [mode, setMode] = useState<'add' | StaffFact | null>(null);
  const done = () => {
    setMode(null);
    onChange();
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('信用记录')}</Title>
        {can('credit.facts.add') && (
          <Button size="xs" variant="light" onClick={() => setMode('add')}>
            {t('登记信用记录')}
          </Button>
        )}
      </Group>
      {profile.staffFacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('没有登记的信用记录')}
        </Text>
      ) : (
        <Table striped fz="sm" data-testid="staff-facts">
          <Table.Tbody>
            {profile.staffFacts.map((f) => (
              <Table.Tr key={f.id} td={f.withdrawnAt ? 'line-through' : undefined} c={f.withdrawnAt ? 'dimmed' : undefined}>
                <Table.Td>
                  <Badge variant="light" color={f.kind === 'penalty' || f.kind === 'repaidLate' ? 'red' : f.kind === 'guarantee' ? 'orange' : 'green'}>
                    {t(STAFF_FACT_LABELS[f.kind])}
                  </Badge>
                </Table.Td>
                <Table.Td>{f.occurredOn}</Table.Td>
                <Table.Td>
                  {f.title}
                  {f.endsOn && ` （${t('至 {d}', { d: f.endsOn })}）`}
                </Table.Td>
                <Table.Td ta="right">{f.amountFen === null ? '' : yuan(f.amountFen)}</Table.Td>
                <Table.Td>{f.source}</Table.Td>
                <Table.Td>{f.withdrawnAt ? t('已撤销：{r}', { r: f.withdrawnReason }) : f.enteredBy}</Table.Td>
                <Table.Td>
                  {!f.withdrawnAt && can('credit.facts.withdraw') && (
                    <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setMode(f)}>
                      {t('撤销')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={mode !== null} onClose={() => setMode(null)} title={mode === 'add' ? t('登记信用记录') : t('撤销信用记录')}>
        {mode === 'add' && <FactForm subject={profile.subject} onDone={done} />}
        {mode !== null && mode !== 'add' && <WithdrawFact fact={mode} onDone={done} />}
      </Modal>
    </Paper>
  );
}

function EvaluationForm({ subject, evaluation, onDone }: { subject: Subject; evaluation: Evaluation | null; onDone(): void }) {
  const [evaluator, setEvaluator] = useState<{ id: number; name: string } | null>(evaluation ? { id: evaluation.evaluatorOrgId, name: evaluation.evaluatorName } : null);
  const form = useForm({ initialValues: { year: (evaluation?.year ?? new Date().getFullYear()) as number | string, score: String(evaluation?.score ?? 4), comment: evaluation?.comment ?? '' } });
  const { busy, run } = useAction();
  const [error, setError] = useState<string | undefined>();
  const submit = form.onSubmit(async (v) => {
    if (!evaluator) return setError(t('请选择评价单位'));
    const ok = await run(
      () =>
        call('credit.evaluations.save', {
          kind: subject.kind,
          id: subject.id,
          evaluationId: evaluation?.id ?? null,
          version: evaluation?.version ?? null,
          evaluatorOrgId: evaluator.id,
          year: Number(v.year),
          score: Number(v.score),
          comment: v.comment,
        }),
      { ok: t('已保存'), setErrors: (e) => (form.setErrors(e), setError(e.evaluatorOrgId)) },
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {evaluator ? (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('评价单位')}
            </Text>
            <Text fw={500}>{evaluator.name}</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setEvaluator(null)}>
              {t('重选')}
            </Button>
          </Group>
        ) : (
          <MemberPicker label={t('评价单位（农合联会员单位）')} kinds={['org']} required autoFocus exclude={[`${subject.kind}:${subject.id}`]} error={error} onSelect={(h) => (setEvaluator({ id: h.id, name: h.name }), setError(undefined))} />
        )}
        {evaluator && error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <NumberInput label={t('评价年度')} required min={2000} max={new Date().getFullYear()} {...form.getInputProps('year')} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('评分（1-5 分）')}
          </Text>
          <SegmentedControl aria-label={t('评分')} data={['1', '2', '3', '4', '5']} {...form.getInputProps('score')} />
        </div>
        <Textarea label={t('评语')} autosize minRows={2} {...form.getInputProps('comment')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** 互评: other member units' scores, one per unit and year. */
export function Evaluations({ profile, onChange }: { profile: Profile; onChange(): void }) {
  const { can } = useSession();
  const { run } = useAction();
  const [mode, setMode] = useState<'add' | Evaluation | null>(null);
  const done = () => {
    setMode(null);
    onChange();
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('会员互评')}</Title>
        {can('credit.evaluations.save') && (
          <Button size="xs" variant="light" onClick={() => setMode('add')}>
            {t('登记互评')}
          </Button>
        )}
      </Group>
      {profile.evaluations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('还没有会员互评')}
        </Text>
      ) : (
        <Table striped fz="sm" data-testid="evaluations">
          <Table.Tbody>
            {profile.evaluations.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.year}</Table.Td>
                <Table.Td>{e.evaluatorName}</Table.Td>
                <Table.Td>{'★'.repeat(e.score) + '☆'.repeat(5 - e.score)}</Table.Td>
                <Table.Td>{e.comment}</Table.Td>
                <Table.Td>
                  {can('credit.evaluations.save') && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setMode(e)}>
                        {t('修改')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={async () => (await run(() => call('credit.evaluations.remove', { id: e.id, version: e.version }), { ok: t('已删除') })) && onChange()}>
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
      <Modal opened={mode !== null} onClose={() => setMode(null)} title={mode === 'add' ? t('登记互评') : t('修改互评')}>
        {mode !== null && <EvaluationForm subject={profile.subject} evaluation={mode === 'add' ? null : mode} onDone={done} />}
      </Modal>
    </Paper>
  );
}
