import { and, eq } from 'drizzle-orm';
import type { Actor, AuditSink, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { APP_STATUS_LABELS, type AppStatus, type SubjectKind } from '../../../shared/credit';
import { getBlob, putBlob } from '../files/blobs';
import { todayOf } from '../tasks/dates';
import { who } from '../tasks/who';
import { creditAppDocs, creditApplications, creditDisbursements } from './schema';
import { getProduct, presentProduct } from './products';
import { getSubject, subjectColumns } from './subjects';
import { appDetail } from './app-read';

/**
 * 金融代办: the centre helps a member apply for a bank's product. The front desk opens the application and
 * collects the documents of the product's checklist; a manager submits it to the bank with the amount and
 * term asked for, records the bank's decision, the disbursements and their repayment. Every step is one
 * audited write that refuses what its state does not allow.
 */

type AppRow = typeof creditApplications.$inferSelect;

function requireApp(store: Store, id: number, version?: number): AppRow {
  const row = store.db.select().from(creditApplications).where(eq(creditApplications.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `金融代办申请 #${id} 不存在`);
  if (version !== undefined && row.version !== version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
  return row;
}

function requireStatus(row: AppRow, allowed: AppStatus[], doing: string): void {
  if (!allowed.includes(row.status)) throw new AppError('REFUSED', `申请 ${row.no} 当前为“${APP_STATUS_LABELS[row.status]}”，不能${doing}`);
}

function bump(store: Store, id: number, set: Partial<AppRow>): void {
  const cur = requireApp(store, id);
  store.db.update(creditApplications).set({ ...set, updatedAt: store.now(), version: cur.version + 1 }).where(eq(creditApplications.id, id)).run();
}

function record(audit: AuditSink, row: AppRow, summary: Record<string, unknown>): void {
  audit.record({ entity: 'credit_application', ids: [row.id], summary: { no: row.no, subject: row.subjectKey, ...summary } });
}

function nextNo(store: Store, year: string): string {
  const last = store.sqlite.prepare("SELECT max(no) FROM credit_applications WHERE no LIKE ?").pluck().get(`DB${year}-%`) as string | null;
  const n = last ? Number(last.slice(7)) + 1 : 1;
  return `DB${year}-${String(n).padStart(4, '0')}`;
}

const notFuture = (store: Store, field: string, label: string, day: string) => {
  if (day > todayOf(store)) throw fieldError(field, `${label}不能晚于今天`);
};

export function createApplication(store: Store, actor: Actor, input: { kind: SubjectKind; id: number; productId: number; purpose: string; industry: string; notes: string }) {
  const subject = getSubject(store, input.kind, input.id);
  if (!subject.active) throw new AppError('REFUSED', `“${subject.name}”已停用或注销，不能受理贷款申请`);
  const product = presentProduct(getProduct(store, input.productId));
  if (!product.active) throw fieldError('productId', `“${product.name}”已停办，请选择其他产品`);
  if (!product.applicantKinds.includes(subject.kindLabel)) throw fieldError('productId', `“${product.name}”只受理${product.applicantKinds.join('、')}的申请`);
  const industry = input.industry || product.industries.find((i) => subject.industries.includes(i)) || subject.industries[0] || '';
  const id = store.write(actor, 'credit.applications.create', (audit) => {
    const now = store.now();
    const row = store.db
      .insert(creditApplications)
      .values({
        no: nextNo(store, todayOf(store).slice(0, 4)),
        ...subjectColumns(subject),
        productId: product.id,
        bank: product.bank,
        townshipId: subject.townshipId,
        industry,
        purpose: input.purpose,
        notes: input.notes,
        createdBy: who(store, actor),
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    product.documents.forEach((name, sort) => store.db.insert(creditAppDocs).values({ applicationId: row.id, name, required: true, sort }).run());
    record(audit, row, { name: subject.name, product: product.name, bank: product.bank, documents: product.documents.length });
    return row.id;
  });
  return appDetail(store, actor, id);
}

export function updateApplication(store: Store, actor: Actor, input: { id: number; version: number; purpose: string; industry: string; notes: string }) {
  store.write(actor, 'credit.applications.update', (audit) => {
    const row = requireApp(store, input.id, input.version);
    requireStatus(row, ['draft', 'submitted'], '修改');
    bump(store, row.id, { purpose: input.purpose, industry: input.industry, notes: input.notes });
    record(audit, row, { before: { purpose: row.purpose, industry: row.industry }, after: { purpose: input.purpose, industry: input.industry } });
  });
  return appDetail(store, actor, input.id);
}

const MIME: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const mimeOf = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
export const MAX_DOC_BYTES = 20 * 1024 * 1024;

/** Attaches a file to a checklist item (replacing an earlier one) or adds an extra document by name. */
export function uploadDocument(store: Store, actor: Actor, input: { id: number; docId: number | null; name: string; file: { name: string; base64: string } }) {
  const bytes = Buffer.from(input.file.base64, 'base64');
  if (bytes.length === 0) throw fieldError('file', `文件“${input.file.name}”是空的`);
  if (bytes.length > MAX_DOC_BYTES) throw fieldError('file', `文件“${input.file.name}”超过 20 MB，请压缩或分页扫描后上传`);
  store.write(actor, 'credit.applications.uploadDoc', (audit) => {
    const row = requireApp(store, input.id);
    requireStatus(row, ['draft', 'submitted'], '上传材料');
    const blob = putBlob(store, bytes);
    const file = { sha256: blob.sha256, fileName: input.file.name, mime: mimeOf(input.file.name), size: blob.size, receivedBy: who(store, actor), receivedAt: store.now() };
    let docName: string;
    if (input.docId !== null) {
      const doc = store.db.select().from(creditAppDocs).where(and(eq(creditAppDocs.id, input.docId), eq(creditAppDocs.applicationId, row.id))).get();
      if (!doc) throw fieldError('docId', '材料清单中没有这一项');
      store.db.update(creditAppDocs).set(file).where(eq(creditAppDocs.id, doc.id)).run();
      docName = doc.name;
    } else {
      if (!input.name) throw fieldError('name', '请填写材料名称');
      const sort = (store.sqlite.prepare('SELECT COALESCE(max(sort), 0) + 1 FROM credit_app_docs WHERE application_id = ?').pluck().get(row.id) as number) ?? 1;
      store.db.insert(creditAppDocs).values({ applicationId: row.id, name: input.name, required: false, sort, ...file }).run();
      docName = input.name;
    }
    bump(store, row.id, {});
    record(audit, row, { document: docName, file: input.file.name, sha256: blob.sha256, size: blob.size });
  });
  return appDetail(store, actor, input.id);
}

export function submitApplication(store: Store, actor: Actor, input: { id: number; version: number; submittedOn: string; requestedFen: number; termMonths: number }) {
  notFuture(store, 'submittedOn', '提交日期', input.submittedOn);
  store.write(actor, 'credit.applications.submit', (audit) => {
    const row = requireApp(store, input.id, input.version);
    requireStatus(row, ['draft'], '提交银行');
    const product = presentProduct(getProduct(store, row.productId));
    const missing = store.sqlite.prepare('SELECT name FROM credit_app_docs WHERE application_id = ? AND required AND sha256 IS NULL ORDER BY sort').pluck().all(row.id) as string[];
    if (missing.length) throw new AppError('REFUSED', `还缺少材料：${missing.join('、')}`);
    if (input.requestedFen < product.minFen || input.requestedFen > product.maxFen)
      throw fieldError('requestedFen', `申请金额应在“${product.name}”的额度 ${formatFen(product.minFen)}–${formatFen(product.maxFen)} 元之间`);
    if (input.termMonths < product.termMinMonths || input.termMonths > product.termMaxMonths)
      throw fieldError('termMonths', `申请期限应在 ${product.termMinMonths}–${product.termMaxMonths} 个月之间`);
    if (input.submittedOn < row.createdAt.slice(0, 10)) throw fieldError('submittedOn', `提交日期不能早于受理日期 ${row.createdAt.slice(0, 10)}`);
    bump(store, row.id, { status: 'submitted', submittedOn: input.submittedOn, requestedFen: input.requestedFen, termMonths: input.termMonths });
    record(audit, row, { status: 'submitted', submittedOn: input.submittedOn, requestedFen: input.requestedFen, termMonths: input.termMonths });
  });
  return appDetail(store, actor, input.id);
}

export function decideApplication(
  store: Store,
  actor: Actor,
  input: { id: number; version: number; decidedOn: string; approved: boolean; grantedFen: number | null; rateBp: number | null; termMonths: number | null; note: string },
) {
  notFuture(store, 'decidedOn', '审批日期', input.decidedOn);
  store.write(actor, 'credit.applications.decide', (audit) => {
    const row = requireApp(store, input.id, input.version);
    requireStatus(row, ['submitted'], '登记审批结果');
    if (input.decidedOn < row.submittedOn) throw fieldError('decidedOn', `审批日期不能早于提交日期 ${row.submittedOn}`);
    if (!input.approved) {
      if (!input.note) throw fieldError('note', '请填写银行未批准的原因');
      bump(store, row.id, { status: 'rejected', decidedOn: input.decidedOn, decisionNote: input.note, grantedFen: null, rateBp: null });
      record(audit, row, { status: 'rejected', decidedOn: input.decidedOn, note: input.note });
      return;
    }
    if (!input.grantedFen) throw fieldError('grantedFen', '请填写批准金额');
    if (input.rateBp === null) throw fieldError('rateBp', '请填写执行年利率');
    if (input.termMonths === null) throw fieldError('termMonths', '请填写批准期限');
    const product = getProduct(store, row.productId);
    if (input.grantedFen > product.maxFen) throw fieldError('grantedFen', `批准金额超过“${product.name}”的最高额度 ${formatFen(product.maxFen)} 元，请核对`);
    bump(store, row.id, { status: 'approved', decidedOn: input.decidedOn, grantedFen: input.grantedFen, rateBp: input.rateBp, termMonths: input.termMonths, decisionNote: input.note });
    record(audit, row, { status: 'approved', decidedOn: input.decidedOn, grantedFen: input.grantedFen, rateBp: input.rateBp, termMonths: input.termMonths });
  });
  return appDetail(store, actor, input.id);
}

export function withdrawApplication(store: Store, actor: Actor, input: { id: number; version: number; withdrawnOn: string; reason: string }) {
  notFuture(store, 'withdrawnOn', '撤回日期', input.withdrawnOn);
  store.write(actor, 'credit.applications.withdraw', (audit) => {
    const row = requireApp(store, input.id, input.version);
    requireStatus(row, ['draft', 'submitted'], '撤回');
    bump(store, row.id, { status: 'withdrawn', withdrawnOn: input.withdrawnOn, decisionNote: input.reason });
    record(audit, row, { status: 'withdrawn', withdrawnOn: input.withdrawnOn, reason: input.reason });
  });
  return appDetail(store, actor, input.id);
}

/**
 * Records a disbursement or, on an existing one, its repayment. What is paid out never exceeds what the
 * bank granted: in total for a term loan, at any one time (unrepaid draws) for a revolving line.
 */
export function saveDisbursement(
  store: Store,
  actor: Actor,
  input: { applicationId: number; id?: number; version?: number; disbursedOn: string; amountFen: number; dueOn: string; repaidOn: string; notes: string },
) {
  notFuture(store, 'disbursedOn', '放款日期', input.disbursedOn);
  if (input.repaidOn) notFuture(store, 'repaidOn', '还清日期', input.repaidOn);
  if (input.amountFen <= 0) throw fieldError('amountFen', '放款金额应大于 0');
  if (input.dueOn <= input.disbursedOn) throw fieldError('dueOn', '到期日应晚于放款日期');
  if (input.repaidOn && input.repaidOn < input.disbursedOn) throw fieldError('repaidOn', '还清日期不能早于放款日期');
  store.write(actor, 'credit.disbursements.save', (audit) => {
    const row = requireApp(store, input.applicationId);
    requireStatus(row, ['approved', 'disbursed', 'repaid'], '登记放款');
    if (input.disbursedOn < row.decidedOn) throw fieldError('disbursedOn', `放款日期不能早于银行批准日期 ${row.decidedOn}`);
    const others = store.db
      .select()
      .from(creditDisbursements)
      .where(eq(creditDisbursements.applicationId, row.id))
      .all()
      .filter((d) => d.id !== input.id);
    const product = getProduct(store, row.productId);
    const granted = row.grantedFen ?? 0;
    const counted = product.kind === 'revolving' ? others.filter((d) => d.repaidOn === '').reduce((s, d) => s + d.amountFen, 0) : others.reduce((s, d) => s + d.amountFen, 0);
    const mine = product.kind === 'revolving' && input.repaidOn ? 0 : input.amountFen;
    if (counted + mine > granted)
      throw fieldError('amountFen', `${product.kind === 'revolving' ? '未还清的放款' : '累计放款'} ${formatFen(counted + mine)} 元将超过批准金额 ${formatFen(granted)} 元`);
    const now = store.now();
    let id = input.id;
    if (id === undefined) {
      id = store.db
        .insert(creditDisbursements)
        .values({ applicationId: row.id, disbursedOn: input.disbursedOn, amountFen: input.amountFen, dueOn: input.dueOn, repaidOn: input.repaidOn, notes: input.notes, createdBy: who(store, actor), createdAt: now, updatedAt: now })
        .returning()
        .get().id;
    } else {
      const before = store.db.select().from(creditDisbursements).where(and(eq(creditDisbursements.id, id), eq(creditDisbursements.applicationId, row.id))).get();
      if (!before) throw new AppError('NOT_FOUND', `放款记录 #${id} 不存在`);
      if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
      store.db
        .update(creditDisbursements)
        .set({ disbursedOn: input.disbursedOn, amountFen: input.amountFen, dueOn: input.dueOn, repaidOn: input.repaidOn, notes: input.notes, updatedAt: now, version: before.version + 1 })
        .where(eq(creditDisbursements.id, id))
        .run();
    }
    const all = [...others.map((d) => d.repaidOn), input.repaidOn];
    bump(store, row.id, { status: all.every((r) => r !== '') ? 'repaid' : 'disbursed' });
    record(audit, row, { disbursement: id, disbursedOn: input.disbursedOn, amountFen: input.amountFen, dueOn: input.dueOn, repaidOn: input.repaidOn });
  });
  return appDetail(store, actor, input.applicationId);
}


export function readDocument(store: Store, docId: number): { name: string; mime: string; base64: string } {
  const d = store.db.select().from(creditAppDocs).where(eq(creditAppDocs.id, docId)).get();
  if (!d || d.sha256 === null) throw new AppError('NOT_FOUND', '这项材料尚未上传');
  return { name: d.fileName, mime: d.mime, base64: getBlob(store, d.sha256, d.fileName).toString('base64') };
}
