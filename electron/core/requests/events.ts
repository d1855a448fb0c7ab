import { eq } from 'drizzle-orm';
import { requestEvents, serviceRequests } from './schema';
import type { Actor, Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { STATUS_LABELS, type RequestStatus } from '../../../shared/contract/requestFields';
import { allowedFrom, isProduction, localDate, type Action } from './rules';
import { conflict } from './util';

/** One write's who and when; the demo data passes past instants to build a season's history. */
export interface Op {
  store: Store;
  actor: Actor;
  at: string;
  today: string;
}

export function opOf(store: Store, actor: Actor, at = store.now()): Op {
  return { store, actor, at, today: localDate(at) };
}

export const ACTION_LABELS: Record<string, string> = {
  create: '受理',
  edit: '修改',
  dispatch: '派单',
  redispatch: '改派',
  start: '开始服务',
  record: '登记服务记录',
  removeRecord: '删除服务记录',
  complete: '完成服务',
  followUp: '回访',
  cancel: '取消申请',
  complaint: '登记投诉',
  resolve: '投诉处理完毕',
};

export function addEvent(op: Op, requestId: number, action: string, from: string, to: string, note = ''): void {
  op.store.db
    .insert(requestEvents)
    .values({ requestId, action, fromStatus: from, toStatus: to, at: op.at, userId: op.actor.userId, username: op.actor.username, note })
    .run();
}

export type RequestRow = typeof serviceRequests.$inferSelect;

export function loadRequest(store: Store, id: number): RequestRow {
  const row = store.db.select().from(serviceRequests).where(eq(serviceRequests.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `服务申请 #${id} 不存在`);
  return row;
}

const ACTION_WORDS: Record<Action, string> = { dispatch: '派单', start: '开始服务', record: '登记服务记录', complete: '完成', followUp: '回访', cancel: '取消', edit: '修改' };

/**
 * Loads a request for an action: it must exist, be the version the clerk saw (when given), and be in a
 * status that allows the action; the refusal names the status it is in.
 */
export function requestFor(store: Store, id: number, action: Action, version?: number): RequestRow {
  const row = loadRequest(store, id);
  if (version !== undefined && row.version !== version) throw conflict();
  if (!allowedFrom(action, isProduction(row.kind)).includes(row.status)) {
    const status = STATUS_LABELS[row.status];
    if (row.status === 'cancelled') throw new AppError('REFUSED', `申请 ${row.code} 已取消，不能${ACTION_WORDS[action]}`);
    if (action === 'record' && row.status === 'received') throw new AppError('REFUSED', `申请 ${row.code} 尚未派单，请先派单再登记服务记录`);
    if (action === 'complete' && row.status === 'dispatched') throw new AppError('REFUSED', `申请 ${row.code} 还没有服务记录，不能完成`);
    throw new AppError('REFUSED', `申请 ${row.code} 当前状态为“${status}”，不能${ACTION_WORDS[action]}`);
  }
  return row;
}

/** Moves a request to a new status with its stamp, bumping the version; returns the new version. */
export function transition(op: Op, row: RequestRow, to: RequestStatus, action: string, set: Partial<RequestRow>, note = ''): number {
  const version = row.version + 1;
  op.store.db
    .update(serviceRequests)
    .set({ ...set, status: to, version, updatedAt: op.at })
    .where(eq(serviceRequests.id, row.id))
    .run();
  addEvent(op, row.id, action, row.status, to, note);
  return version;
}
