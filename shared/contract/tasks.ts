import { z, text, optText, int, id, date, optDate, period } from '../zod';
import { defineMethods } from './define';
import { empty, fileUpload, fileDownload } from './common';
import { TASK_STATUSES, UNIT_KINDS } from '../tasks';

const status = z.enum(TASK_STATUSES);
const unitRef = z.object({ id: z.number(), name: z.string() });
const version = int('版本', 1);

export const taskRow = z.object({
  id: z.number(),
  no: z.number(),
  area: z.string(),
  item: z.string(),
  text: z.string(),
  responsible: z.array(unitRef),
  cooperating: z.array(unitRef),
  ownerId: z.number().nullable(),
  ownerName: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  progress: z.number(),
  status,
  holdReason: z.string(),
  completedOn: z.string(),
  source: z.enum(['plan', 'added']),
  indicatorIds: z.array(z.number()),
  nextMilestone: z.object({ id: z.number(), title: z.string(), dueOn: z.string() }).nullable(),
  lateMilestones: z.number(),
  daysLeft: z.number().nullable(),
  startOverdue: z.boolean(),
  attention: z.enum(['overdue', 'soon', '']),
  latestReport: z.object({ id: z.number(), reportedOn: z.string(), period: z.string(), text: z.string(), reporterName: z.string() }).nullable(),
  reportCount: z.number(),
  version: z.number(),
});

const evidence = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });
const figureItem = z.object({ name: text('数据项名称', 50), value: z.number({ error: '数值必须是数字' }).finite({ error: '数值必须是数字' }), unit: optText('单位', 20) });

const taskDetail = taskRow.extend({
  today: z.string(),
  milestones: z.array(z.object({ id: z.number(), title: z.string(), dueOn: z.string(), doneOn: z.string(), doneBy: z.string(), state: z.enum(['done', 'late', 'soon', 'pending']) })),
  reports: z.array(
    z.object({
      id: z.number(),
      reportedOn: z.string(),
      periodKind: z.enum(['month', 'quarter']),
      period: z.string(),
      text: z.string(),
      figures: z.array(z.object({ name: z.string(), value: z.number(), unit: z.string() })),
      progress: z.number().nullable(),
      reporterName: z.string(),
      createdAt: z.string(),
      files: z.array(evidence),
    }),
  ),
  indicators: z.array(z.object({ id: z.number(), no: z.number(), name: z.string() })),
  canReport: z.boolean(),
  canEdit: z.boolean(),
});

const decimals = int('小数位数', 0, 2);
const amount = (label: string) => z.number({ error: `${label}必须是数字` }).finite({ error: `${label}必须是数字` }).min(0, { error: `${label}不能为负数` }).max(1e12, { error: `${label}过大` });

const indicatorFields = {
  name: text('指标名称', 100),
  unit: text('计量单位', 10),
  decimals: decimals.default(0),
  target2024: amount('2024年目标').nullable().default(null),
  target2027: amount('2027年目标'),
  notes: optText('说明', 500),
};

const taskFields = {
  area: text('领域', 100),
  item: text('事项', 100),
  text: text('工作任务', 2000),
  responsibleIds: z.array(id('责任单位'), { error: '请选择责任单位' }).min(1, { error: '请至少选择一个责任单位' }),
  cooperatingIds: z.array(id('配合单位')).default([]),
  ownerId: z.number().int().positive().nullable().default(null),
  startOn: optDate('开始日期'),
  dueOn: date('完成时限'),
  indicatorIds: z.array(id('指标')).default([]),
};

export const indicatorFigure = z.object({
  id: z.number(),
  no: z.number(),
  name: z.string(),
  unit: z.string(),
  decimals: z.number(),
  source: z.enum(['plan', 'added']),
  notes: z.string(),
  version: z.number(),
  hasSource: z.boolean(),
  target2024: z.number().nullable(),
  target2027: z.number(),
  year: z.number(),
  yearTarget: z.number().nullable(),
  period: z.string(),
  value: z.number().nullable(),
  basis: z.enum(['computed', 'manual', 'carried', 'none']),
  how: z.string(),
  route: z.string(),
  computed: z.number().nullable(),
  manual: z.object({ value: z.number(), note: z.string(), by: z.string(), at: z.string() }).nullable(),
  carriedFrom: z.string(),
  fromSnapshot: z.boolean(),
  snapshotAt: z.string(),
  snapshotBy: z.string(),
  snapshotTrigger: z.string(),
  pctYear: z.number().nullable(),
  pct2027: z.number().nullable(),
  taskCount: z.number(),
});

const unitOut = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sort: z.number(),
  active: z.boolean(),
  notes: z.string(),
  version: z.number(),
  responsibleCount: z.number(),
  cooperatingCount: z.number(),
});

