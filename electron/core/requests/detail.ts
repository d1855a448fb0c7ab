import { asc, eq } from 'drizzle-orm';
import { providers, requestEvents, requestLinks, serviceContracts, serviceRecords } from './schema';
import { townships, villages } from '../settings/schema';
import { users } from '../auth/schema';
import type { Actor, Store } from '../db/store';
import type { RequestDetail } from '../../../shared/contract/requestFields';
import { catalogNames, frontDeskSettings, listLinks } from './catalog';
import { partyOf, partyRef } from './party';
import { quote } from './quote';
import { allowedFrom, isProduction, overdueReasons, type Action } from './rules';
import { ACTION_LABELS, loadRequest } from './events';
import { today as todayOf } from './util';

const ACTIONS: Action[] = ['dispatch', 'start', 'record', 'complete', 'followUp', 'cancel', 'edit'];

export function listComplaints(store: Store, filter: { requestId?: number; status?: 'open' | 'resolved' | '' }) {
  const rows = store.sqlite
    .prepare(
      `SELECT c.*, r.code AS request_code, coalesce(h.name, o.name, '') AS party FROM complaints c JOIN service_requests r ON r.id = c.request_id
       LEFT JOIN households h ON h.id = r.household_id LEFT JOIN orgs o ON o.id = r.org_id
       WHERE (@requestId IS NULL OR c.request_id = @requestId) AND (@status = '' OR c.status = @status) ORDER BY c.status = 'resolved', c.id DESC LIMIT 500`,
    )
    .all({ requestId: filter.requestId ?? null, status: filter.status ?? '' }) as Record<string, string | number>[];
  return rows.map((c) => ({
    id: c.id as number,
    requestId: c.request_id as number,
    requestCode: c.request_code as string,
    party: c.party as string,
    content: c.content as string,
    status: c.status as 'open' | 'resolved',
    resolution: c.resolution as string,
    receivedAt: c.received_at as string,
    receivedBy: c.received_by as string,
    resolvedAt: c.resolved_at as string,
    resolvedBy: c.resolved_by as string,
    version: c.version as number,
  }));
}

/** Everything the request page shows: the request, its timeline, records, progress per link, money, complaints. */
export function getRequest(store: Store, actor: Actor, id: number): RequestDetail {
  const row = loadRequest(store, id);
  const names = catalogNames(store);
  const day = todayOf(store);
  const production = isProduction(row.kind);
  const links = store.db.select().from(requestLinks).where(eq(requestLinks.requestId, id)).all();
  const order = new Map(listLinks(store).map((l, i) => [l.id, i]));
  links.sort((a, b) => (order.get(a.linkId) ?? 0) - (order.get(b.linkId) ?? 0));
  const provider = row.providerId ? store.db.select().from(providers).where(eq(providers.id, row.providerId)).get() : undefined;
  const handler = row.handlerId ? store.db.select().from(users).where(eq(users.id, row.handlerId)).get() : undefined;
  const contract = row.contractId ? store.db.select().from(serviceContracts).where(eq(serviceContracts.id, row.contractId)).get() : undefined;
  const userNames = new Map(store.db.select({ username: users.username, displayName: users.displayName }).from(users).all().map((u) => [u.username, u.displayName]));
  const events = store.db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(asc(requestEvents.id)).all();
  const providerNames = new Map(store.db.select({ id: providers.id, name: providers.name }).from(providers).all().map((p) => [p.id, p.name]));
  const records = store.db
    .select()
    .from(serviceRecords)
    .where(eq(serviceRecords.requestId, id))
    .orderBy(asc(serviceRecords.doneOn), asc(serviceRecords.id))
    .all()
    .map((r) => ({
      id: r.id,
      requestId: r.requestId,
      linkId: r.linkId,
      link: names.link.get(r.linkId) ?? '',
      doneOn: r.doneOn,
      areaMu100: r.areaMu100,
      muTimes100: r.muTimes100,
      operator: r.operator,
      machine: r.machine,
      priceFen: r.priceFen,
      feeFen: r.feeFen,
      subsidyFen: r.subsidyFen,
      dueFen: r.feeFen - r.subsidyFen,
      paidFen: r.paidFen,
      payState: r.payState,
      notes: r.notes,
      provider: r.providerId ? (providerNames.get(r.providerId) ?? '') : '',
      createdBy: userNames.get(r.createdBy) ?? r.createdBy,
      version: r.version,
    }));
  const sum = (k: 'muTimes100' | 'feeFen' | 'subsidyFen' | 'paidFen' | 'dueFen') => records.reduce((a, r) => a + r[k], 0);
  const { startOverdueDays } = frontDeskSettings(store);
  const township = row.townshipId ? store.db.select().from(townships).where(eq(townships.id, row.townshipId)).get()?.name : '';
  const village = row.villageId ? store.db.select().from(villages).where(eq(villages.id, row.villageId)).get()?.name : '';
  return {
    id: row.id,
    code: row.code,
    party: partyOf(store, actor, partyRef(row).kind, partyRef(row).id),
    channel: row.channel,
    kind: row.kind,
    production,
    cropId: row.cropId,
    crop: row.cropId ? (names.crop.get(row.cropId) ?? '') : '',
    links: links.map((l) => ({ linkId: l.linkId, name: names.link.get(l.linkId) ?? '', priceFen: l.priceFen })),
    areaMu100: row.areaMu100,
    townshipId: row.townshipId,
    township: township ?? '',
    villageId: row.villageId,
    village: village ?? '',
    location: row.location,
    wishedFrom: row.wishedFrom,
    wishedTo: row.wishedTo,
    priority: row.priority,
    notes: row.notes,
    status: row.status,
    provider: provider ? { id: provider.id, name: provider.name, kind: provider.kind, contactName: provider.contactName, phone: provider.phone } : null,
    handlerId: row.handlerId,
    handler: handler?.displayName ?? '',
    contract: contract ? { id: contract.id, code: contract.code } : null,
    contractPlotId: row.contractPlotId,
    outsideReason: row.outsideReason,
    cancelReason: row.cancelReason,
    satisfaction: row.satisfaction,
    followComment: row.followComment,
    receivedOn: row.receivedOn,
    receivedAt: row.receivedAt,
    overdue: overdueReasons(row, day, startOverdueDays),
    events: events.map((e) => ({ id: e.id, action: e.action, label: ACTION_LABELS[e.action] ?? e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, at: e.at, username: e.username, displayName: userNames.get(e.username) ?? e.username, note: e.note })),
    records,
    progress: links.map((l) => ({ linkId: l.linkId, link: names.link.get(l.linkId) ?? '', plannedMu100: row.areaMu100, doneMu100: records.filter((r) => r.linkId === l.linkId).reduce((a, r) => a + r.areaMu100, 0) })),
    quote: quote(store, {
      kind: row.kind,
      cropId: row.cropId,
      linkIds: links.map((l) => l.linkId),
      areaMu100: row.areaMu100,
      on: row.wishedFrom || row.receivedOn,
      contractId: row.contractId,
      frozen: new Map(links.map((l) => [l.linkId, l.priceFen])),
    }),
    totals: { muTimes100: sum('muTimes100'), feeFen: sum('feeFen'), subsidyFen: sum('subsidyFen'), paidFen: sum('paidFen'), dueFen: sum('dueFen') },
    complaints: listComplaints(store, { requestId: id }),
    actions: ACTIONS.filter((a) => allowedFrom(a, production).includes(row.status)),
    version: row.version,
  };
}
