import { desc, eq, sql } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { GRADES, type ModelDefinition } from '../../../shared/credit';
import { creditModels, creditRatings } from './schema';
import { factSource } from './fact-sources';
import { who } from '../tasks/who';
import './sources';

/**
 * The centre's first model, to be tuned by the manager: thirteen indicators over the registry, the books,
 * the front desk's service payments, the credit records and mutual evaluations, weights summing to 100,
 * and the grade bands.
 */
export const DEFAULT_MODEL: ModelDefinition = {
  indicators: [
    { fact: 'memberYears', weight: 5, better: 'higher', levels: [{ at: 5, pct: 100 }, { at: 3, pct: 70 }, { at: 1, pct: 40 }], missingPct: 0 },
    { fact: 'demoLevel', weight: 5, better: 'higher', levels: [{ at: 3, pct: 100 }, { at: 2, pct: 80 }, { at: 1, pct: 60 }], missingPct: 0 },
    { fact: 'booksKept', weight: 5, better: 'higher', levels: [{ at: 1, pct: 100 }], missingPct: 0 },
    { fact: 'closedOnTime', weight: 10, better: 'higher', levels: [{ at: 90, pct: 100 }, { at: 70, pct: 70 }, { at: 50, pct: 40 }], missingPct: 30 },
    { fact: 'surplus', weight: 10, better: 'higher', levels: [{ at: 20, pct: 100 }, { at: 5, pct: 70 }, { at: 0.01, pct: 40 }], missingPct: 20 },
    { fact: 'totalAssets', weight: 10, better: 'higher', levels: [{ at: 500, pct: 100 }, { at: 100, pct: 70 }, { at: 20, pct: 40 }], missingPct: 20 },
    { fact: 'loansOnTime', weight: 10, better: 'higher', levels: [{ at: 3, pct: 100 }, { at: 1, pct: 70 }, { at: 0, pct: 40 }], missingPct: 40 },
    { fact: 'loansOverdue', weight: 15, better: 'lower', levels: [{ at: 0, pct: 100 }, { at: 1, pct: 30 }], missingPct: 100 },
    { fact: 'guarantees', weight: 5, better: 'lower', levels: [{ at: 0, pct: 100 }, { at: 50, pct: 60 }, { at: 200, pct: 20 }], missingPct: 100 },
    { fact: 'awards', weight: 5, better: 'higher', levels: [{ at: 2, pct: 100 }, { at: 1, pct: 60 }], missingPct: 0 },
    { fact: 'penalties', weight: 10, better: 'lower', levels: [{ at: 0, pct: 100 }, { at: 1, pct: 20 }], missingPct: 100 },
    { fact: 'servicesPaid', weight: 5, better: 'higher', levels: [{ at: 95, pct: 100 }, { at: 80, pct: 60 }], missingPct: 50 },
    { fact: 'peerScore', weight: 5, better: 'higher', levels: [{ at: 4.5, pct: 100 }, { at: 4, pct: 80 }, { at: 3, pct: 50 }, { at: 2, pct: 20 }], missingPct: 50 },
  ],
  bands: [
    { grade: 'AAA', min: 90 },
    { grade: 'AA', min: 80 },
    { grade: 'A', min: 70 },
    { grade: 'B', min: 60 },
    { grade: 'C', min: 0 },
  ],
  validMonths: 12,
};

export interface ModelVersion {
  id: number;
  version: number;
  definition: ModelDefinition;
  note: string;
  createdBy: string;
  createdAt: string;
}

const toVersion = (r: typeof creditModels.$inferSelect): ModelVersion => ({ ...r, definition: JSON.parse(r.definition) as ModelDefinition });

export function currentModel(store: Store): ModelVersion | null {
  const row = store.db.select().from(creditModels).orderBy(desc(creditModels.version)).limit(1).get();
  return row ? toVersion(row) : null;
}

export function modelVersion(store: Store, version: number): ModelVersion {
  const row = store.db.select().from(creditModels).where(eq(creditModels.version, version)).get();
  if (!row) throw new AppError('NOT_FOUND', `评级模型第 ${version} 版不存在`);
  return toVersion(row);
}

