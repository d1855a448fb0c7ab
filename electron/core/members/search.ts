import type Database from 'better-sqlite3';
import type { Store, Actor } from '../db/store';
import { queryReadings, termExprs, matchExpr, fold, tokenChars, pinyinOf, type QueryTerm } from './keys';
import { geoLookup, type GeoLookup } from './geo';
import { personalView } from './access';
import { formatMu } from '../../../shared/format/area';

export type MemberKind = 'household' | 'org';

export interface SearchInput {
  q: string;
  kinds?: MemberKind[] | undefined;
  /** Only these organisation kinds (e.g. 农民专业合作社 for a cooperative picker). */
  orgKinds?: string[] | undefined;
  activeOnly?: boolean | undefined;
  /** Only members (past or current) of this cooperative; hits then carry their membership id. */
  coopId?: number | undefined;
  limit: number;
}

export interface MemberHit {
  kind: MemberKind;
  id: number;
  name: string;
  /** 农户, or the organisation's kind. */
  kindLabel: string;
  orgKind: string;
  townshipId: number | null;
  villageId: number | null;
  township: string;
  village: string;
  /** Masked for roles that see personal data masked. */
  phone: string;
  idNumber: string;
  creditCode: string;
  status: string;
  active: boolean;
  /** Key figures in a few words: household size and land, or members and demonstration level. */
  figures: string;
  /** What matched: 姓名 / 拼音 / 电话 / 身份证号 / 信用代码. */
  matched: string;
  /** With `coopId`: the member's latest membership (coop_members.id) in that cooperative. */
  coopMemberId: number | null;
}

interface HouseholdRow {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string;
  townshipId: number | null;
  villageId: number | null;
  householdSize: number;
  landAreaMu100: number;
  status: string;
}

interface OrgRow {
  id: number;
  kind: string;
  name: string;
  creditCode: string | null;
  contactPhone: string;
  townshipId: number | null;
  villageId: number | null;
  memberCount: number;
  landAreaMu100: number;
  demoLevel: string;
  industries: string;
  status: string;
}

const H_COLS = 'h.id, h.name, h.id_number AS idNumber, h.phone, h.township_id AS townshipId, h.village_id AS villageId, h.household_size AS householdSize, h.land_area_mu100 AS landAreaMu100, h.status';
const O_COLS =
  'o.id, o.kind, o.name, o.credit_code AS creditCode, o.contact_phone AS contactPhone, o.township_id AS townshipId, o.village_id AS villageId, o.member_count AS memberCount, o.land_area_mu100 AS landAreaMu100, o.demo_level AS demoLevel, o.industries, o.status';

const stmtCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let m = stmtCache.get(sqlite);
  if (!m) stmtCache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

/** One lookup step: an FTS expression, or a condition on the indexed name column. */
type Pass = { fts: true; expr: string } | { fts: false; where: string; args: unknown[] };

/** Above every name that starts with `s` in binary (UTF-8) order. */
const prefixEnd = (s: string) => `${s}\u{10FFFF}`;

function passes(terms: QueryTerm[], alias: 'h' | 'o'): Pass[] {
  if (terms.length === 0) return [];
  if (terms.length > 1) {
    const e = matchExpr(terms);
    return e ? [{ fts: true, expr: e }] : [];
  }
  const t = terms[0]!;
  const out: Pass[] = [];
  if (t.kind === 'name') {
    out.push({ fts: false, where: `${alias}.name = ?`, args: [t.raw] });
    out.push({ fts: false, where: `${alias}.name >= ? AND ${alias}.name < ?`, args: [t.raw, prefixEnd(t.raw)] });
  }
  for (const e of termExprs(t)) out.push({ fts: true, expr: e });
  return out;
}

function runPasses<R extends { id: number }>(sqlite: Database.Database, base: { table: string; fts: string; alias: string; cols: string }, ps: Pass[], filters: { where: string[]; args: unknown[] }, limit: number): R[] {
  const seen = new Map<number, R>();
  for (const p of ps) {
    const from = p.fts ? `${base.fts} f JOIN ${base.table} ${base.alias} ON ${base.alias}.id = f.rowid` : `${base.table} ${base.alias}`;
    const where = [p.fts ? `${base.fts} MATCH ?` : p.where, ...filters.where].join(' AND ');
    const args = p.fts ? [p.expr] : p.args;
    const rows = prepared(sqlite, `SELECT ${base.cols} FROM ${from} WHERE ${where} LIMIT ?`).all(...args, ...filters.args, limit) as R[];
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
  }
  return [...seen.values()];
}

