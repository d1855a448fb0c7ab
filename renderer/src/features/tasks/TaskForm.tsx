import { ActionIcon, Autocomplete, Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { t } from '../../i18n';
import type { TaskDetail } from './common';

interface Values {
  area: string;
  item: string;
  text: string;
  responsibleIds: string[];
  cooperatingIds: string[];
  ownerId: string | null;
  startOn: string;
  dueOn: string;
  indicatorIds: string[];
  progress: number;
  milestones: { title: string; dueOn: string }[];
  withIndicator: boolean;
  newIndicator: { name: string; unit: string; target2027: number | string };
}

const ids = (v: string[]) => v.map(Number);

/** Creates a task (optionally from one of the plan body's goals, with its own indicator) or edits one. */
export function TaskForm({ task, onDone }: { task?: TaskDetail; onDone(id: number): void }) {
  const opts = useCall('tasks.options', {});
  const suggestions = useCall('tasks.suggestions', {}, !task);
  const { busy, run } = useAction();
  const form = useForm<Values>({
    initialValues: {
      area: task?.area ?? '',
      item: task?.item ?? '',
      text: task?.text ?? '',
      responsibleIds: task?.responsible.map((u) => String(u.id)) ?? [],
      cooperatingIds: task?.cooperating.map((u) => String(u.id)) ?? [],
      ownerId: task?.ownerId ? String(task.ownerId) : null,
      startOn: task?.startOn ?? '',
      dueOn: task?.dueOn ?? '',
      indicatorIds: task?.indicatorIds.map(String) ?? [],
      progress: task?.progress ?? 0,
      milestones: [],
      withIndicator: false,
      newIndicator: { name: '', unit: '', target2027: '' },
    },
  });
  const setErrors = form.setErrors;

  const submit = form.onSubmit(async (v) => {
    const fields = {
      area: v.area,
      item: v.item,
      text: v.text,
      responsibleIds: ids(v.responsibleIds),
      cooperatingIds: ids(v.cooperatingIds),
      ownerId: v.ownerId ? Number(v.ownerId) : null,
      startOn: v.startOn,
      dueOn: v.dueOn,
      indicatorIds: ids(v.indicatorIds),
    };
    if (task) {
      const r = await run(() => call('tasks.update', { ...fields, id: task.id, version: task.version, progress: v.progress }), { ok: t('已保存'), setErrors });
      if (r) onDone(r.id);
      return;
    }
    const newIndicator = v.withIndicator ? { name: v.newIndicator.name, unit: v.newIndicator.unit, target2027: Number(v.newIndicator.target2027) } : null;
    const r = await run(() => call('tasks.create', { ...fields, milestones: v.milestones, newIndicator }), { ok: t('已新增任务'), setErrors });
    if (r) onDone(r.id);
  });

  if (!opts.data) return <Loading error={opts.error} loading={opts.loading} />;
  const units = opts.data.units.filter((u) => u.active || form.values.responsibleIds.includes(String(u.id)) || form.values.cooperatingIds.includes(String(u.id)));
  const unitData = ['县级部门', '乡镇街道', '金融机构', '邮政', '其他']
    .map((kind) => ({ group: t(kind), items: units.filter((u) => u.kind === kind).map((u) => ({ value: String(u.id), label: u.name })) }))
    .filter((g) => g.items.length > 0);
  const pick = (key: string | null) => {
    const s = suggestions.data?.find((x) => x.key === key);
    if (!s) return;
    form.setValues({ area: s.area, item: s.item, text: s.text, withIndicator: !s.added, newIndicator: { name: s.indicator, unit: s.unit, target2027: s.target2027 }, dueOn: form.values.dueOn || '2027-12-31' });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {!task && suggestions.data && (
          <Select
            label={t('从实施方案正文选取目标（可选）')}
            description={t('方案正文中设定、但附件任务表未列出的目标')}
            placeholder={t('选择后自动填写')}
            clearable
            data={suggestions.data.map((s) => ({ value: s.key, label: `${s.text}${s.added ? t('（已有指标）') : ''}` }))}
            onChange={pick}
          />
        )}
        <Grid>
          <Grid.Col span={6}>
            <Autocomplete label={t('领域')} required data={opts.data.areas} autoFocus {...form.getInputProps('area')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('事项')} required {...form.getInputProps('item')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('工作任务')} required autosize minRows={2} maxRows={6} {...form.getInputProps('text')} />
        <Grid>
          <Grid.Col span={6}>
            <MultiSelect label={t('责任单位')} required searchable data={unitData} {...form.getInputProps('responsibleIds')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <MultiSelect label={t('配合单位')} searchable data={unitData} {...form.getInputProps('cooperatingIds')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select label={t('中心责任人')} clearable searchable data={opts.data.owners.map((o) => ({ value: String(o.id), label: o.name }))} {...form.getInputProps('ownerId')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput type="date" label={t('开始日期')} {...form.getInputProps('startOn')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput type="date" label={t('完成时限')} required {...form.getInputProps('dueOn')} />
          </Grid.Col>
          <Grid.Col span={task ? 8 : 12}>
            <MultiSelect label={t('关联指标')} searchable data={opts.data.indicators.map((i) => ({ value: String(i.id), label: `${i.no}. ${i.name}（${i.unit}）` }))} {...form.getInputProps('indicatorIds')} />
          </Grid.Col>
          {task && (
            <Grid.Col span={4}>
              <NumberInput label={t('进度（%）')} min={0} max={100} {...form.getInputProps('progress')} />
            </Grid.Col>
          )}
        </Grid>
        {!task && (
          <>
            <Checkbox label={t('同时新建一项指标并关联')} {...form.getInputProps('withIndicator', { type: 'checkbox' })} />
            {form.values.withIndicator && (
              <Paper withBorder p="sm">
                <Grid>
                  <Grid.Col span={6}>
                    <TextInput label={t('指标名称')} required {...form.getInputProps('newIndicator.name')} />
                  </Grid.Col>
                  <Grid.Col span={2}>
                    <TextInput label={t('计量单位')} required {...form.getInputProps('newIndicator.unit')} />
                  </Grid.Col>
                  <Grid.Col span={4}>
                    <NumberInput label={t('2027年目标')} required min={0} {...form.getInputProps('newIndicator.target2027')} />
                  </Grid.Col>
                </Grid>
              </Paper>
            )}
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t('里程碑')}
                </Text>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('milestones', { title: '', dueOn: '' })}>
                  {t('添加里程碑')}
                </Button>
              </Group>
              {form.values.milestones.map((_, i) => (
                <Group key={i} align="end" wrap="nowrap">
                  <TextInput style={{ flex: 1 }} label={t('里程碑')} {...form.getInputProps(`milestones.${i}.title`)} />
                  <TextInput type="date" label={t('日期')} {...form.getInputProps(`milestones.${i}.dueOn`)} />
                  <ActionIcon variant="subtle" color="red" aria-label={t('删除里程碑')} onClick={() => form.removeListItem('milestones', i)} mb={4}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </>
        )}
        <Button type="submit" loading={busy}>
          {task ? t('保存') : t('新增任务')}
        </Button>
      </Stack>
    </form>
  );
}