/** Business rules the schema cannot see: every fact is one the app can read, and the bands are in grade order. */
export function checkDefinition(def: ModelDefinition): void {
  const seen = new Set<string>();
  def.indicators.forEach((ind, i) => {
    if (!factSource(ind.fact)) throw fieldError(`indicators.${i}.fact`, `第 ${i + 1} 项指标“${ind.fact}”不是系统能读取的事实`);
    if (seen.has(ind.fact)) throw fieldError(`indicators.${i}.fact`, `第 ${i + 1} 项指标“${factSource(ind.fact)!.label}”重复`);
    seen.add(ind.fact);
    const ats = new Set(ind.levels.map((l) => l.at));
    if (ats.size !== ind.levels.length) throw fieldError(`indicators.${i}.levels`, `第 ${i + 1} 项指标“${factSource(ind.fact)!.label}”有两个档次的门槛相同`);
  });
  const total = def.indicators.reduce((s, x) => s + x.weight, 0);
  if (total !== 100) throw fieldError('indicators', `各项指标权重合计应为 100，现为 ${total}`);
  if (def.bands.map((b) => b.grade).join() !== GRADES.join()) throw fieldError('bands', `等级应依次为 ${GRADES.join('、')}`);
  for (let i = 1; i < def.bands.length; i++)
    if (def.bands[i]!.min >= def.bands[i - 1]!.min) throw fieldError(`bands.${i}.min`, `${def.bands[i]!.grade} 级的最低分应低于 ${def.bands[i - 1]!.grade} 级（${def.bands[i - 1]!.min} 分）`);
  if (def.bands.at(-1)!.min !== 0) throw fieldError(`bands.${def.bands.length - 1}.min`, `${GRADES.at(-1)} 级的最低分应为 0，使每个分数都有等级`);
}

/** Inside the caller's transaction: the model in force, creating version 1 from the default on first use. */
export function ensureModel(store: Store, actor: Actor): ModelVersion {
  const cur = currentModel(store);
  if (cur) return cur;
  store.db.insert(creditModels).values({ version: 1, definition: JSON.stringify(DEFAULT_MODEL), note: '系统默认模型', createdBy: who(store, actor), createdAt: store.now() }).run();
  return currentModel(store)!;
}

/** Saving never edits a version: it adds the next one, and the ratings made under older versions keep theirs. */
export function saveModel(store: Store, actor: Actor, input: { baseVersion: number; definition: ModelDefinition; note: string }): ModelVersion {
  checkDefinition(input.definition);
  return store.write(actor, 'credit.model.save', (audit) => {
    const cur = currentModel(store);
    if ((cur?.version ?? 0) !== input.baseVersion) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (cur && JSON.stringify(cur.definition) === JSON.stringify(input.definition)) throw fieldError('note', '模型没有改动，无需保存新版本', 'REFUSED');
    const version = (cur?.version ?? 0) + 1;
    store.db.insert(creditModels).values({ version, definition: JSON.stringify(input.definition), note: input.note, createdBy: who(store, actor), createdAt: store.now() }).run();
    audit.record({ entity: 'credit_model', ids: [version], summary: { version, note: input.note, weights: Object.fromEntries(input.definition.indicators.map((i) => [i.fact, i.weight])) } });
    return currentModel(store)!;
  });
}

export function modelVersions(store: Store) {
  const counts = new Map(
    store.db
      .select({ v: creditRatings.modelVersion, n: sql<number>`count(*)` })
      .from(creditRatings)
      .groupBy(creditRatings.modelVersion)
      .all()
      .map((r) => [r.v, r.n]),
  );
  return store.db
    .select()
    .from(creditModels)
    .orderBy(desc(creditModels.version))
    .all()
    .map((r) => ({ version: r.version, note: r.note, createdBy: r.createdBy, createdAt: r.createdAt, ratings: counts.get(r.version) ?? 0 }));
}
