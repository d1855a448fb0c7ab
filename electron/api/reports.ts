import type { Impls } from './router';
import type { reportsContract } from '../../shared/contract/reports';
import { catalog, exportReport, prepareBatch, preview } from '../core/reports/service';
import { downloadExport, listHistory, regenerate, requireExport } from '../core/reports/history';
import type { Out } from '../../shared/contract/define';

/** Every role may open the report centre; each report names the roles that may export it. */
const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;
/** Managers and the administrator see what was sent, download it again and check it against the data. */
const HISTORY = ['admin', 'manager'] as const;

export const reportsHandlers: Impls<typeof reportsContract> = {
  'reports.catalog': { access: STAFF, handler: (ctx) => catalog(ctx.store, ctx.actor) },
  'reports.preview': { access: STAFF, handler: (ctx, input) => preview(ctx.store, ctx.actor, input.key, input.params) },
  'reports.export': { access: STAFF, handler: (ctx, input) => exportReport(ctx.store, ctx.actor, input) },
  'reports.exportBatch': {
    access: STAFF,
    handler: (ctx, input) => {
      const batch = prepareBatch(ctx.store, ctx.actor, input);
      return { jobId: ctx.core.jobs.start(ctx.actor.userId!, batch.title, batch.run) };
    },
  },
  'reports.history': { access: HISTORY, handler: (ctx, input) => listHistory(ctx.store, input) },
  'reports.download': { access: HISTORY, handler: (ctx, input) => downloadExport(ctx.store, ctx.actor, input.id) },
  'reports.regenerate': {
    access: HISTORY,
    handler: (ctx, input) => {
      const row = requireExport(ctx.store, input.id);
      return { jobId: ctx.core.jobs.startValue(ctx.actor.userId!, `核对 ${row.fileName}`, (job) => regenerate(ctx.store, input.id, job)) };
    },
  },
  'reports.regenerated': {
    access: HISTORY,
    handler: (ctx, input) => ctx.core.jobs.takeValue(input.jobId, ctx.actor.userId!) as Out<typeof reportsContract['reports.regenerated']>,
  },
};
