import { asc, eq } from 'drizzle-orm';
import { requestLinks, serviceRecords } from './schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { catalogNames } from './catalog';
import { ruleOn } from './prices';
import { feeFen, muTimes100, payState, subsidyFen } from './rules';
import { addEvent, loadRequest, opOf, requestFor, transition, type Op, type RequestRow } from './events';
import { conflict } from './util';
import { fmtMu } from './dispatch';

export interface RecordInput {
  linkId: number;
  doneOn: string;
  areaMu100: number;
  operator: string;
  machine: string;
  paidFen: number;
  notes: string;
}

/**
 * Recomputes fee, subsidy and payment state of every record of a request, in the order the work was
 * done: the season's subsidy cap on the plot is shared by its records, so one record's change can move
 * another's subsidy. Refuses when a record's payment would exceed what the farmer now owes.
 */
export function settleRequest(store: Store, row: RequestRow): void {
  const prices = new Map(store.db.select().from(requestLinks).where(eq(requestLinks.requestId, row.id)).all().map((l) => [l.linkId, l.priceFen ?? 0]));
  const records = store.db.select().from(serviceRecords).where(eq(serviceRecords.requestId, row.id)).orderBy(asc(serviceRecords.doneOn), asc(serviceRecords.id)).all();
  let used = 0;
  for (const r of records) {
    const price = prices.get(r.linkId) ?? r.priceFen;
    const fee = feeFen(price, r.areaMu100);
    const subsidy = subsidyFen(fee, ruleOn(store, row.cropId, r.doneOn), row.areaMu100, used);
    used += subsidy;
    const due = fee - subsidy;
    if (r.paidFen > due) throw fieldError('paidFen', `${r.doneOn} 的记录实付 ${formatFen(r.paidFen)} 元，超过应付 ${formatFen(due)} 元`);
    const state = payState(due, r.paidFen);
    if (fee !== r.feeFen || subsidy !== r.subsidyFen || state !== r.payState || price !== r.priceFen) {
      store.db.update(serviceRecords).set({ priceFen: price, feeFen: fee, subsidyFen: subsidy, payState: state }).where(eq(serviceRecords.id, r.id)).run();
    }
  }
}

function checkRecord(op: Op, row: RequestRow, input: RecordInput): void {
  const names = catalogNames(op.store);
  const has = op.store.db.select().from(requestLinks).where(eq(requestLinks.requestId, row.id)).all().some((l) => l.linkId === input.linkId);
  if (!has) throw fieldError('linkId', `申请 ${row.code} 没有“${names.link.get(input.linkId) ?? input.linkId}”环节`);
  if (input.areaMu100 > row.areaMu100) throw fieldError('areaMu100', `作业面积不能超过申请面积 ${fmtMu(row.areaMu100)} 亩`);
  if (input.doneOn < row.receivedOn) throw fieldError('doneOn', `作业日期不能早于受理日期 ${row.receivedOn}`);
  if (input.doneOn > op.today) throw fieldError('doneOn', '作业日期不能晚于今天');
}

/** Adds one visit's work inside an open transaction; the first record starts a dispatched request. */
export function insertRecord(op: Op, requestId: number, input: RecordInput): number {
  const { store } = op;
  let row = requestFor(store, requestId, 'record');
  checkRecord(op, row, input);
  if (row.status === 'dispatched') {
    transition(op, row, 'in_service', 'start', { startedOn: op.today }, '登记首条服务记录');
    row = loadRequest(store, requestId);
  }
  const id = store.db
    .insert(serviceRecords)
    .values({
      requestId,
      linkId: input.linkId,
      doneOn: input.doneOn,
      areaMu100: input.areaMu100,
      muTimes100: muTimes100(input.areaMu100),
      operator: input.operator,
      machine: input.machine,
      priceFen: 0,
      feeFen: 0,
      subsidyFen: 0,
      paidFen: input.paidFen,
      payState: 'unpaid',
      notes: input.notes,
      providerId: row.providerId,
      townshipId: row.townshipId,
      cropId: row.cropId,
      kind: row.kind,
      contractId: row.contractId,
      createdBy: op.actor.username,
      createdAt: op.at,
      updatedAt: op.at,
    })
    .returning({ id: serviceRecords.id })
    .get().id;
  settleRequest(store, row);
  const names = catalogNames(store);
  addEvent(op, requestId, 'record', row.status, row.status, `${names.link.get(input.linkId)} ${fmtMu(input.areaMu100)} 亩（${input.doneOn}）`);
  return id;
}

