import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { setupCredit, type CreditEnv } from '../helpers/credit';
import { refusal } from '../helpers/refusal';
import type { CliClient } from '../../electron/cli/io';
import { COMMANDS } from '../../electron/cli/commands';
import { indicator8 } from '../../electron/core/credit/indicator';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

type App = Out<Contract['credit.applications.get']>;
type Products = Out<Contract['credit.products.list']>;
type Match = Out<Contract['credit.match']>;
type Indicators = Out<Contract['indicators.list']>;

let env: CreditEnv;
let manager: CliClient;
let desk: CliClient;
let keeper: CliClient;
let products: Products;
let town: { id: number; villages: number[] };
let citrusCoop: number;
let pigCoop: number;
let farmer: number;

const pid = (name: string) => products.find((p) => p.name === name)!.id;
const pdf = (text: string) => ({ name: `${text}.pdf`, base64: Buffer.from(`%PDF-1.4 ${text}`).toString('base64') });
const eight = async (c: CliClient, period = '') => (await c.call<Indicators>('indicators.list', { period })).rows.find((r) => r.no === 8)!;

/** Opens an application at the desk, hands in every document and takes it to the bank's approval. */
async function approvedLoan(subject: { kind: 'org' | 'household'; id: number }, product: string, requestedFen: number, grantedFen: number, days: { submitted: string; decided: string }) {
  let a = await desk.call<App>('credit.applications.create', { ...subject, productId: pid(product), purpose: '生产周转' });
  for (const d of a.docs) a = await desk.call<App>('credit.applications.uploadDoc', { id: a.id, docId: d.id, file: pdf(d.name) });
  a = await manager.call<App>('credit.applications.submit', { id: a.id, version: a.version, submittedOn: days.submitted, requestedFen, termMonths: 24 });
  return manager.call<App>('credit.applications.decide', { id: a.id, version: a.version, decidedOn: days.decided, approved: true, grantedFen, rateBp: 395, termMonths: 24, note: '' });
}

beforeAll(async () => {
  env = await setupCredit('2025-12-01');
  manager = await env.user('fuzeren', '陈主任', 'manager');
  desk = await env.user('qiantai', '王前台', 'frontdesk');
  keeper = await env.user('kuaiji', '李会计', 'bookkeeper');
  town = env.township('江口镇', ['梨树村', '新桥村']);
  const other = env.township('南溪镇', ['钟鼓村']);
  citrusCoop = env.org('农民专业合作社', '云阳县江口镇兴农柑橘专业合作社', { townshipId: town.id, industries: ['柑橘'] });
  pigCoop = env.org('农民专业合作社', '云阳县南溪镇红狮生猪专业合作社', { townshipId: other.id, industries: ['生猪'] });
  farmer = env.household('张大山', { townshipId: town.id, crops: ['柑橘'] });
  const union = env.union('云阳县农民合作经济组织联合会');
  env.join(union, citrusCoop, '2020-01-01');
  env.join(union, pigCoop, '2020-01-01');
});
afterAll(() => env.close());

describe('loan products', () => {
  it('seeds the six products the plan names as editable examples, once, for everyone to read', async () => {
    expect(await manager.call('credit.products.seedExamples')).toEqual({ added: 6 });
    expect(await manager.call('credit.products.seedExamples')).toEqual({ added: 0 });
    products = await keeper.call<Products>('credit.products.list', {});
    expect(products.map((p) => p.name).sort()).toEqual(['惠农E贷', '渝快乡村贷', '渝快助农贷', '红橙贷', '裕农快贷', '面业贷'].sort());
    expect(products.every((p) => p.example)).toBe(true);
    expect(products.find((p) => p.name === '渝快助农贷')).toMatchObject({ kind: 'revolving', bank: '重庆农村商业银行云阳支行' });
    expect((await refusal(() => keeper.call('credit.products.seedExamples'))).code).toBe('FORBIDDEN');
  });

  it('edits a product with its version and refuses ranges that do not make sense', async () => {
    const p = products.find((x) => x.name === '红橙贷')!;
    const { id, version, applications: _a, ...fields } = p;
    const bad = await refusal(() => manager.call('credit.products.save', { ...fields, id, version, maxFen: fields.minFen - 1 }));
    expect(bad.fields?.maxFen).toBe('最高额度不能低于最低额度');
    const saved = await manager.call<Products[number]>('credit.products.save', { ...fields, id, version, example: false, notes: '按邮储银行 2025 年产品手册核对' });
    expect(saved).toMatchObject({ example: false, version: version + 1 });
    expect((await refusal(() => manager.call('credit.products.save', { ...fields, id, version }))).code).toBe('CONFLICT');
    expect((await refusal(() => keeper.call('credit.products.save', { ...fields, id, version: saved.version }))).code).toBe('FORBIDDEN');
    products = await manager.call<Products>('credit.products.list', {});
  });
});

