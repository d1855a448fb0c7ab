import { asc, eq } from 'drizzle-orm';
import type { Impls } from './router';
import type { tasksContract } from '../../shared/contract/tasks';
import { users } from '../core/auth/schema';
import { todayOf } from '../core/tasks/dates';
import { loadTaskRows } from '../core/tasks/queries';
import { createTask, deleteMilestone, holdTask, resumeTask, saveMilestone, setMilestoneDone, taskAreas, taskDetail, updateTask } from '../core/tasks/tasks';
import { addReport, readEvidence } from '../core/tasks/reports';
import { dashboard, reminders, trackerSettings, updateTrackerSettings } from '../core/tasks/dashboard';
import { BODY_GOALS, isPlanSeeded, seedPlan } from '../core/tasks/plan';
import { importTownshipUnits, listUnits, saveUnit } from '../core/tasks/units';
import { createIndicator, indicatorDetail, indicatorList, listIndicators, setIndicatorValue, updateIndicator, withdrawIndicatorValue } from '../core/tasks/indicators';
import { takeSnapshot } from '../core/tasks/snapshots';

/** Everyone on the staff reads the tracker. */
const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;
/** Managers and the administrator edit tasks, indicators and the units directory, and see the dashboard. */
const EDITORS = ['admin', 'manager'] as const;

export const tasksHandlers: Impls<typeof tasksContract> = {
  'tasks.list': {
    access: STAFF,
    handler: (ctx, input) => ({ today: todayOf(ctx.store), seeded: isPlanSeeded(ctx.store), areas: taskAreas(ctx.store), rows: loadTaskRows(ctx.store, todayOf(ctx.store), input) }),
  },
  'tasks.get': { access: STAFF, handler: (ctx, input) => taskDetail(ctx.store, ctx.actor, input.id) },
  'tasks.create': { access: EDITORS, handler: (ctx, input) => createTask(ctx.store, ctx.actor, input) },
  'tasks.update': { access: EDITORS, handler: (ctx, input) => updateTask(ctx.store, ctx.actor, input) },
  'tasks.hold': { access: EDITORS, handler: (ctx, input) => holdTask(ctx.store, ctx.actor, input) },
  'tasks.resume': { access: EDITORS, handler: (ctx, input) => resumeTask(ctx.store, ctx.actor, input) },
  'tasks.saveMilestone': { access: EDITORS, handler: (ctx, input) => saveMilestone(ctx.store, ctx.actor, input) },
  'tasks.deleteMilestone': { access: EDITORS, handler: (ctx, input) => deleteMilestone(ctx.store, ctx.actor, input) },
  'tasks.setMilestoneDone': { access: EDITORS, handler: (ctx, input) => setMilestoneDone(ctx.store, ctx.actor, input) },
  // Bookkeepers and front desk may report only on tasks they own; addReport refuses the others (FORBIDDEN).
  'tasks.report': { access: STAFF, handler: (ctx, input) => addReport(ctx.store, ctx.actor, input) },
  'tasks.file': { access: STAFF, handler: (ctx, input) => readEvidence(ctx.store, input.id) },
  'tasks.dashboard': { access: EDITORS, handler: (ctx) => dashboard(ctx.store) },
  'tasks.reminders': { access: STAFF, handler: (ctx) => reminders(ctx.store, ctx.actor) },
  'tasks.settings': { access: STAFF, handler: (ctx) => trackerSettings(ctx.store) },
  'tasks.updateSettings': { access: EDITORS, handler: (ctx, input) => updateTrackerSettings(ctx.store, ctx.actor, input) },
  'tasks.seedPlan': { access: EDITORS, handler: (ctx) => seedPlan(ctx.store, ctx.actor) },
  'tasks.suggestions': {
    access: EDITORS,
    handler: (ctx) => {
      const names = new Set(listIndicators(ctx.store).map((i) => i.name));
      return BODY_GOALS.map((g) => ({ ...g, added: names.has(g.indicator) }));
    },
  },
  'tasks.options': {
    access: STAFF,
    handler: (ctx) => ({
      areas: taskAreas(ctx.store),
      owners: ctx.store.db
        .select({ id: users.id, name: users.displayName, role: users.role })
        .from(users)
        .where(eq(users.active, true))
        .orderBy(asc(users.id))
        .all(),
      units: listUnits(ctx.store).map((u) => ({ id: u.id, name: u.name, kind: u.kind, active: u.active })),
      indicators: listIndicators(ctx.store).map((i) => ({ id: i.id, no: i.no, name: i.name, unit: i.unit })),
    }),
  },

  'units.list': { access: STAFF, handler: (ctx) => listUnits(ctx.store) },
  'units.save': { access: EDITORS, handler: (ctx, input) => saveUnit(ctx.store, ctx.actor, input) },
  'units.importTownships': { access: EDITORS, handler: (ctx) => importTownshipUnits(ctx.store, ctx.actor) },

  'indicators.list': { access: STAFF, handler: (ctx, input) => indicatorList(ctx.store, input.period) },
  'indicators.get': { access: STAFF, handler: (ctx, input) => indicatorDetail(ctx.store, input.id, input.months) },
  'indicators.create': { access: EDITORS, handler: (ctx, input) => createIndicator(ctx.store, ctx.actor, input) },
  'indicators.update': { access: EDITORS, handler: (ctx, input) => updateIndicator(ctx.store, ctx.actor, input) },
  'indicators.setValue': { access: EDITORS, handler: (ctx, input) => setIndicatorValue(ctx.store, ctx.actor, input) },
  'indicators.withdrawValue': { access: EDITORS, handler: (ctx, input) => withdrawIndicatorValue(ctx.store, ctx.actor, input) },
  'indicators.snapshot': { access: EDITORS, handler: (ctx, input) => takeSnapshot(ctx.store, ctx.actor, input.period) },
};