export function addRecord(store: Store, actor: Actor, input: RecordInput & { requestId: number }): { id: number } {
  return store.write(actor, 'requests.addRecord', (audit) => {
    const id = insertRecord(opOf(store, actor), input.requestId, input);
    audit.record({ entity: 'service_record', ids: [id], summary: { requestId: input.requestId, linkId: input.linkId, doneOn: input.doneOn, areaMu100: input.areaMu100, paidFen: input.paidFen } });
    return { id };
  });
}

function recordFor(store: Store, id: number, version: number) {
  const rec = store.db.select().from(serviceRecords).where(eq(serviceRecords.id, id)).get();
  if (!rec) throw new AppError('NOT_FOUND', `服务记录 #${id} 不存在`);
  if (rec.version !== version) throw conflict();
  return rec;
}

/**
 * Corrects a record. While the request is open anything may change; once it is done, only the payment
 * and the notes (the farmer often pays later).
 */
export function updateRecord(store: Store, actor: Actor, input: RecordInput & { id: number; version: number }): { id: number; version: number } {
  return store.write(actor, 'requests.updateRecord', (audit) => {
    const op = opOf(store, actor);
    const rec = recordFor(store, input.id, input.version);
    const row = loadRequest(store, rec.requestId);
    const open = row.status === 'dispatched' || row.status === 'in_service';
    const workChanged = input.linkId !== rec.linkId || input.doneOn !== rec.doneOn || input.areaMu100 !== rec.areaMu100 || input.operator !== rec.operator || input.machine !== rec.machine;
    if (!open && workChanged) throw new AppError('REFUSED', `申请 ${row.code} 已完成，服务记录只能修改实付金额和备注`);
    if (workChanged) checkRecord(op, row, input);
    const version = rec.version + 1;
    store.db
      .update(serviceRecords)
      .set({ linkId: input.linkId, doneOn: input.doneOn, areaMu100: input.areaMu100, muTimes100: muTimes100(input.areaMu100), operator: input.operator, machine: input.machine, paidFen: input.paidFen, notes: input.notes, updatedAt: op.at, version })
      .where(eq(serviceRecords.id, rec.id))
      .run();
    settleRequest(store, row);
    audit.record({ entity: 'service_record', ids: [rec.id], summary: { before: { linkId: rec.linkId, doneOn: rec.doneOn, areaMu100: rec.areaMu100, paidFen: rec.paidFen }, after: { linkId: input.linkId, doneOn: input.doneOn, areaMu100: input.areaMu100, paidFen: input.paidFen } } });
    return { id: rec.id, version };
  });
}

/** Removes a record entered by mistake, only while the request is still being served. */
export function removeRecord(store: Store, actor: Actor, input: { id: number; version: number }): { ok: true } {
  return store.write(actor, 'requests.removeRecord', (audit) => {
    const op = opOf(store, actor);
    const rec = recordFor(store, input.id, input.version);
    const row = requestFor(store, rec.requestId, 'record');
    store.db.delete(serviceRecords).where(eq(serviceRecords.id, rec.id)).run();
    settleRequest(store, row);
    const names = catalogNames(store);
    addEvent(op, row.id, 'removeRecord', row.status, row.status, `删除记录：${names.link.get(rec.linkId)} ${fmtMu(rec.areaMu100)} 亩（${rec.doneOn}）`);
    audit.record({ entity: 'service_record', ids: [rec.id], summary: { removed: { requestId: rec.requestId, linkId: rec.linkId, doneOn: rec.doneOn, areaMu100: rec.areaMu100, feeFen: rec.feeFen, paidFen: rec.paidFen } } });
    return { ok: true as const };
  });
}
