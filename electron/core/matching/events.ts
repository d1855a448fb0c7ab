import { and, eq } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { matchingEvents, matchingEventParties } from './schema';
import { townships } from '../settings/schema';
import { loadParties, partyFks, partyKey, partyName, requireActiveParty, type PartyKind } from './parties';
import { dealsOfEvent } from './dealViews';
import { CONFLICT_MESSAGE } from './listings';
import { AppError, fieldError } from '../../../shared/errors';

type EventKind = (typeof matchingEvents.$inferSelect)['kind'];
type Role = 'seller' | 'buyer' | 'other';

export interface EventInput {
  id?: number | undefined;
  version?: number | undefined;
  name: string;
  kind: EventKind;
  date: string;
  townshipId: number | null;
  place: string;
  organiser: string;
  notes: string;
}

const SELECT = `
  SELECT e.*, t.name AS township_name,
    (SELECT count(*) FROM matching_event_parties p WHERE p.event_id = e.id) AS participants,
    (SELECT count(*) FROM deals d WHERE d.event_id = e.id AND d.status <> 'cancelled') AS deal_count,
    (SELECT coalesce(sum(d.value_fen), 0) FROM deals d WHERE d.event_id = e.id AND d.status <> 'cancelled') AS value_fen
  FROM matching_events e LEFT JOIN townships t ON t.id = e.township_id`;

type Raw = Record<string, unknown>;

const toView = (r: Raw) => ({
  id: r.id as number,
  name: r.name as string,
  kind: r.kind as EventKind,
  date: r.date as string,
  townshipId: r.township_id as number | null,
  township: (r.township_name as string | null) ?? '',
  place: r.place as string,
  organiser: r.organiser as string,
  notes: r.notes as string,
  participants: r.participants as number,
  deals: r.deal_count as number,
  valueFen: r.value_fen as number,
  version: r.version as number,
});

export type EventView = ReturnType<typeof toView>;

export function readEvent(store: Store, id: number): EventView {
  const r = store.sqlite.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `对接活动 #${id} 不存在`);
  return toView(r);
}

export function listEvents(store: Store, f: { q: string; offset: number; limit: number }) {
  const like = `%${f.q.trim()}%`;
  const where = f.q.trim() ? 'WHERE e.name LIKE ? OR e.place LIKE ? OR e.organiser LIKE ?' : '';
  const args = f.q.trim() ? [like, like, like] : [];
  const total = store.sqlite.prepare(`SELECT count(*) FROM matching_events e ${where}`).pluck().get(...args) as number;
  const rows = store.sqlite.prepare(`${SELECT} ${where} ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Raw[];
  return { total, rows: rows.map(toView) };
}

export function participants(store: Store, eventId: number) {
  const rows = store.db.select().from(matchingEventParties).where(eq(matchingEventParties.eventId, eventId)).all();
  const parties = loadParties(
    store,
    rows.map((r) => ({ kind: r.partyKind, id: r.partyId })),
  );
  return rows.map((r) => ({
    partyKind: r.partyKind,
    partyId: r.partyId,
    name: partyName(parties, r.partyKind, r.partyId),
    kindLabel: parties.get(partyKey(r.partyKind, r.partyId))?.kindLabel ?? '',
    role: r.role,
  }));
}

export function eventDetail(store: Store, id: number) {
  return { event: readEvent(store, id), participants: participants(store, id), deals: dealsOfEvent(store, id) };
}

export function saveEvent(store: Store, actor: Actor, input: EventInput): EventView {
  return store.write(actor, 'matchEvents.save', (audit) => {
    if (input.townshipId !== null && !store.db.select().from(townships).where(eq(townships.id, input.townshipId)).get()) throw fieldError('townshipId', '所选乡镇不存在');
    const now = store.now();
    const values = { name: input.name, kind: input.kind, date: input.date, townshipId: input.townshipId, place: input.place, organiser: input.organiser, notes: input.notes, updatedAt: now };
    if (input.id) {
      const before = store.db.select().from(matchingEvents).where(eq(matchingEvents.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `对接活动 #${input.id} 不存在`);
      if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
      store.db
        .update(matchingEvents)
        .set({ ...values, version: before.version + 1 })
        .where(eq(matchingEvents.id, input.id))
        .run();
      audit.record({ entity: 'matching_event', ids: [input.id], summary: { before: { name: before.name, date: before.date }, after: { name: input.name, date: input.date } } });
      return readEvent(store, input.id);
    }
    const row = store.db
      .insert(matchingEvents)
      .values({ ...values, createdAt: now })
      .returning({ id: matchingEvents.id })
      .get();
    audit.record({ entity: 'matching_event', ids: [row.id], summary: { name: input.name, date: input.date } });
    return readEvent(store, row.id);
  });
}

export function addParticipant(store: Store, actor: Actor, input: { eventId: number; partyKind: PartyKind; partyId: number; role: Role }) {
  return store.write(actor, 'matchEvents.addParticipant', (audit) => {
    readEvent(store, input.eventId);
    const p = requireActiveParty(store, input.partyKind, input.partyId, 'partyId', '参与方');
    const existing = store.db
      .select()
      .from(matchingEventParties)
      .where(and(eq(matchingEventParties.eventId, input.eventId), eq(matchingEventParties.partyKind, input.partyKind), eq(matchingEventParties.partyId, input.partyId)))
      .get();
    if (existing) store.db.update(matchingEventParties).set({ role: input.role }).where(eq(matchingEventParties.id, existing.id)).run();
    else store.db.insert(matchingEventParties).values({ ...input, ...partyFks(input.partyKind, input.partyId) }).run();
    audit.record({ entity: 'matching_event', ids: [input.eventId], summary: { participant: p.name, role: input.role } });
    return participants(store, input.eventId);
  });
}

export function removeParticipant(store: Store, actor: Actor, input: { eventId: number; partyKind: PartyKind; partyId: number }) {
  return store.write(actor, 'matchEvents.removeParticipant', (audit) => {
    const n = store.sqlite
      .prepare("SELECT count(*) FROM deals WHERE event_id = @event AND status <> 'cancelled' AND ((seller_kind = @kind AND seller_id = @id) OR (buyer_kind = @kind AND buyer_id = @id))")
      .pluck()
      .get({ event: input.eventId, kind: input.partyKind, id: input.partyId }) as number;
    if (n > 0) throw new AppError('REFUSED', `该参与方在本次活动中签有 ${n} 笔成交，不能移除`);
    const gone = store.db
      .delete(matchingEventParties)
      .where(and(eq(matchingEventParties.eventId, input.eventId), eq(matchingEventParties.partyKind, input.partyKind), eq(matchingEventParties.partyId, input.partyId)))
      .run();
    if (gone.changes === 0) throw new AppError('NOT_FOUND', '该参与方不在本次活动中');
    audit.record({ entity: 'matching_event', ids: [input.eventId], summary: { removed: `${input.partyKind}:${input.partyId}` } });
    return participants(store, input.eventId);
  });
}
