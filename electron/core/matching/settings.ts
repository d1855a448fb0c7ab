import { eq } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { settings } from '../settings/schema';
import { DEFAULT_WEIGHTS, type Weights } from './score';
import { AppError } from '../../../shared/errors';

export interface MatchingSettings {
  weights: Weights;
  /** Beyond this straight-line distance the distance part scores 0. */
  maxKm: number;
}

const KEY = 'matching';
export const DEFAULT_MATCHING: MatchingSettings = { weights: DEFAULT_WEIGHTS, maxKm: 80 };

/** Kept in the shared settings table under its own key, so the centre-wide settings schema stays untouched. */
export function getMatchingSettings(store: Store): MatchingSettings {
  const row = store.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_MATCHING;
  try {
    const v = JSON.parse(row.value) as Partial<MatchingSettings>;
    const weights = { ...DEFAULT_WEIGHTS };
    for (const k of Object.keys(DEFAULT_WEIGHTS) as (keyof Weights)[]) {
      const x = v.weights?.[k];
      if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 100) weights[k] = x;
    }
    const maxKm = typeof v.maxKm === 'number' && v.maxKm >= 5 && v.maxKm <= 1000 ? v.maxKm : DEFAULT_MATCHING.maxKm;
    return { weights, maxKm };
  } catch {
    return DEFAULT_MATCHING;
  }
}

export function saveMatchingSettings(store: Store, actor: Actor, input: MatchingSettings): MatchingSettings {
  if (Object.values(input.weights).every((w) => w === 0)) throw new AppError('VALIDATION', '权重不能全为 0', { 'weights.fit': '权重不能全为 0' });
  return store.write(actor, 'matching.saveSettings', (audit) => {
    const before = getMatchingSettings(store);
    const json = JSON.stringify(input);
    store.db
      .insert(settings)
      .values({ key: KEY, value: json, updatedAt: store.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: store.now() } })
      .run();
    audit.record({ entity: 'settings', ids: [KEY], summary: { before, after: input } });
    return getMatchingSettings(store);
  });
}
