import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';
import { UNIT_KINDS } from '../../../shared/tasks';

/** Units the plan names as responsible or cooperating: county departments, townships, banks, the post office. */
export const taskUnits = sqliteTable('task_units', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull().default('县级部门'),
  sort: integer('sort').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/**
 * Reform tasks. `no` is the plan's 序号 (1-31) and continues for added tasks. Status is not stored: it is
 * computed from dates, milestones and progress each time (see status.ts), except 暂缓 which is `held`.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    no: integer('no').notNull().unique(),
    area: text('area').notNull(),
    item: text('item').notNull(),
    text: text('text').notNull(),
    ownerId: integer('owner_id').references(() => users.id),
    startOn: text('start_on').notNull().default(''),
    dueOn: text('due_on').notNull().default(''),
    progress: integer('progress').notNull().default(0),
    held: integer('held', { mode: 'boolean' }).notNull().default(false),
    holdReason: text('hold_reason').notNull().default(''),
    completedOn: text('completed_on').notNull().default(''),
    source: text('source', { enum: ['plan', 'added'] }).notNull().default('added'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('tasks_owner').on(t.ownerId), index('tasks_due').on(t.dueOn)],
);

export const taskUnitLinks = sqliteTable(
  'task_unit_links',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => taskUnits.id),
    role: text('role', { enum: ['responsible', 'cooperating'] }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('task_unit_links_pk').on(t.taskId, t.role, t.unitId), index('task_unit_links_unit').on(t.unitId)],
);

export const taskMilestones = sqliteTable(
  'task_milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
    doneOn: text('done_on').notNull().default(''),
    doneBy: text('done_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('task_milestones_task').on(t.taskId), index('task_milestones_due').on(t.dueOn)],
);

/** Progress reports are an append-only record of what was reported, by whom and for which period. */
export const taskReports = sqliteTable(
  'task_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    reportedOn: text('reported_on').notNull(),
    periodKind: text('period_kind', { enum: ['month', 'quarter'] }).notNull(),
    /** 'YYYY-MM' or 'YYYY-Qn'. */
    period: text('period').notNull(),
    text: text('text').notNull(),
    /** JSON array of { name, value, unit }. */
    figures: text('figures').notNull().default('[]'),
    /** The task's progress percent set by this report, if it set one. */
    progress: integer('progress'),
    reporterId: integer('reporter_id').references(() => users.id),
    reporterName: text('reporter_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('task_reports_task').on(t.taskId, t.reportedOn), index('task_reports_created').on(t.createdAt)],
);

/** Evidence: the content is in file_blobs by SHA-256; the row keeps the original name and type. */
export const taskFiles = sqliteTable(
  'task_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => taskReports.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('task_files_report').on(t.reportId), index('task_files_task').on(t.taskId)],
);

/**
 * Plan indicators (1-8) and added ones. Values are stored as integer hundredths of the indicator's unit
 * (`*_x100`) so that 万亩次 and 亿元 keep two decimals without floats; `decimals` is how many are shown.
 */
export const indicators = sqliteTable('indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  no: integer('no').notNull().unique(),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  decimals: integer('decimals').notNull().default(0),
  target2024X100: integer('target2024_x100'),
  target2027X100: integer('target2027_x100').notNull(),
  source: text('source', { enum: ['plan', 'added'] }).notNull().default('added'),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** Years between 2024 and 2027 whose target was set by hand; the others follow the straight line. */
export const indicatorYearTargets = sqliteTable(
  'indicator_year_targets',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    year: integer('year').notNull(),
    valueX100: integer('value_x100').notNull(),
  },
  (t) => [uniqueIndex('indicator_year_targets_pk').on(t.indicatorId, t.year)],
);

export const taskIndicators = sqliteTable(
  'task_indicators',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [uniqueIndex('task_indicators_pk').on(t.taskId, t.indicatorId), index('task_indicators_indicator').on(t.indicatorId)],
);

/**
 * Values entered by hand for a period. Entries are never changed: a newer entry supersedes an older one and
 * withdrawing one only stamps it, so the history of what was entered (and why) stays readable.
 */
export const indicatorEntries = sqliteTable(
  'indicator_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: text('period').notNull(),
    valueX100: integer('value_x100').notNull(),
    note: text('note').notNull().default(''),
    enteredBy: text('entered_by').notNull(),
    enteredAt: text('entered_at').notNull(),
    withdrawnAt: text('withdrawn_at').notNull().default(''),
    withdrawnBy: text('withdrawn_by').notNull().default(''),
  },
  (t) => [index('indicator_entries_period').on(t.indicatorId, t.period)],
);

/** The figure reported for a month, frozen. A trigger (custom migration) refuses any update or delete. */
export const indicatorSnapshots = sqliteTable(
  'indicator_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: text('period').notNull(),
    valueX100: integer('value_x100'),
    computedX100: integer('computed_x100'),
    manualX100: integer('manual_x100'),
    basis: text('basis', { enum: ['computed', 'manual', 'carried', 'none'] }).notNull(),
    how: text('how').notNull().default(''),
    yearTargetX100: integer('year_target_x100'),
    target2027X100: integer('target2027_x100'),
    trigger: text('trigger', { enum: ['manual', 'auto'] }).notNull(),
    takenAt: text('taken_at').notNull(),
    takenBy: text('taken_by').notNull(),
  },
  (t) => [uniqueIndex('indicator_snapshots_pk').on(t.indicatorId, t.period), index('indicator_snapshots_period').on(t.period)],
);

/** Small key/value facts of the tracker: when the plan was seeded, the reminder window. */
export const tasksMeta = sqliteTable('tasks_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