const taskRef = z.object({ id: z.number(), no: z.number() });
const settings = z.object({ reminderDays: int('提醒提前天数', 1, 90) });

export const tasksContract = defineMethods({
  'tasks.list': {
    title: '查看任务台账',
    input: z.object({
      status: status.or(z.literal('')).default(''),
      unitId: z.number().int().positive().optional(),
      ownerId: z.number().int().positive().optional(),
      indicatorId: z.number().int().positive().optional(),
      due: z.enum(['', 'overdue', 'soon', 'attention']).default(''),
      q: optText('关键词', 50),
    }),
    output: z.object({ today: z.string(), seeded: z.boolean(), areas: z.array(z.string()), rows: z.array(taskRow) }),
  },
  'tasks.get': { title: '查看任务', input: z.object({ id: id('任务') }), output: taskDetail },
  'tasks.create': {
    title: '新增任务',
    input: z.object({
      ...taskFields,
      milestones: z.array(z.object({ title: text('里程碑', 100), dueOn: date('里程碑日期') })).max(50).default([]),
      newIndicator: z.object(indicatorFields).nullable().default(null),
    }),
    output: taskRef,
  },
  'tasks.update': { title: '修改任务', input: z.object({ id: id('任务'), version, ...taskFields, progress: int('进度', 0, 100) }), output: z.object({ id: z.number() }) },
  'tasks.hold': { title: '暂缓任务', input: z.object({ id: id('任务'), version, reason: text('暂缓原因', 500) }), output: z.object({ id: z.number() }) },
  'tasks.resume': { title: '恢复任务', input: z.object({ id: id('任务'), version }), output: z.object({ id: z.number() }) },
  'tasks.saveMilestone': {
    title: '保存里程碑',
    input: z.object({ taskId: id('任务'), version, id: z.number().int().positive().optional(), title: text('里程碑', 100), dueOn: date('里程碑日期') }),
    output: z.object({ id: z.number() }),
  },
  'tasks.deleteMilestone': { title: '删除里程碑', input: z.object({ taskId: id('任务'), version, id: id('里程碑') }), output: z.object({ id: z.number() }) },
  'tasks.setMilestoneDone': {
    title: '标记里程碑完成',
    input: z.object({ taskId: id('任务'), version, id: id('里程碑'), doneOn: optDate('完成日期') }),
    output: z.object({ id: z.number() }),
  },
  'tasks.report': {
    title: '填报任务进展',
    input: z.object({
      taskId: id('任务'),
      reportedOn: date('填报日期'),
      periodKind: z.enum(['month', 'quarter'], { error: '请选择按月或按季度' }).default('month'),
      period: text('所属期间', 7),
      text: text('进展情况', 4000),
      figures: z.array(figureItem).max(10, { error: '数据项最多 10 项' }).default([]),
      progress: int('进度', 0, 100).nullable().default(null),
      milestoneIds: z.array(id('里程碑')).default([]),
      files: z.array(fileUpload).max(10, { error: '佐证材料一次最多 10 个' }).default([]),
    }),
    output: z.object({ reportId: z.number(), taskId: z.number(), status, progress: z.number() }),
  },
  'tasks.file': { title: '下载佐证材料', input: z.object({ id: id('佐证材料') }), output: fileDownload },
  'tasks.dashboard': {
    title: '查看工作台',
    input: empty,
    output: z.object({
      today: z.string(),
      period: z.string(),
      year: z.number(),
      seeded: z.boolean(),
      indicators: z.array(indicatorFigure),
      total: z.number(),
      statusCounts: z.array(z.object({ status, count: z.number() })),
      dueSoon: z.number(),
      startOverdue: z.number(),
      overdue: z.array(
        z.object({ id: z.number(), no: z.number(), item: z.string(), text: z.string(), ownerId: z.number().nullable(), ownerName: z.string(), dueOn: z.string(), lateDays: z.number(), reason: z.string() }),
      ),
      latestReports: z.array(
        z.object({
          id: z.number(),
          taskId: z.number(),
          taskNo: z.number(),
          taskItem: z.string(),
          reportedOn: z.string(),
          period: z.string(),
          text: z.string(),
          progress: z.number().nullable(),
          reporterName: z.string(),
          files: z.number(),
        }),
      ),
      trends: z.array(
        z.object({
          id: z.number(),
          no: z.number(),
          name: z.string(),
          unit: z.string(),
          decimals: z.number(),
          yearTarget: z.number().nullable(),
          target2027: z.number(),
          points: z.array(z.object({ period: z.string(), value: z.number().nullable(), fromSnapshot: z.boolean() })),
        }),
      ),
    }),
  },
  'tasks.reminders': {
    title: '查看任务提醒',
    input: empty,
    output: z.object({
      days: z.number(),
      today: z.string(),
      items: z.array(
        z.object({
          kind: z.enum(['taskOverdue', 'milestoneOverdue', 'milestoneSoon', 'taskSoon']),
          taskId: z.number(),
          taskNo: z.number(),
          item: z.string(),
          title: z.string(),
          dueOn: z.string(),
          days: z.number(),
          ownerName: z.string(),
        }),
      ),
    }),
  },
  'tasks.settings': { title: '查看任务台账设置', input: empty, output: settings },
  'tasks.updateSettings': { title: '修改任务台账设置', input: settings, output: settings },
  'tasks.seedPlan': { title: '载入实施方案任务与指标', input: empty, output: z.object({ tasks: z.number(), indicators: z.number(), units: z.number() }) },
  'tasks.suggestions': {
    title: '查看方案正文目标',
    input: empty,
    output: z.array(
      z.object({ key: z.string(), area: z.string(), item: z.string(), text: z.string(), indicator: z.string(), unit: z.string(), target2027: z.number(), added: z.boolean() }),
    ),
  },
  'tasks.options': {
    title: '查看任务表单选项',
    input: empty,
    output: z.object({
      areas: z.array(z.string()),
      owners: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
      units: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), active: z.boolean() })),
      indicators: z.array(z.object({ id: z.number(), no: z.number(), name: z.string(), unit: z.string() })),
    }),
  },

  'units.list': { title: '查看单位名录', input: empty, output: z.array(unitOut) },
  'units.save': {
    title: '保存单位',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      name: text('单位名称', 50),
      kind: z.enum(UNIT_KINDS, { error: '请选择单位类别' }),
      sort: int('排序').default(0),
      active: z.boolean().default(true),
      notes: optText('备注', 200),
    }),
    output: z.object({ id: z.number() }),
  },
  'units.importTownships': { title: '从乡镇列表导入单位', input: empty, output: z.object({ added: z.number() }) },

  'indicators.list': {
    title: '查看指标',
    input: z.object({ period: period('期间').or(z.literal('')).default('') }),
    output: z.object({ period: z.string(), today: z.string(), current: z.boolean(), rows: z.array(indicatorFigure) }),
  },
  'indicators.get': {
    title: '查看指标详情',
    input: z.object({ id: id('指标'), months: int('月数', 1, 60).default(12) }),
    output: z.object({
      figure: indicatorFigure,
      yearTargets: z.array(z.object({ year: z.number(), value: z.number().nullable(), manual: z.boolean(), line: z.number().nullable() })),
      history: z.array(
        z.object({
          period: z.string(),
          value: z.number().nullable(),
          basis: z.enum(['computed', 'manual', 'carried', 'none']),
          how: z.string(),
          fromSnapshot: z.boolean(),
          computed: z.number().nullable(),
          manual: z.number().nullable(),
          recomputed: z.number().nullable(),
          yearTarget: z.number().nullable(),
        }),
      ),
      entries: z.array(
        z.object({ id: z.number(), period: z.string(), value: z.number(), note: z.string(), enteredBy: z.string(), enteredAt: z.string(), withdrawnAt: z.string(), withdrawnBy: z.string() }),
      ),
      snapshots: z.array(
        z.object({ period: z.string(), value: z.number().nullable(), basis: z.string(), how: z.string(), trigger: z.string(), takenAt: z.string(), takenBy: z.string() }),
      ),
      tasks: z.array(z.object({ id: z.number(), no: z.number(), item: z.string(), text: z.string(), status })),
    }),
  },
  'indicators.create': { title: '新增指标', input: z.object(indicatorFields), output: z.object({ id: z.number(), no: z.number() }) },
  'indicators.update': {
    title: '修改指标',
    input: z.object({
      id: id('指标'),
      version,
      ...indicatorFields,
      yearTargets: z.array(z.object({ year: int('年份', 2024, 2027), value: amount('年度目标').nullable() })).default([]),
    }),
    output: z.object({ id: z.number() }),
  },
  'indicators.setValue': {
    title: '填报指标数值',
    input: z.object({ id: id('指标'), period: period('所属月份'), value: amount('数值'), note: optText('数据来源说明', 500) }),
    output: z.object({ entryId: z.number() }),
  },
  'indicators.withdrawValue': { title: '撤回指标填报值', input: z.object({ id: id('指标'), period: period('所属月份') }), output: z.object({ withdrawn: z.number() }) },
  'indicators.snapshot': { title: '保存指标月末快照', input: z.object({ period: period('所属月份') }), output: z.object({ period: z.string(), taken: z.number() }) },
});
