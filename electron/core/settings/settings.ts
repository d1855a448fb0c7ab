import { settings } from './schema';
import type { Store, Actor } from '../db/store';
import { SYSTEM_SETTINGS, type SystemSettings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { issuesToFields } from '../../../shared/zod';

function readAll(store: Store): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of store.db.select().from(settings).all()) out[row.key] = JSON.parse(row.value);
  return out;
}

/** Stored values over defaults; a value that no longer parses falls back to its default. */
export function getSettings(store: Store): SystemSettings {
  const stored = readAll(store);
  const merged: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SYSTEM_SETTINGS.shape)) {
    const parsed = schema.safeParse(stored[key]);
    merged[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return merged as SystemSettings;
}

export function updateSettings(store: Store, actor: Actor, patch: Partial<SystemSettings>): SystemSettings {
  const parsed = SYSTEM_SETTINGS.partial().safeParse(patch);
  if (!parsed.success) throw new AppError('VALIDATION', '设置有误，请检查标红的项目', issuesToFields(parsed.error.issues));
  const before = getSettings(store);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    const from = (before as Record<string, unknown>)[key];
    if (value !== undefined && JSON.stringify(from) !== JSON.stringify(value)) changed[key] = { from, to: value };
  }
  if (Object.keys(changed).length === 0) return before;
  return store.write(actor, 'settings.update', (audit) => {
    for (const [key, { to }] of Object.entries(changed)) {
      const json = JSON.stringify(to);
      store.db
        .insert(settings)
        .values({ key, value: json, updatedAt: store.now() })
        .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: store.now() } })
        .run();
    }
    audit.record({ entity: 'settings', ids: Object.keys(changed), summary: changed });
    return getSettings(store);
  });
}
