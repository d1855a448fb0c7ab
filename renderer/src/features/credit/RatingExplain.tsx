import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useSession } from '../../app/session';
import { formatTime } from '../../components/files';
import { formatScore, GRADES, RATING_STATUS_LABELS, type Grade } from '../../../../shared/credit';
import { t } from '../../i18n';
import { GradeBadge, type Rating } from './common';

function ApproveForm({ rating, onDone }: { rating: Rating; onDone(r: Rating): void }) {
  const form = useForm({ initialValues: { grade: rating.computedGrade as string, reason: '' } });
  const { busy, run } = useAction();
  const adjusted = form.values.grade !== rating.computedGrade;
  const submit = form.onSubmit(async (v) => {
    const r = await run(() => call('credit.ratings.approve', { id: rating.id, grade: v.grade as Grade, reason: v.reason }), { ok: t('评级已审批'), setErrors: form.setErrors });
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Group align="end">
        <Select w={140} label={t('审批等级')} allowDeselect={false} data={[...GRADES]} {...form.getInputProps('grade')} />
        <TextInput style={{ flex: 1 }} label={t('调整理由')} required={adjusted} disabled={!adjusted} placeholder={adjusted ? t('如：银行授信调查结论') : t('不调整等级时无需填写')} {...form.getInputProps('reason')} />
        <Button type="submit" loading={busy}>
          {t('审批通过')}
        </Button>
      </Group>
    </form>
  );
}

/**
 * Why a rating came out as it did: the model version, each indicator's input as it was read then, the
 * rule that applied and the points earned, and who rated and approved it.
 */
export function RatingExplain({ rating, onApproved }: { rating: Rating; onApproved?(r: Rating): void }) {
  const { can } = useSession();
  const val = (v: number | null, unit: string) => (v === null ? t('无数据') : `${v}${unit ? ` ${unit}` : ''}`);
  const left = rating.lines.filter((l) => !l.applicable);
  return (
    <Stack data-testid="rating-explain">
      <Group gap="lg">
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('得分')}
          </Text>
          <Text fw={700} size="lg" data-testid="rating-score">
            {formatScore(rating.scoreX100)}
          </Text>
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('等级')}
          </Text>
          <GradeBadge grade={rating.grade} size="lg" />
          {rating.grade !== rating.computedGrade && (
            <Text size="sm" c="orange">
              {t('（计算结果 {g}，审批调整）', { g: rating.computedGrade })}
            </Text>
          )}
        </Group>
        <Badge variant="light" color={rating.status === 'approved' ? 'green' : rating.status === 'proposed' ? 'yellow' : 'gray'}>
          {t(RATING_STATUS_LABELS[rating.status])}
        </Badge>
      </Group>
      <Text size="sm">
        {t('评级模型第 {v} 版 · 数据截至 {d} · {by} 于 {at} 评级', { v: rating.modelVersion, d: rating.asOf, by: rating.ratedBy, at: formatTime(rating.ratedAt) })}
        {rating.approvedBy && ` · ${t('{by} 于 {at} 审批，有效期至 {until}', { by: rating.approvedBy, at: formatTime(rating.approvedAt), until: rating.validUntil })}`}
      </Text>
      {rating.adjustReason && (
        <Alert color="orange" variant="light" p="xs">
          {t('调整理由')}：{rating.adjustReason}
        </Alert>
      )}
      <Table striped withTableBorder fz="sm" data-testid="rating-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('指标')}</Table.Th>
            <Table.Th>{t('来源')}</Table.Th>
            <Table.Th>{t('数值')}</Table.Th>
            <Table.Th>{t('依据')}</Table.Th>
            <Table.Th>{t('计分规则')}</Table.Th>
            <Table.Th ta="right">{t('得分/权重')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rating.lines.map((l) => (
            <Table.Tr key={l.fact} c={l.applicable ? undefined : 'dimmed'}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(l.label)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(l.from)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.applicable ? val(l.value, l.unit) : t('不适用')}</Table.Td>
              <Table.Td>{l.detail}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.rule}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{l.applicable ? `${(l.pointsX100 / 100).toFixed(2)} / ${l.weight}` : `— / ${l.weight}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {left.length
          ? t('适用指标权重合计 {w}，得 {p} 分，折算为百分制 {s} 分。', { w: rating.applicableWeight, p: (rating.rawX100 / 100).toFixed(2), s: formatScore(rating.scoreX100) })
          : t('各项得分合计 {s} 分。', { s: formatScore(rating.scoreX100) })}
      </Text>
      {rating.status === 'proposed' && can('credit.ratings.approve') && onApproved && <ApproveForm rating={rating} onDone={onApproved} />}
    </Stack>
  );
}