/** Lower is better: exact, then prefix, then anywhere; used to order the few candidates found. */
function rank(name: string, person: boolean, numbers: (string | null)[], terms: QueryTerm[]): { score: number; matched: string; numLabel: number } {
  if (terms.length !== 1) return { score: 5, matched: '多个条件', numLabel: -1 };
  const t = terms[0]!;
  if (t.kind === 'name') {
    const n = tokenChars(name).join('');
    return { score: n === t.text ? 0 : n.startsWith(t.text) ? 1 : 2, matched: '名称', numLabel: -1 };
  }
  if (t.kind === 'pinyin') {
    const p = pinyinOf(name, person);
    const score = p.initials === t.text || p.full === t.text ? 0 : p.initials.startsWith(t.text) || p.full.startsWith(t.text) ? 1 : 3;
    return { score, matched: '拼音', numLabel: -1 };
  }
  let best = { score: 9, matched: '号码', numLabel: -1 };
  numbers.forEach((v, i) => {
    const d = fold(v ?? '').replace(/[^0-9a-z]/g, '');
    if (!d) return;
    const s = d === t.text ? 0 : d.endsWith(t.text) ? 1 : d.startsWith(t.text) ? 2 : 9;
    if (s < best.score) best = { score: s, matched: '', numLabel: i };
  });
  return best;
}

function householdHits(store: Store, input: SearchInput, terms: QueryTerm[], geo: () => GeoLookup, view: ReturnType<typeof personalView>): { hit: MemberHit; score: number }[] {
  const filters = { where: [] as string[], args: [] as unknown[] };
  if (input.activeOnly) filters.where.push("h.status = 'active'");
  if (input.coopId) {
    filters.where.push('EXISTS (SELECT 1 FROM coop_members cm WHERE cm.coop_id = ? AND cm.household_id = h.id)');
    filters.args.push(input.coopId);
  }
  const rows = runPasses<HouseholdRow>(store.sqlite, { table: 'households', fts: 'households_fts', alias: 'h', cols: H_COLS }, passes(terms, 'h'), filters, input.limit);
  return rows.map((r) => {
    const rk = rank(r.name, true, [r.phone, r.idNumber], terms);
    const matched = rk.numLabel === 0 ? '电话' : rk.numLabel === 1 ? '身份证号' : rk.matched;
    return {
      score: rk.score,
      hit: {
        kind: 'household' as const,
        id: r.id,
        name: r.name,
        kindLabel: '农户',
        orgKind: '',
        townshipId: r.townshipId,
        villageId: r.villageId,
        township: geo().townshipName(r.townshipId),
        village: geo().villageName(r.villageId),
        phone: view.phone(r.phone),
        idNumber: view.id(r.idNumber),
        creditCode: '',
        status: r.status,
        active: r.status === 'active',
        figures: `${r.householdSize} 人 · ${formatMu(r.landAreaMu100)} 亩`,
        matched,
        coopMemberId: null,
      },
    };
  });
}

export function orgFigures(o: { kind: string; memberCount: number; landAreaMu100: number; demoLevel: string; industries: string }): string {
  const parts: string[] = [];
  const inds = JSON.parse(o.industries) as string[];
  if (inds.length) parts.push(inds.join('、'));
  if (o.memberCount) parts.push(`成员 ${o.memberCount}`);
  if (o.landAreaMu100) parts.push(`${formatMu(o.landAreaMu100)} 亩`);
  if (o.demoLevel) parts.push(`${o.demoLevel}示范社`);
  return parts.join(' · ');
}

