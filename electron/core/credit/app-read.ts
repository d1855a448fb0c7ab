import type { Actor, Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import type { AppStatus, SubjectKind } from '../../../shared/credit';
import { todayOf } from '../tasks/dates';
import { seesAmounts } from './access';

/** Reading loan-assistance applications, with amounts only for the roles that may see them. */

export interface AppRowDb {
  id: number;
  no: string;
  subjectKey: string;
  orgId: number | null;
  householdId: number | null;
  name: string | null;
  kindLabel: string | null;
  productId: number;
  productName: string;
  productKind: string;
  bank: string;
  township: string | null;
  industry: string;
  purpose: string;
  status: AppStatus;
  createdAt: string;
  createdBy: string;
  submittedOn: string;
  decidedOn: string;
  requestedFen: number | null;
  grantedFen: number | null;
  termMonths: number | null;
  rateBp: number | null;
  decisionNote: string;
  withdrawnOn: string;
  notes: string;
  version: number;
  disbursedFen: number;
  docsReceived: number;
  docsRequired: number;
  overdue: number;
}

export const APP_SQL = `SELECT a.id, a.no, a.subject_key AS subjectKey, a.org_id AS orgId, a.household_id AS householdId,
  COALESCE(o.name, h.name) AS name, COALESCE(o.kind, CASE WHEN h.id IS NOT NULL THEN '农户' END) AS kindLabel,
  a.product_id AS productId, p.name AS productName, p.kind AS productKind, a.bank, t.name AS township, a.industry, a.purpose, a.status,
  a.created_at AS createdAt, a.created_by AS createdBy, a.submitted_on AS submittedOn, a.decided_on AS decidedOn,
  a.requested_fen AS requestedFen, a.granted_fen AS grantedFen, a.term_months AS termMonths, a.rate_bp AS rateBp,
  a.decision_note AS decisionNote, a.withdrawn_on AS withdrawnOn, a.notes, a.version,
  (SELECT COALESCE(sum(d.amount_fen), 0) FROM credit_disbursements d WHERE d.application_id = a.id) AS disbursedFen,
  (SELECT count(*) FROM credit_app_docs x WHERE x.application_id = a.id AND x.sha256 IS NOT NULL AND x.required) AS docsReceived,
  (SELECT count(*) FROM credit_app_docs x WHERE x.application_id = a.id AND x.required) AS docsRequired,
  (SELECT count(*) FROM credit_disbursements d WHERE d.application_id = a.id AND d.repaid_on = '' AND d.due_on < @today) AS overdue
  FROM credit_applications a
  JOIN credit_products p ON p.id = a.product_id
  LEFT JOIN orgs o ON o.id = a.org_id
  LEFT JOIN households h ON h.id = a.household_id
  LEFT JOIN townships t ON t.id = a.township_id`;

export function presentApp(r: AppRowDb, role: Actor['role']) {
  const show = seesAmounts(role);
  const kind: SubjectKind = r.householdId !== null ? 'household' : 'org';
  return {
    id: r.id,
    no: r.no,
    subjectKey: r.subjectKey,
    kind,
    subjectId: r.householdId ?? r.orgId ?? 0,
    name: r.name ?? '',
    kindLabel: r.kindLabel ?? '',
    productId: r.productId,
    productName: r.productName,
    bank: r.bank,
    township: r.township ?? '',
    industry: r.industry,
    purpose: r.purpose,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    submittedOn: r.submittedOn,
    decidedOn: r.decidedOn,
    requestedFen: show ? r.requestedFen : null,
    grantedFen: show ? r.grantedFen : null,
    disbursedFen: show ? r.disbursedFen : null,
    docsReceived: r.docsReceived,
    docsRequired: r.docsRequired,
    overdue: r.overdue > 0,
    amountsHidden: !show,
    version: r.version,
  };
}

export function getAppRow(store: Store, id: number): AppRowDb {
  const r = store.sqlite.prepare(`${APP_SQL} WHERE a.id = @id`).get({ id, today: todayOf(store) }) as AppRowDb | undefined;
  if (!r) throw new AppError('NOT_FOUND', `金融代办申请 #${id} 不存在`);
  return r;
}

export function appDetail(store: Store, actor: Actor, id: number) {
  const r = getAppRow(store, id);
  const show = seesAmounts(actor.role);
  const today = todayOf(store);
  const docs = store.sqlite
    .prepare('SELECT id, name, required, sha256, file_name AS fileName, size, received_by AS receivedBy, received_at AS receivedAt FROM credit_app_docs WHERE application_id = ? ORDER BY sort, id')
    .all(id) as { id: number; name: string; required: number; sha256: string | null; fileName: string; size: number; receivedBy: string; receivedAt: string }[];
  const disbursements = store.sqlite
    .prepare('SELECT id, disbursed_on AS disbursedOn, amount_fen AS amountFen, due_on AS dueOn, repaid_on AS repaidOn, notes, version FROM credit_disbursements WHERE application_id = ? ORDER BY disbursed_on, id')
    .all(id) as { id: number; disbursedOn: string; amountFen: number; dueOn: string; repaidOn: string; notes: string; version: number }[];
  const productDocs = store.sqlite.prepare('SELECT documents FROM credit_products WHERE id = ?').pluck().get(r.productId) as string;
  return {
    ...presentApp(r, actor.role),
    termMonths: show ? r.termMonths : null,
    rateBp: show ? r.rateBp : null,
    decisionNote: r.decisionNote,
    withdrawnOn: r.withdrawnOn,
    notes: r.notes,
    productDocuments: JSON.parse(productDocs) as string[],
    docs: docs.map((d) => ({ id: d.id, name: d.name, required: d.required === 1, received: d.sha256 !== null, fileName: d.fileName, size: d.size, receivedBy: d.receivedBy, receivedAt: d.receivedAt, sha256: show ? (d.sha256 ?? '') : '' })),
    disbursements: disbursements.map((d) => ({ ...d, amountFen: show ? d.amountFen : null, overdue: d.repaidOn === '' && d.dueOn < today })),
  };
}

export function listApps(store: Store, actor: Actor, input: { status: AppStatus | ''; q: string; subjectKey: string; offset: number; limit: number }) {
  const where: string[] = [];
  const args: Record<string, unknown> = { today: todayOf(store) };
  if (input.status) {
    where.push('a.status = @status');
    args.status = input.status;
  }
  if (input.subjectKey) {
    where.push('a.subject_key = @subjectKey');
    args.subjectKey = input.subjectKey;
  }
  if (input.q) {
    where.push("(a.no LIKE @q OR o.name LIKE @q OR h.name LIKE @q OR o.py_initials LIKE @qp OR h.py_initials LIKE @qp OR p.name LIKE @q)");
    args.q = `%${input.q}%`;
    args.qp = `${input.q.toLowerCase()}%`;
  }
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const from = APP_SQL.slice(APP_SQL.indexOf('FROM credit_applications'));
  const total = store.sqlite.prepare(`SELECT count(*) ${from}${filter}`).pluck().get(args) as number;
  const rows = store.sqlite.prepare(`${APP_SQL}${filter} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`).all({ ...args, limit: input.limit, offset: input.offset }) as AppRowDb[];
  const counts = Object.fromEntries(store.sqlite.prepare('SELECT status, count(*) FROM credit_applications GROUP BY status').raw().all() as [string, number][]);
  return { total, rows: rows.map((r) => presentApp(r, actor.role)), counts };
}
