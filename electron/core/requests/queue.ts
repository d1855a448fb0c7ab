import type { Actor, Store } from '../db/store';
import { REQUEST_STATUS, type RequestStatus } from '../../../shared/contract/requestFields';
import { frontDeskSettings } from './catalog';
import { addDays, overdueReasons } from './rules';
import { all, today as todayOf } from './util';
import { searchMembers } from '../members/search';

export type StatusFilter = RequestStatus | 'open' | 'overdue' | 'all';
export type SortColumn = 'receivedAt' | 'code' | 'wishedFrom' | 'priority' | 'township' | 'status' | 'areaMu100';

export interface QueueFilter {
  status: StatusFilter;
  townshipId: number | null;
  providerId: number | null;
  handlerId: number | null;
  kind: string;
  mine: boolean;
  q: string;
  from: string;
  to: string;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface QueueRow {
  id: number;
  code: string;
  party: string;
  partyKind: 'household' | 'org';
  kind: string;
  channel: string;
  crop: string;
  links: string;
  areaMu100: number;
  township: string;
  village: string;
  wishedFrom: string;
  wishedTo: string;
  priority: number;
  status: RequestStatus;
  provider: string;
  handler: string;
  receivedAt: string;
  overdue: string[];
  version: number;
}

export interface GroupCount {
  id: number | null;
  name: string;
  count: number;
}

export interface Queue {
  total: number;
  rows: QueueRow[];
  /** Requests per status under the other filters, plus 'open' and 'overdue'. */
  counts: Record<string, number>;
  byTownship: GroupCount[];
  byProvider: GroupCount[];
  byHandler: GroupCount[];
}

const OPEN = `r.status IN ('received','dispatched','in_service')`;
/** The SQL twin of rules.overdueReasons: past the last wished day, or dispatched and not started in time. */
const OVERDUE = `((${OPEN} AND r.wished_to <> '' AND r.wished_to < @today) OR (r.status = 'dispatched' AND r.dispatched_on <> '' AND r.dispatched_on < @startCutoff))`;

const SORTS: Record<SortColumn, string> = {
  receivedAt: 'r.received_at',
  code: 'r.code',
  wishedFrom: "coalesce(nullif(r.wished_from, ''), '9999')",
  priority: 'r.priority',
  township: 'r.township_id',
  status: "CASE r.status WHEN 'received' THEN 0 WHEN 'dispatched' THEN 1 WHEN 'in_service' THEN 2 WHEN 'done' THEN 3 WHEN 'followed_up' THEN 4 ELSE 5 END",
  areaMu100: 'r.area_mu100',
};

interface Where {
  sql: string[];
  params: Record<string, unknown>;
}

/** Every filter except status, which the counts are broken down by. */
function baseWhere(store: Store, actor: Actor, f: QueueFilter, day: string, startDays: number): Where {
  const sql: string[] = [];
  const params: Record<string, unknown> = { today: day, startCutoff: addDays(day, -startDays) };
  if (f.townshipId !== null) {
    sql.push('r.township_id = @townshipId');
    params.townshipId = f.townshipId;
  }
  if (f.providerId !== null) {
    sql.push('r.provider_id = @providerId');
    params.providerId = f.providerId;
  }
  const handler = f.mine ? actor.userId : f.handlerId;
  if (handler !== null) {
    sql.push('r.handler_id = @handlerId');
    params.handlerId = handler;
  }
  if (f.kind) {
    sql.push('r.kind = @kind');
    params.kind = f.kind;
  }
  if (f.from) {
    sql.push('r.received_on >= @from');
    params.from = f.from;
  }
  if (f.to) {
    sql.push('r.received_on <= @to');
    params.to = f.to;
  }
  const q = f.q.trim();
  if (q) {
    // The request number (FW2026-00042, or its tail), or the farmer / organisation as the registry's
    // search finds them (name, pinyin, phone or ID tail): parties first, then their requests by index.
    const parties = searchMembers(store, actor.role, { q, limit: 500 });
    const households = parties.filter((p) => p.kind === 'household').map((p) => p.id);
    const orgs = parties.filter((p) => p.kind === 'org').map((p) => p.id);
    const code = q.toUpperCase();
    const terms = [/^\d+$/.test(q) ? `r.code LIKE @codeTail` : `(r.code >= @code AND r.code < @codeEnd)`];
    // The id lists go in as JSON so the SQL text (and its cached statement) stays the same.
    if (households.length) terms.push(`r.household_id IN (SELECT value FROM json_each(@households))`);
    if (orgs.length) terms.push(`r.org_id IN (SELECT value FROM json_each(@orgs))`);
    params.households = JSON.stringify(households);
    params.orgs = JSON.stringify(orgs);
    sql.push(`(${terms.join(' OR ')})`);
    params.code = code;
    params.codeEnd = `${code}\uffff`;
    params.codeTail = `%${q}`;
  }
  return { sql, params };
}

function statusClause(s: StatusFilter): string {
  if (s === 'all') return '';
  if (s === 'open') return OPEN;
  if (s === 'overdue') return OVERDUE;
  return `r.status = '${s}'`;
}

const clause = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

/**
 * The queue: one page of requests under the filters, the total, counts per status and per township,
 * provider and handler. Counts read only the index-covered columns; the page joins names for its rows.
 */
export function listQueue(store: Store, actor: Actor, f: QueueFilter): Queue {
  const day = todayOf(store);
  const { startOverdueDays } = frontDeskSettings(store);
  const base = baseWhere(store, actor, f, day, startOverdueDays);
  const st = statusClause(f.status);
  const where = clause(st ? [...base.sql, st] : base.sql);
  const sqlite = store.sqlite;

  const byStatus = all<{ status: string; n: number }>(sqlite, `SELECT r.status, count(*) AS n FROM service_requests r ${clause(base.sql)} GROUP BY r.status`, base.params);
  const counts: Record<string, number> = Object.fromEntries(REQUEST_STATUS.map((s) => [s, 0]));
  for (const c of byStatus) counts[c.status] = c.n;
  counts.all = byStatus.reduce((a, c) => a + c.n, 0);
  counts.open = (counts.received ?? 0) + (counts.dispatched ?? 0) + (counts.in_service ?? 0);
  counts.overdue = all<{ n: number }>(sqlite, `SELECT count(*) AS n FROM service_requests r ${clause([...base.sql, OVERDUE])}`, base.params)[0]!.n;
  const total = counts[f.status] ?? 0;

  const group = (col: string, names: string) =>
    all<GroupCount>(sqlite, `SELECT g.${col} AS id, coalesce(n.name, '') AS name, g.count FROM (SELECT r.${col}, count(*) AS count FROM service_requests r ${where} GROUP BY r.${col}) g LEFT JOIN ${names} n ON n.id = g.${col} ORDER BY g.count DESC`, base.params);

  const dir = f.dir === 'asc' ? 'ASC' : 'DESC';
  const page = all<Omit<QueueRow, 'overdue' | 'partyKind'> & { householdId: number | null; dispatchedOn: string }>(
    sqlite,
    `SELECT r.id, r.code, coalesce(h.name, o.name, '') AS party, r.household_id AS householdId, r.kind, r.channel, coalesce(c.name, '') AS crop,
            coalesce((SELECT group_concat(l.name, '、') FROM (SELECT sl.name FROM request_links rl JOIN service_links sl ON sl.id = rl.link_id WHERE rl.request_id = r.id ORDER BY sl.sort) l), '') AS links,
            r.area_mu100 AS areaMu100, coalesce(t.name, '') AS township, coalesce(v.name, '') AS village, r.wished_from AS wishedFrom, r.wished_to AS wishedTo,
            r.priority, r.status, coalesce(p.name, '') AS provider, coalesce(u.display_name, '') AS handler, r.received_at AS receivedAt, r.dispatched_on AS dispatchedOn, r.version
     FROM (SELECT r.* FROM service_requests r ${where} ORDER BY ${SORTS[f.sort]} ${dir}, r.id ${dir} LIMIT @limit OFFSET @offset) r
     LEFT JOIN households h ON h.id = r.household_id LEFT JOIN orgs o ON o.id = r.org_id
     LEFT JOIN service_crops c ON c.id = r.crop_id LEFT JOIN townships t ON t.id = r.township_id LEFT JOIN villages v ON v.id = r.village_id
     LEFT JOIN providers p ON p.id = r.provider_id LEFT JOIN users u ON u.id = r.handler_id
     ORDER BY ${SORTS[f.sort]} ${dir}, r.id ${dir}`,
    { ...base.params, limit: f.limit, offset: f.offset },
  );
  return {
    total,
    rows: page.map(({ householdId, dispatchedOn, ...r }) => ({
      ...r,
      partyKind: householdId !== null ? ('household' as const) : ('org' as const),
      overdue: overdueReasons({ status: r.status, wishedTo: r.wishedTo, dispatchedOn }, day, startOverdueDays),
    })),
    counts,
    byTownship: group('township_id', 'townships'),
    byProvider: group('provider_id', 'providers'),
    byHandler: all<GroupCount>(
      sqlite,
      `SELECT g.handler_id AS id, coalesce(n.display_name, '') AS name, g.count FROM (SELECT r.handler_id, count(*) AS count FROM service_requests r ${where} GROUP BY r.handler_id) g LEFT JOIN users n ON n.id = g.handler_id ORDER BY g.count DESC`,
      base.params,
    ),
  };
}