function orgHits(store: Store, input: SearchInput, terms: QueryTerm[], geo: () => GeoLookup): { hit: MemberHit; score: number }[] {
  const filters = { where: [] as string[], args: [] as unknown[] };
  if (input.activeOnly) filters.where.push("o.status = 'active'");
  if (input.coopId) {
    filters.where.push('EXISTS (SELECT 1 FROM coop_members cm WHERE cm.coop_id = ? AND cm.member_org_id = o.id)');
    filters.args.push(input.coopId);
  }
  if (input.orgKinds?.length) {
    filters.where.push(`o.kind IN (${input.orgKinds.map(() => '?').join(',')})`);
    filters.args.push(...input.orgKinds);
  }
  const rows = runPasses<OrgRow>(store.sqlite, { table: 'orgs', fts: 'orgs_fts', alias: 'o', cols: O_COLS }, passes(terms, 'o'), filters, input.limit);
  return rows.map((r) => {
    const rk = rank(r.name, false, [r.contactPhone, r.creditCode], terms);
    const matched = rk.numLabel === 0 ? '电话' : rk.numLabel === 1 ? '信用代码' : rk.matched;
    return {
      score: rk.score,
      hit: {
        kind: 'org' as const,
        id: r.id,
        name: r.name,
        kindLabel: r.kind,
        orgKind: r.kind,
        townshipId: r.townshipId,
        villageId: r.villageId,
        township: geo().townshipName(r.townshipId),
        village: geo().villageName(r.villageId),
        phone: r.contactPhone,
        idNumber: '',
        creditCode: r.creditCode ?? '',
        status: r.status,
        active: r.status === 'active',
        figures: orgFigures(r),
        matched,
        coopMemberId: null,
      },
    };
  });
}

/**
 * The registry's one search, used by the Ctrl+K box, the list pages and every member picker:
 * a name or part of one (2-character names included), pinyin initials or full pinyin, a phone
 * number or its tail, an ID number or its tail, a credit code. Several words must all match.
 * Each step reads at most `limit` rows through an index, so the cost does not grow with the registry.
 */
export function searchMembers(store: Store, role: Actor['role'], input: SearchInput): MemberHit[] {
  const readings = queryReadings(input.q).filter((r) => r.length > 0);
  if (readings.length === 0) return [];
  const kinds = input.kinds?.length ? input.kinds : (['household', 'org'] as MemberKind[]);
  let g: GeoLookup | undefined;
  const geo = () => (g ??= geoLookup(store));
  const view = personalView(role);
  const best = new Map<string, { hit: MemberHit; score: number }>();
  for (const terms of readings) {
    const found = [...(kinds.includes('household') ? householdHits(store, input, terms, geo, view) : []), ...(kinds.includes('org') ? orgHits(store, input, terms, geo) : [])];
    for (const x of found) {
      const key = `${x.hit.kind}:${x.hit.id}`;
      const had = best.get(key);
      if (!had || x.score < had.score) best.set(key, x);
    }
  }
  const all = [...best.values()];
  all.sort((a, b) => a.score - b.score || Number(b.hit.active) - Number(a.hit.active) || a.hit.name.length - b.hit.name.length || a.hit.id - b.hit.id);
  const hits = all.slice(0, input.limit).map((x) => x.hit);
  if (input.coopId) {
    const membership = prepared(store.sqlite, 'SELECT max(id) FROM coop_members WHERE coop_id = ? AND (household_id = ? OR member_org_id = ?)').pluck();
    for (const h of hits) h.coopMemberId = membership.get(input.coopId, h.kind === 'household' ? h.id : -1, h.kind === 'org' ? h.id : -1) as number;
  }
  return hits;
}

/** The FTS condition for list pages: `alias.id IN (matching rowids)`, or null for no search text. */
export function listMatch(q: string, kind: MemberKind, alias: string): { sql: string; args: unknown[] } | 'none' | null {
  const readings = queryReadings(q).filter((r) => r.length > 0);
  if (readings.length === 0) return null;
  const exprs = readings.map(matchExpr).filter((x): x is string => x !== null);
  if (exprs.length === 0) return 'none';
  const e = exprs.length === 1 ? exprs[0]! : exprs.map((x) => `(${x})`).join(' OR ');
  const fts = kind === 'household' ? 'households_fts' : 'orgs_fts';
  return { sql: `${alias}.id IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`, args: [e] };
}
