import { eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { ProductKind } from '../../../shared/credit';
import { creditProducts } from './schema';
import { currentGrade } from './ratings';
import { rankProducts } from './eligibility';
import { getSubject, type Subject } from './subjects';
import { todayOf } from '../tasks/dates';

export interface ProductInput {
  name: string;
  bank: string;
  kind: ProductKind;
  minFen: number;
  maxFen: number;
  termMinMonths: number;
  termMaxMonths: number;
  rateMinBp: number;
  rateMaxBp: number;
  applicantKinds: string[];
  minGrade: string;
  industries: string[];
  documents: string[];
  online: boolean;
  active: boolean;
  example: boolean;
  notes: string;
}

export type ProductRow = typeof creditProducts.$inferSelect;

export interface ProductOut extends Omit<ProductRow, 'applicantKinds' | 'industries' | 'documents' | 'createdAt' | 'updatedAt'> {
  applicantKinds: string[];
  industries: string[];
  documents: string[];
  applications: number;
}

export function presentProduct(r: ProductRow, applications = 0): ProductOut {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return {
    ...rest,
    applicantKinds: JSON.parse(r.applicantKinds) as string[],
    industries: JSON.parse(r.industries) as string[],
    documents: JSON.parse(r.documents) as string[],
    applications,
  };
}

export function listProducts(store: Store, activeOnly = false): ProductOut[] {
  const counts = new Map((store.sqlite.prepare('SELECT product_id, count(*) FROM credit_applications GROUP BY product_id').raw().all() as [number, number][]).map(([p, n]) => [p, n]));
  return store.db
    .select()
    .from(creditProducts)
    .all()
    .filter((p) => !activeOnly || p.active)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.bank.localeCompare(b.bank, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'))
    .map((p) => presentProduct(p, counts.get(p.id) ?? 0));
}

export function getProduct(store: Store, id: number): ProductRow {
  const row = store.db.select().from(creditProducts).where(eq(creditProducts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `贷款产品 #${id} 不存在`);
  return row;
}

function check(input: ProductInput): void {
  if (input.minFen <= 0) throw fieldError('minFen', '最低额度应大于 0');
  if (input.maxFen < input.minFen) throw fieldError('maxFen', '最高额度不能低于最低额度');
  if (input.termMaxMonths < input.termMinMonths) throw fieldError('termMaxMonths', '最长期限不能短于最短期限');
  if (input.rateMaxBp < input.rateMinBp) throw fieldError('rateMaxBp', '最高年利率不能低于最低年利率');
  if (new Set(input.documents).size !== input.documents.length) throw fieldError('documents', '所需材料有重复项');
}

function values(input: ProductInput) {
  return {
    ...input,
    applicantKinds: JSON.stringify(input.applicantKinds),
    industries: JSON.stringify([...new Set(input.industries)]),
    documents: JSON.stringify(input.documents),
  };
}

function clash(store: Store, name: string, exceptId?: number): void {
  const other = store.db.select({ id: creditProducts.id }).from(creditProducts).where(eq(creditProducts.name, name)).get();
  if (other && other.id !== exceptId) throw fieldError('name', `已有名为“${name}”的产品`, 'DUPLICATE');
}

export function saveProduct(store: Store, actor: Actor, input: ProductInput & { id?: number; version?: number }): ProductOut {
  check(input);
  return store.write(actor, 'credit.products.save', (audit) => {
    const now = store.now();
    clash(store, input.name, input.id);
    if (input.id === undefined) {
      const row = store.db.insert(creditProducts).values({ ...values(input), createdAt: now, updatedAt: now }).returning().get();
      audit.record({ entity: 'credit_product', ids: [row.id], summary: { after: { name: row.name, bank: row.bank, kind: row.kind, minGrade: row.minGrade } } });
      return presentProduct(row);
    }
    const before = getProduct(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    const row = store.db
      .update(creditProducts)
      .set({ ...values(input), updatedAt: now, version: before.version + 1 })
      .where(eq(creditProducts.id, input.id))
      .returning()
      .get();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(input) as (keyof ProductInput)[]) {
      const from = before[k];
      const to = values(input)[k];
      if (JSON.stringify(from) !== JSON.stringify(to)) changed[k] = { from, to };
    }
    audit.record({ entity: 'credit_product', ids: [row.id], summary: { name: row.name, changed } });
    return presentProduct(row);
  });
}

const DOCS_PERSON = ['身份证', '户口簿', '土地承包经营权证或流转合同'];
const DOCS_ORG = ['营业执照', '法定代表人身份证', '近一年财务报表', '经营场地证明'];

/**
 * The six products the plan names (section 五 (二)), with made-up but plausible terms: marked as examples
 * so that the centre replaces them with the banks' current terms before relying on them.
 */
export const EXAMPLE_PRODUCTS: ProductInput[] = [
  { name: '裕农快贷', bank: '中国建设银行云阳支行', kind: 'credit', minFen: 1_000_000, maxFen: 30_000_000, termMinMonths: 6, termMaxMonths: 36, rateMinBp: 365, rateMaxBp: 550, applicantKinds: ['农户', '家庭农场'], minGrade: 'B', industries: [], documents: DOCS_PERSON, online: true, active: true, example: true, notes: '线上“三农”信贷产品（方案列举）' },
  { name: '惠农E贷', bank: '中国农业银行云阳县支行', kind: 'credit', minFen: 3_000_000, maxFen: 100_000_000, termMinMonths: 12, termMaxMonths: 36, rateMinBp: 385, rateMaxBp: 520, applicantKinds: ['农户', '家庭农场', '农民专业合作社'], minGrade: 'A', industries: [], documents: [...DOCS_PERSON.slice(0, 2), '经营情况说明'], online: true, active: true, example: true, notes: '线上“三农”信贷产品（方案列举）' },
  { name: '渝快乡村贷', bank: '重庆农村商业银行云阳支行', kind: 'credit', minFen: 1_000_000, maxFen: 50_000_000, termMinMonths: 12, termMaxMonths: 36, rateMinBp: 395, rateMaxBp: 560, applicantKinds: ['农户', '家庭农场'], minGrade: 'B', industries: [], documents: DOCS_PERSON, online: true, active: true, example: true, notes: '线上“三农”信贷产品（方案列举）' },
  { name: '渝快助农贷', bank: '重庆农村商业银行云阳支行', kind: 'revolving', minFen: 10_000_000, maxFen: 300_000_000, termMinMonths: 12, termMaxMonths: 36, rateMinBp: 385, rateMaxBp: 500, applicantKinds: ['农民专业合作社', '家庭农场', '涉农企业'], minGrade: 'A', industries: [], documents: DOCS_ORG, online: true, active: true, example: true, notes: '随借随还，线上“三农”信贷产品（方案列举）' },
  { name: '面业贷', bank: '重庆农村商业银行云阳支行', kind: 'secured', minFen: 10_000_000, maxFen: 500_000_000, termMinMonths: 12, termMaxMonths: 60, rateMinBp: 395, rateMaxBp: 580, applicantKinds: ['涉农企业', '农民专业合作社', '家庭农场'], minGrade: 'B', industries: ['面业', '粮油'], documents: [...DOCS_ORG, '抵押物权属证明'], online: false, active: true, example: true, notes: '“一业一贷”特色产品（方案列举）' },
  { name: '红橙贷', bank: '中国邮政储蓄银行云阳县支行', kind: 'credit', minFen: 5_000_000, maxFen: 200_000_000, termMinMonths: 12, termMaxMonths: 36, rateMinBp: 385, rateMaxBp: 520, applicantKinds: ['农户', '家庭农场', '农民专业合作社'], minGrade: 'A', industries: ['柑橘'], documents: [...DOCS_PERSON.slice(0, 1), '柑橘种植面积证明', '经营情况说明'], online: false, active: true, example: true, notes: '“一业一贷”特色产品，支持云阳红橙（柑橘）产业（方案列举）' },
];

/** Inside the caller's transaction: adds the plan's products that are not there yet (by name). */
export function insertExampleProducts(store: Store): number {
  const now = store.now();
  let added = 0;
  for (const p of EXAMPLE_PRODUCTS) {
    if (store.db.select({ id: creditProducts.id }).from(creditProducts).where(eq(creditProducts.name, p.name)).get()) continue;
    store.db.insert(creditProducts).values({ ...values(p), createdAt: now, updatedAt: now }).run();
    added++;
  }
  return added;
}

export function seedExampleProducts(store: Store, actor: Actor): { added: number } {
  return store.write(actor, 'credit.products.seedExamples', (audit) => {
    const added = insertExampleProducts(store);
    audit.record({ entity: 'credit_product', ids: [], summary: { added, names: EXAMPLE_PRODUCTS.map((p) => p.name) } });
    return { added };
  });
}

/** The active products for a member, ranked, each with its reasons; uses the approved grade in force. */
export function matchProducts(store: Store, input: { kind: Subject['kind']; id: number; amountFen: number | null }) {
  const subject = getSubject(store, input.kind, input.id);
  const current = currentGrade(store, subject.key, todayOf(store));
  const rows = rankProducts(listProducts(store, true), { kindLabel: subject.kindLabel, industries: subject.industries, grade: current?.grade ?? null }, input.amountFen);
  return { subject, grade: current?.grade ?? null, validUntil: current?.validUntil ?? '', rows };
}
