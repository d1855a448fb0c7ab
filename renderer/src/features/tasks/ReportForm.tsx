import { ActionIcon, Button, Checkbox, FileInput, Grid, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { toUpload } from '../../components/files';
import { t } from '../../i18n';
import { localToday, quarterOf, type TaskDetail } from './common';

interface Values {
  reportedOn: string;
  periodKind: 'month' | 'quarter';
  month: string;
  quarter: string;
  text: string;
  progress: number | string;
  milestoneIds: string[];
  figures: { name: string; value: number | string; unit: string }[];
  files: File[];
}

function quarterOptions(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const out: string[] = [];
  for (let year = y; year >= y - 1; year--) for (let q = 4; q >= 1; q--) if (`${year}-Q${q}` <= quarterOf(today)) out.push(`${year}-Q${q}`);
  return out;
}

/** A dated progress report for one task: text, figures, new progress, milestones reached and evidence files. */
export function ReportForm({ task, onDone }: { task: TaskDetail; onDone(): void }) {
  const today = localToday();
  const { busy, run } = useAction();
  const form = useForm<Values>({
    initialValues: { reportedOn: today, periodKind: 'month', month: today.slice(0, 7), quarter: quarterOf(today), text: '', progress: task.progress, milestoneIds: [], figures: [], files: [] },
  });
  const open = task.milestones.filter((m) => m.state !== 'done');
  const submit = form.onSubmit(async (v) => {
    const files = await Promise.all(v.files.map(toUpload));
    const r = await run(
      () =>
        call('tasks.report', {
          taskId: task.id,
          reportedOn: v.reportedOn,
          periodKind: v.periodKind,
          period: v.periodKind === 'month' ? v.month : v.quarter,
          text: v.text,
          progress: v.progress === '' || Number(v.progress) === task.progress ? null : Number(v.progress),
          milestoneIds: v.milestoneIds.map(Number),
          figures: v.figures.map((f) => ({ name: f.name, value: Number(f.value), unit: f.unit })),
          files,
        }),
      { ok: t('进展已填报'), setErrors: (f) => form.setErrors({ ...f, month: f.period, quarter: f.period }) },
    );
    if (r) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Grid>
          <Grid.Col span={4}>
            <TextInput type="date" label={t('填报日期')} required max={today} {...form.getInputProps('reportedOn')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <Text size="sm" fw={500} mb={4}>
              {t('报告期')}
            </Text>
            <SegmentedControl
              fullWidth
              data={[
                { value: 'month', label: t('按月') },
                { value: 'quarter', label: t('按季度') },
              ]}
              {...form.getInputProps('periodKind')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            {form.values.periodKind === 'month' ? (
              <TextInput type="month" label={t('所属月份')} required {...form.getInputProps('month')} />
            ) : (
              <Select label={t('所属季度')} required allowDeselect={false} data={quarterOptions(today)} {...form.getInputProps('quarter')} />
            )}
          </Grid.Col>
        </Grid>
        <Textarea label={t('进展情况')} required autoFocus autosize minRows={3} maxRows={10} {...form.getInputProps('text')} />
        <NumberInput label={t('目前进度（%）')} description={t('不改动则保持 {p}%', { p: task.progress })} min={0} max={100} w={220} {...form.getInputProps('progress')} />
        {open.length > 0 && (
          <Checkbox.Group label={t('本次完成的里程碑')} {...form.getInputProps('milestoneIds')}>
            <Stack gap={4} mt={4}>
              {open.map((m) => (
                <Checkbox key={m.id} value={String(m.id)} label={`${m.title}（${m.dueOn}）`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('数据')}
            </Text>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('figures', { name: '', value: '', unit: '' })}>
              {t('添加数据项')}
            </Button>
          </Group>
          {form.values.figures.map((_, i) => (
            <Group key={i} align="end" wrap="nowrap">
              <TextInput style={{ flex: 2 }} label={t('数据项名称')} placeholder={t('如 托管服务面积')} {...form.getInputProps(`figures.${i}.name`)} />
              <NumberInput style={{ flex: 1 }} label={t('数值')} {...form.getInputProps(`figures.${i}.value`)} />
              <TextInput w={90} label={t('单位')} {...form.getInputProps(`figures.${i}.unit`)} />
              <ActionIcon variant="subtle" color="red" aria-label={t('删除数据项')} onClick={() => form.removeListItem('figures', i)} mb={4}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <FileInput
          label={t('佐证材料')}
          description={t('照片、文件、表格等，每个不超过 20 MB，最多 10 个')}
          placeholder={t('选择文件')}
          multiple
          clearable
          leftSection={<IconPaperclip size={14} />}
          {...form.getInputProps('files')}
        />
        <Button type="submit" loading={busy}>
          {t('提交进展')}
        </Button>
      </Stack>
    </form>
  );
}