describe('matching products to a member', () => {
  it('explains why a product does not fit a member without a rating, then ranks the fitting ones once it is rated', async () => {
    const before = await manager.call<Match>('credit.match', { kind: 'org', id: citrusCoop });
    expect(before.grade).toBeNull();
    const hongcheng = before.rows.find((r) => r.product.name === '红橙贷')!;
    expect(hongcheng.eligible).toBe(false);
    expect(hongcheng.reasons.filter((r) => !r.ok).map((r) => r.text)).toEqual(['要求信用等级 A 及以上，尚无有效评级']);

    const rating = await manager.call<{ id: number; computedGrade: string }>('credit.rate', { kind: 'org', id: citrusCoop });
    expect(rating.computedGrade).toBe('C');
    await manager.call('credit.ratings.approve', { id: rating.id, grade: 'A', reason: '农商行授信调查结论为 A 级' });
    const after = await manager.call<Match>('credit.match', { kind: 'org', id: citrusCoop });
    expect(after.grade).toBe('A');
    expect(after.rows.map((r) => [r.product.name, r.eligible])).toEqual([
      ['红橙贷', true],
      ['惠农E贷', true],
      ['渝快助农贷', true],
      ['面业贷', false],
      ['渝快乡村贷', false],
      ['裕农快贷', false],
    ]);
    expect(after.rows[0]!.reasons.map((r) => r.text)).toContain('专为柑橘产业设计（一业一贷）');
    expect(after.rows[3]!.reasons.filter((r) => !r.ok).map((r) => r.text)).toEqual(['仅限面业、粮油产业，本会员为柑橘']);
    expect(after.rows[4]!.reasons.filter((r) => !r.ok).map((r) => r.text)).toEqual(['仅限农户、家庭农场申请']);

    const big = await manager.call<Match>('credit.match', { kind: 'org', id: citrusCoop, amountFen: 250_000_000 });
    expect(big.rows.filter((r) => r.eligible).map((r) => r.product.name)).toEqual(['渝快助农贷']);
    expect(big.rows.find((r) => r.product.name === '红橙贷')!.reasons.filter((r) => !r.ok).map((r) => r.text)).toEqual(['拟贷 250 万元超过最高额度 200 万元']);
  });
});

