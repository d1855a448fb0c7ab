import type { Store } from '../db/store';
import type { Subject } from './subjects';

/** One fact about a subject as the app reads it: a number (or null when there is no data) and where it came from. */
export interface FactReading {
  value: number | null;
  /** Chinese, shown in the profile and kept in a rating's inputs ("2021-03-01 加入云阳县农合联，满 5.2 年"). */
  detail: string;
}

export interface FactScope {
  /** The day facts are counted to. */
  asOf: string;
  /** The subjects about to be read; a source may narrow its queries to them when they are few. */
  subjects: readonly Subject[];
}

export interface FactSource {
  key: string;
  label: string;
  unit: string;
  /** The part of the app the fact comes from (会员档案, 统一代账, 信用服务, 前台受理, 产销对接). */
  from: string;
  /** What the figure means and how it is counted, for the model editor. */
  help: string;
  /** Whether the fact describes this kind of subject; an indicator on a fact that does not apply is left out. */
  appliesTo(subject: Subject): boolean;
  /**
   * Prepares to read the fact for many subjects at once (a few queries, not one per subject) and returns
   * the reader. Rating all organisations calls this once per source.
   */
  load(store: Store, scope: FactScope): (subject: Subject) => FactReading;
}

/**
 * Fact key -> how the app reads it. Capabilities that hold facts about members register a source when
 * their module loads (the registry and the ledger here; the front desk for services used and paid and
 * complaints; supply-matching for deals fulfilled). The rating model may use any registered fact.
 */
const SOURCES = new Map<string, FactSource>();

export function registerFactSource(source: FactSource): () => void {
  SOURCES.set(source.key, source);
  return () => {
    if (SOURCES.get(source.key) === source) SOURCES.delete(source.key);
  };
}

export function factSource(key: string): FactSource | undefined {
  return SOURCES.get(key);
}

/** In registration order, which is the order the profile shows them in. */
export function factSources(): FactSource[] {
  return [...SOURCES.values()];
}

/** When the scope names few subjects, sources query by id; otherwise they read whole tables once. */
export const FEW = 50;

export function idsOf(scope: FactScope, kind: Subject['kind']): number[] | null {
  if (scope.subjects.length > FEW) return null;
  return scope.subjects.filter((s) => s.kind === kind).map((s) => s.id);
}

/** " AND col IN (?, ?)" with its arguments, or nothing when the scope is large. */
export function inIds(column: string, ids: number[] | null): { sql: string; args: number[] } {
  if (ids === null) return { sql: '', args: [] };
  if (ids.length === 0) return { sql: ' AND 0', args: [] };
  return { sql: ` AND ${column} IN (${ids.map(() => '?').join(',')})`, args: ids };
}

/** Dates and spans used by several sources. */
export function yearsBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.floor((ms / (365.25 * 86_400_000)) * 10) / 10);
}

export function yearsBefore(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;
}
