import { eq } from 'drizzle-orm';
import { complaints, serviceRecords } from './schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { isProduction } from './rules';
import { addEvent, loadRequest, opOf, requestFor, transition, type Op } from './events';
import { conflict } from './util';

interface Step {
  id: number;
  version: number;
  note: string;
}

export function startWith(op: Op, input: Step): number {
  const row = requestFor(op.store, input.id, 'start', input.version);
  return transition(op, row, 'in_service', 'start', { startedOn: op.today }, input.note.trim());
}

/** Production work is done when at least one service record says so; other kinds may close directly. */
export function completeWith(op: Op, input: Step): number {
  const row = requestFor(op.store, input.id, 'complete', input.version);
  const records = op.store.db.select({ id: serviceRecords.id }).from(serviceRecords).where(eq(serviceRecords.requestId, row.id)).all().length;
  if (isProduction(row.kind) && records === 0) throw new AppError('REFUSED', `申请 ${row.code} 还没有服务记录，不能完成`);
  return transition(op, row, 'done', 'complete', { doneOn: op.today, startedOn: row.startedOn || op.today }, input.note.trim());
}

/** A request with work on record cannot be cancelled: the work happened and is counted. */
export function cancelWith(op: Op, input: { id: number; version: number; reason: string }): number {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', '请填写取消原因');
  const row = requestFor(op.store, input.id, 'cancel', input.version);
  const records = op.store.db.select({ id: serviceRecords.id }).from(serviceRecords).where(eq(serviceRecords.requestId, row.id)).all().length;
  if (records > 0) throw new AppError('REFUSED', `申请 ${row.code} 已有 ${records} 条服务记录，不能取消；请登记完成`);
  return transition(op, row, 'cancelled', 'cancel', { cancelReason: reason }, reason);
}

export interface FollowUpInput {
  id: number;
  version: number;
  satisfaction: number;
  comment: string;
  /** A complaint raised during the call, tracked until resolved. */
  complaint: string;
}

export function followUpWith(op: Op, input: FollowUpInput): number {
  const row = requestFor(op.store, input.id, 'followUp', input.version);
  const version = transition(op, row, 'followed_up', 'followUp', { satisfaction: input.satisfaction, followComment: input.comment.trim(), followedOn: op.today }, `满意度 ${input.satisfaction} 分${input.comment.trim() ? `：${input.comment.trim()}` : ''}`);
  if (input.complaint.trim()) insertComplaint(op, row.id, input.complaint.trim());
  return version;
}

function insertComplaint(op: Op, requestId: number, content: string): number {
  const id = op.store.db.insert(complaints).values({ requestId, content, receivedAt: op.at, receivedBy: op.actor.username }).returning({ id: complaints.id }).get().id;
  const row = loadRequest(op.store, requestId);
  addEvent(op, requestId, 'complaint', row.status, row.status, content);
  return id;
}

type Writer<I> = (op: Op, input: I) => number;

/** Wraps a lifecycle step in its own audited transaction. */
function step<I extends { id: number }>(method: string, fn: Writer<I>) {
  return (store: Store, actor: Actor, input: I): { id: number; version: number } =>
    store.write(actor, method, (audit) => {
      const version = fn(opOf(store, actor), input);
      const { id: _id, ...rest } = input as I & Record<string, unknown>;
      audit.record({ entity: 'service_request', ids: [input.id], summary: rest });
      return { id: input.id, version };
    });
}

export const startRequest = step('requests.start', startWith);
export const completeRequest = step('requests.complete', completeWith);
export const cancelRequest = step('requests.cancel', cancelWith);
export const followUpRequest = step('requests.followUp', followUpWith);

export function addComplaint(store: Store, actor: Actor, input: { requestId: number; content: string }): { id: number } {
  return store.write(actor, 'requests.addComplaint', (audit) => {
    loadRequest(store, input.requestId);
    const id = insertComplaint(opOf(store, actor), input.requestId, input.content.trim());
    audit.record({ entity: 'complaint', ids: [id], summary: { requestId: input.requestId, content: input.content } });
    return { id };
  });
}

export function resolveComplaint(store: Store, actor: Actor, input: { id: number; version: number; resolution: string }): { id: number; version: number } {
  return store.write(actor, 'requests.resolveComplaint', (audit) => {
    const op = opOf(store, actor);
    const c = store.db.select().from(complaints).where(eq(complaints.id, input.id)).get();
    if (!c) throw new AppError('NOT_FOUND', `投诉 #${input.id} 不存在`);
    if (c.version !== input.version) throw conflict();
    if (c.status === 'resolved') throw new AppError('REFUSED', '该投诉已处理完毕');
    const resolution = input.resolution.trim();
    if (!resolution) throw fieldError('resolution', '请填写处理结果');
    store.db
      .update(complaints)
      .set({ status: 'resolved', resolution, resolvedAt: op.at, resolvedBy: actor.username, version: c.version + 1 })
      .where(eq(complaints.id, c.id))
      .run();
    const row = loadRequest(store, c.requestId);
    addEvent(op, c.requestId, 'resolve', row.status, row.status, resolution);
    audit.record({ entity: 'complaint', ids: [c.id], summary: { requestId: c.requestId, resolution } });
    return { id: c.id, version: c.version + 1 };
  });
}
