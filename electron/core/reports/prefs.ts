import { eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { getSettings } from '../settings/settings';
import { who } from '../tasks/who';
import { reportPrefs } from './schema';

export interface ReportPrefs {
  unit: string;
  preparer: string;
  reviewer: string;
}

/** What the user typed last time; before the first export, the centre's name and the user's own name. */
export function prefsOf(store: Store, actor: Actor): ReportPrefs {
  const row = actor.userId === null ? undefined : store.db.select().from(reportPrefs).where(eq(reportPrefs.userId, actor.userId)).get();
  if (row) return { unit: row.unit, preparer: row.preparer, reviewer: row.reviewer };
  return { unit: getSettings(store).centreName, preparer: who(store, actor), reviewer: '' };
}

/** Inside the export's write: the names on the form are remembered for the next report. */
export function rememberPrefs(store: Store, actor: Actor, p: ReportPrefs): void {
  if (actor.userId === null) return;
  const values = { unit: p.unit, preparer: p.preparer, reviewer: p.reviewer, updatedAt: store.now() };
  store.db
    .insert(reportPrefs)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: reportPrefs.userId, set: values })
    .run();
}