describe('loan assistance and indicator 8', () => {
  it('counts last December’s disbursement in last December’s figure only', async () => {
    const a = await approvedLoan({ kind: 'org', id: pigCoop }, '惠农E贷', 60_000_000, 60_000_000, { submitted: '2025-12-01', decided: '2025-12-01' });
    env.setDay('2025-12-20');
    manager = await env.login('fuzeren');
    await manager.call('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2025-12-20', amountFen: 60_000_000, dueOn: '2026-03-20' });
    env.setDay('2026-06-15');
    manager = await env.login('fuzeren');
    desk = await env.login('qiantai');
    keeper = await env.login('kuaiji');
    // December is frozen at month end with the figure computed from the disbursements.
    expect(await eight(manager, '2025-12')).toMatchObject({ value: 0.01, basis: 'computed', hasSource: true, fromSnapshot: true });
    expect((await eight(manager, '2025-12')).how).toContain('2025-01-01 至 2025-12-31 中心代办贷款放款 1 笔');
    expect(await eight(manager)).toMatchObject({ value: 0, basis: 'computed', route: '/credit/figures?year=2026' });
  });

  it('takes an application at the front desk, through the documents and the bank’s decision, to a disbursement that moves indicator 8', async () => {
    const wrongKind = await refusal(() => desk.call('credit.applications.create', { kind: 'household', id: farmer, productId: pid('渝快助农贷'), purpose: '周转' }));
    expect(wrongKind.fields?.productId).toBe('“渝快助农贷”只受理农民专业合作社、家庭农场、涉农企业的申请');

    let a = await desk.call<App>('credit.applications.create', { kind: 'org', id: citrusCoop, productId: pid('红橙贷'), purpose: '柑橘园水肥一体化改造' });
    expect(a).toMatchObject({ no: 'DB2026-0001', status: 'draft', bank: '中国邮政储蓄银行云阳县支行', township: '江口镇', industry: '柑橘', createdBy: '王前台', amountsHidden: true, requestedFen: null });
    expect(a.docs.map((d) => [d.name, d.received])).toEqual([
      ['身份证', false],
      ['柑橘种植面积证明', false],
      ['经营情况说明', false],
    ]);
    expect((await refusal(() => desk.call('credit.applications.submit', { id: a.id, version: a.version, submittedOn: '2026-06-15', requestedFen: 1, termMonths: 12 }))).code).toBe('FORBIDDEN');
    const missing = await refusal(() => manager.call('credit.applications.submit', { id: a.id, version: a.version, submittedOn: '2026-06-15', requestedFen: 150_000_000, termMonths: 24 }));
    expect(missing.message).toBe('还缺少材料：身份证、柑橘种植面积证明、经营情况说明');
    const empty = await refusal(() => desk.call('credit.applications.uploadDoc', { id: a.id, docId: a.docs[0]!.id, file: { name: '空.pdf', base64: '' } }));
    expect(empty.fields?.['file.base64']).toBe('文件是空的');
    for (const d of a.docs) a = await desk.call<App>('credit.applications.uploadDoc', { id: a.id, docId: d.id, file: pdf(d.name) });
    a = await desk.call<App>('credit.applications.uploadDoc', { id: a.id, docId: null, name: '合作社章程', file: pdf('章程') });
    expect(a).toMatchObject({ docsReceived: 3, docsRequired: 3 });
    expect(a.docs.at(-1)).toMatchObject({ name: '合作社章程', required: false, received: true, receivedBy: '王前台', sha256: '' });

    const tooMuch = await refusal(() => manager.call('credit.applications.submit', { id: a.id, version: a.version, submittedOn: '2026-06-15', requestedFen: 300_000_000, termMonths: 24 }));
    expect(tooMuch.fields?.requestedFen).toBe('申请金额应在“红橙贷”的额度 50,000.00–2,000,000.00 元之间');
    a = await manager.call<App>('credit.applications.submit', { id: a.id, version: a.version, submittedOn: '2026-06-15', requestedFen: 150_000_000, termMonths: 24 });
    expect(a).toMatchObject({ status: 'submitted', requestedFen: 150_000_000 });
    const doc = await manager.call<{ name: string; base64: string }>('credit.applications.doc', { docId: a.docs[0]!.id });
    expect(Buffer.from(doc.base64, 'base64').toString()).toBe('%PDF-1.4 身份证');
    expect((await refusal(() => desk.call('credit.applications.doc', { docId: a.docs[0]!.id }))).code).toBe('FORBIDDEN');

    const noReason = await refusal(() => manager.call('credit.applications.decide', { id: a.id, version: a.version, decidedOn: '2026-06-15', approved: false, note: '' }));
    expect(noReason.fields?.note).toBe('请填写银行未批准的原因');
    a = await manager.call<App>('credit.applications.decide', { id: a.id, version: a.version, decidedOn: '2026-06-15', approved: true, grantedFen: 120_000_000, rateBp: 395, termMonths: 24, note: '' });
    expect(a).toMatchObject({ status: 'approved', grantedFen: 120_000_000, rateBp: 395 });
    const over = await refusal(() => manager.call('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-15', amountFen: 130_000_000, dueOn: '2028-06-15' }));
    expect(over.fields?.amountFen).toBe('累计放款 1,300,000.00 元将超过批准金额 1,200,000.00 元');
    const future = await refusal(() => manager.call('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-16', amountFen: 1, dueOn: '2028-06-15' }));
    expect(future.fields?.disbursedOn).toBe('放款日期不能晚于今天');
    const beforeCount = env.audits('credit.disbursements.save').length;
    a = await manager.call<App>('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-15', amountFen: 120_000_000, dueOn: '2028-06-15' });
    expect(a).toMatchObject({ status: 'disbursed', disbursedFen: 120_000_000 });
    expect(env.audits('credit.disbursements.save')).toHaveLength(beforeCount + 1);

    expect(indicator8(env.core.store, 2026, '2026-06-15').value).toBe(0.012);
    const fig = await eight(manager);
    expect(fig).toMatchObject({ value: 0.01, basis: 'computed' });
    expect(fig.how).toBe('信用服务：2026-01-01 至 2026-06-15 中心代办贷款放款 1 笔（1 户/家会员），合计 1,200,000.00 元，折合 0.0120 亿元');

    // What the front desk sees of it: the status and the checklist, never an amount.
    const seen = await desk.call<App>('credit.applications.get', { id: a.id });
    expect(seen).toMatchObject({ status: 'disbursed', requestedFen: null, grantedFen: null, disbursedFen: null, rateBp: null, termMonths: null, amountsHidden: true });
    expect(seen.disbursements.map((d) => [d.disbursedOn, d.amountFen])).toEqual([['2026-06-15', null]]);
    const list = await desk.call<Out<Contract['credit.applications.list']>>('credit.applications.list', {});
    expect(list.rows.every((r) => r.grantedFen === null && r.disbursedFen === null && r.requestedFen === null)).toBe(true);
    expect((await manager.call<Out<Contract['credit.applications.list']>>('credit.applications.list', { q: '兴农' })).rows.map((r) => r.grantedFen)).toEqual([120_000_000]);
  });

  it('keeps what a revolving line has out within what the bank granted, and closes the application once all is repaid', async () => {
    let a = await approvedLoan({ kind: 'org', id: pigCoop }, '渝快助农贷', 300_000_000, 300_000_000, { submitted: '2026-06-15', decided: '2026-06-15' });
    a = await manager.call<App>('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-15', amountFen: 200_000_000, dueOn: '2026-12-06' });
    const more = await refusal(() => manager.call('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-15', amountFen: 150_000_000, dueOn: '2026-12-10' }));
    expect(more.fields?.amountFen).toBe('未还清的放款 3,500,000.00 元将超过批准金额 3,000,000.00 元');
    const first = a.disbursements[0]!;
    a = await manager.call<App>('credit.disbursements.save', { applicationId: a.id, id: first.id, version: first.version, disbursedOn: '2026-06-15', amountFen: 200_000_000, dueOn: '2026-12-06', repaidOn: '2026-06-15' });
    a = await manager.call<App>('credit.disbursements.save', { applicationId: a.id, disbursedOn: '2026-06-15', amountFen: 150_000_000, dueOn: '2026-12-10' });
    expect(a).toMatchObject({ status: 'disbursed', disbursedFen: 350_000_000 });
    const second = a.disbursements[1]!;
    a = await manager.call<App>('credit.disbursements.save', { applicationId: a.id, id: second.id, version: second.version, disbursedOn: '2026-06-15', amountFen: 150_000_000, dueOn: '2026-12-10', repaidOn: '2026-06-15' });
    expect(a.status).toBe('repaid');
    // 1,200,000 + 2,000,000 + 1,500,000 paid out this year.
    expect(indicator8(env.core.store, 2026, '2026-06-15').value).toBe(0.047);
    expect((await eight(manager)).value).toBe(0.05);
  });

  it('records an overdue loan against the member’s credit, a rejection, and a withdrawal at the desk', async () => {
    // Last December's loan to the pig cooperative fell due in March and is still unpaid.
    const late = (await manager.call<Out<Contract['credit.applications.list']>>('credit.applications.list', { subjectKey: `org:${pigCoop}` })).rows.find((r) => r.no.startsWith('DB2025'))!;
    expect(late.overdue).toBe(true);
    const r = await manager.call<Out<Contract['credit.rate']>>('credit.rate', { kind: 'org', id: pigCoop });
    expect(r.lines.find((l) => l.fact === 'loansOverdue')).toMatchObject({ value: 1, pct: 30, detail: `代办 ${late.no} 到期 2026-03-20 未还清` });
    expect(r.lines.find((l) => l.fact === 'loansOnTime')).toMatchObject({ value: 2 });

    let rej = await desk.call<App>('credit.applications.create', { kind: 'org', id: pigCoop, productId: pid('惠农E贷'), purpose: '扩建圈舍' });
    for (const d of rej.docs) rej = await desk.call<App>('credit.applications.uploadDoc', { id: rej.id, docId: d.id, file: pdf(d.name) });
    rej = await manager.call<App>('credit.applications.submit', { id: rej.id, version: rej.version, submittedOn: '2026-06-15', requestedFen: 80_000_000, termMonths: 12 });
    rej = await manager.call<App>('credit.applications.decide', { id: rej.id, version: rej.version, decidedOn: '2026-06-15', approved: false, note: '有逾期未还贷款' });
    expect(rej).toMatchObject({ status: 'rejected', decisionNote: '有逾期未还贷款', grantedFen: null });

    let w = await desk.call<App>('credit.applications.create', { kind: 'household', id: farmer, productId: pid('渝快乡村贷'), purpose: '购买化肥' });
    w = await desk.call<App>('credit.applications.withdraw', { id: w.id, version: w.version, withdrawnOn: '2026-06-15', reason: '已自筹资金' });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-06-15' });
    const again = await refusal(() => desk.call('credit.applications.withdraw', { id: w.id, version: w.version, withdrawnOn: '2026-06-15', reason: 'x' }));
    expect(again.message).toContain('当前为“已撤回”，不能撤回');
    expect((await refusal(() => keeper.call('credit.applications.list', {}))).code).toBe('FORBIDDEN');
  });
});

