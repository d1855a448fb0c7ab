import { eq } from 'drizzle-orm';
import type { Store } from '../db/store';
import { tasksMeta } from './schema';

export const DEFAULT_REMINDER_DAYS = 14;

export function getMeta(store: Store, key: string): string | null {
  return store.db.select().from(tasksMeta).where(eq(tasksMeta.key, key)).get()?.value ?? null;
}

/** Inside the caller's transaction. */
export function setMeta(store: Store, key: string, value: string): void {
  store.db.insert(tasksMeta).values({ key, value }).onConflictDoUpdate({ target: tasksMeta.key, set: { value } }).run();
}

export function reminderDays(store: Store): number {
  const v = Number(getMeta(store, 'reminderDays'));
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_REMINDER_DAYS;
}