describe('figures and credit villages', () => {
  it('refuses a credit village outside its township and a duplicate, and totals what was credited', async () => {
    const elsewhere = env.township('双江街道', ['青杠村']);
    const wrong = await refusal(() => manager.call('credit.campaigns.save', { kind: '信用村', townshipId: town.id, villageId: elsewhere.villages[0], bank: '农商行', assessedOn: '2026-03-01' }));
    expect(wrong.fields?.villageId).toBe('所选村（社区）不属于该乡镇（街道）');
    const townWithVillage = await refusal(() => manager.call('credit.campaigns.save', { kind: '信用乡镇', townshipId: town.id, villageId: town.villages[0], bank: '农商行', assessedOn: '2026-03-01' }));
    expect(townWithVillage.fields?.villageId).toBe('信用乡镇不选村（社区）');
    await manager.call('credit.campaigns.save', { kind: '信用村', townshipId: town.id, villageId: town.villages[0], bank: '重庆农村商业银行云阳支行', assessedOn: '2026-03-01', awardedOn: '2026-04-01', households: 120, lineFen: 3_600_000_000 });
    await manager.call('credit.campaigns.save', { kind: '整村授信', townshipId: town.id, villageId: town.villages[1], bank: '重庆农村商业银行云阳支行', assessedOn: '2026-05-01', awardedOn: '2026-05-20', households: 80, lineFen: 2_000_000_000 });
    const dup = await refusal(() => manager.call('credit.campaigns.save', { kind: '信用村', townshipId: town.id, villageId: town.villages[0], bank: '邮储', assessedOn: '2026-03-02' }));
    expect(dup.code).toBe('DUPLICATE');
    const list = await keeper.call<Out<Contract['credit.campaigns.list']>>('credit.campaigns.list', {});
    expect(list.totals).toEqual({ villages: 1, townships: 0, wholeVillage: 1, households: 200, lineFen: 5_600_000_000 });
    expect(list.rows.map((r) => [r.kind, r.village])).toEqual([
      ['整村授信', '新桥村'],
      ['信用村', '梨树村'],
    ]);
  });

  it('adds up applications, approvals and disbursements by bank, product, industry and township, and exports them', async () => {
    const f = await manager.call<Out<Contract['credit.figures']>>('credit.figures', { year: 2026 });
    expect(f.totals).toMatchObject({ applications: 4, submitted: 3, approvals: 2, rejections: 1, grantedFen: 420_000_000, disbursements: 3, disbursedFen: 470_000_000, outstandingFen: 180_000_000, overdue: 1 });
    expect(f.byBank.map((b) => [b.key, b.disbursedFen])).toEqual([
      ['重庆农村商业银行云阳支行', 350_000_000],
      ['中国邮政储蓄银行云阳县支行', 120_000_000],
      ['中国农业银行云阳县支行', 0],
    ]);
    expect(f.byIndustry.map((b) => [b.key, b.applications, b.disbursedFen])).toEqual([
      ['生猪', 2, 350_000_000],
      ['柑橘', 2, 120_000_000],
    ]);
    expect(f.byTownship.map((b) => [b.key, b.disbursedFen])).toEqual([
      ['南溪镇', 350_000_000],
      ['江口镇', 120_000_000],
    ]);
    expect(f.byMonth.find((m) => m.month === '2026-06')!.disbursedFen).toBe(470_000_000);
    expect(f.campaigns).toMatchObject({ villages: 1, wholeVillage: 1 });
    for (const c of [desk, keeper]) {
      expect((await refusal(() => c.call('credit.figures', { year: 2026 }))).code).toBe('FORBIDDEN');
      expect((await refusal(() => c.call('credit.figures.export', { year: 2026 }))).code).toBe('FORBIDDEN');
      expect((await refusal(() => c.call('credit.match', { kind: 'org', id: citrusCoop }))).code).toBe('FORBIDDEN');
    }
    const file = await manager.call<{ name: string; base64: string }>('credit.figures.export', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按银行', '按产品', '按产业', '按乡镇', '放款明细']);
    const detail = wb.getWorksheet('放款明细')!;
    const cells: string[] = [];
    detail.eachRow((row) => cells.push(row.values ? JSON.stringify(row.values) : ''));
    expect(cells.join('\n')).toContain('云阳县江口镇兴农柑橘专业合作社');
    expect(env.audits('credit.figures.export').at(-1)).toMatchObject({ username: 'fuzeren', entity: 'credit_figures' });
  });

  it('finds applications and products in the Ctrl+K box without amounts, by role', async () => {
    const forDesk = await desk.call<{ kindLabel: string; title: string; subtitle: string; route: string }[]>('search.global', { q: '兴农' });
    expect(forDesk).toContainEqual(expect.objectContaining({ kindLabel: '金融代办', title: 'DB2026-0001 云阳县江口镇兴农柑橘专业合作社', subtitle: '红橙贷 · 已放款' }));
    const forKeeper = await keeper.call<{ kindLabel: string; title: string }[]>('search.global', { q: '红橙' });
    expect(forKeeper.map((h) => h.kindLabel)).toEqual(['贷款产品']);
  });
});

describe('command line', () => {
  const cmd = (name: string) => COMMANDS.find((c) => c.name === name)!;
  const args = (values: Record<string, string | boolean>) => ({ values, positionals: [] });

  it('rates one member or all, lists products and writes the figures', async () => {
    const one = (await cmd('credit rate').run(manager, args({ org: String(citrusCoop), approve: true }))) as Record<string, unknown>;
    expect(one).toMatchObject({ 会员: '云阳县江口镇兴农柑橘专业合作社', 模型版本: 1, 状态: '已审批（陈主任）' });
    await expect(cmd('credit rate').run(manager, args({}))).rejects.toThrow('请指定 --org 或 --household 之一');
    const out = path.join(env.dir, '评级结果.xlsx');
    const all = (await cmd('credit rate-all').run(manager, args({ out }))) as Record<string, unknown>;
    expect(all).toMatchObject({ 评级: 2, 文件: out });
    expect(String(all['说明'])).toMatch(/^已评级 2 家（评级模型第 1 版，待审批）：/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await refusal(() => cmd('credit rate-all').run(desk, args({}))) ).code).toBe('FORBIDDEN');
    await expect(cmd('credit rate-all').run(manager, args({ households: true, township: '不存在镇' }))).rejects.toThrow('没有名为“不存在镇”的乡镇（街道）');
    const list = (await cmd('credit products').run(keeper, args({}))) as Record<string, string>[];
    expect(list.find((p) => p['产品'] === '红橙贷')).toMatchObject({ 额度: '5.00 万元–200.00 万元', 最低等级: 'A', 产业: '柑橘' });
    expect(list.find((p) => p['产品'] === '裕农快贷（示例）')).toBeTruthy();
    const xlsx = path.join(env.dir, '统计.xlsx');
    expect(await cmd('credit figures').run(manager, args({ year: '2026', out: xlsx }))).toEqual({ 文件: xlsx });
    const rows = (await cmd('credit figures').run(manager, args({ year: '2026' }))) as { 项目: string; 数值: string }[];
    expect(rows.find((r) => r.项目 === '放款')!.数值).toBe('3 笔，4,700,000.00 元');
  });
});
