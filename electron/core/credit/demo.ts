import type { Actor, Store } from '../db/store';
import { SYSTEM_ACTOR } from '../db/store';
import { findByUsername } from '../auth/users';
import { putBlob } from '../files/blobs';
import { addDays, todayOf } from '../tasks/dates';
import type { AppStatus, StaffFactKind } from '../../../shared/credit';
import { ensureModel } from './model';
import { insertExampleProducts, presentProduct } from './products';
import { rateSubject } from './ratings';
import { creditAppDocs, creditApplications, creditCampaigns, creditDisbursements, creditEvaluations, creditFacts, creditProducts } from './schema';
import { findSubject, subjectColumns, type Subject } from './subjects';

/**
 * Credit's part of the demo set: the plan's six products (as editable examples), the default model,
 * staff-entered records and mutual evaluations for a few cooperatives, their ratings (most approved, one
 * waiting), loan-assistance applications in every state with this year's disbursements (so indicator 8
 * has a figure), and credit villages. Products are added by name; the rest only on a database without
 * any ratings or applications, so loading twice adds nothing.
 */
export function loadCreditDemo(store: Store): Record<string, number> {
  const products = insertExampleProducts(store);
  ensureModel(store, SYSTEM_ACTOR);
  const manager = findByUsername(store, 'fuzeren');
  const desk = findByUsername(store, 'qiantai');
  const started = store.sqlite.prepare('SELECT (SELECT count(*) FROM credit_ratings) + (SELECT count(*) FROM credit_applications)').pluck().get() as number;
  if (!manager || !desk || started > 0) return { 贷款产品: products };
  const chen: Actor = { userId: manager.id, username: manager.username, role: 'manager' };
  // Cooperatives with demo books first, so their ratings draw on the ledger too.
  const ids = (kind: string, n: number) =>
    store.sqlite.prepare("SELECT id FROM orgs WHERE kind = ? AND status = 'active' ORDER BY id IN (SELECT coop_id FROM ledger_books) DESC, id LIMIT ?").pluck().all(kind, n) as number[];
  const org = (id: number) => findSubject(store, 'org', id)!;
  const coops = ids('农民专业合作社', 8).map(org);
  const firms = ids('涉农企业', 2).map(org);
  const farms = ids('家庭农场', 2).map(org);
  const households = (store.sqlite.prepare("SELECT id FROM households WHERE status = 'active' ORDER BY id LIMIT 3").pluck().all() as number[]).map((id) => findSubject(store, 'household', id)!);
  if (coops.length < 6 || firms.length < 2 || farms.length < 1 || households.length < 3) return { 贷款产品: products };

  const today = todayOf(store);
  const year = Number(today.slice(0, 4));
  const now = store.now();
  const ago = (days: number) => addDays(today, -days);
  // This year's dates stay in this year even in early January, so indicator 8 always has a figure.
  const thisYear = (days: number) => (ago(days) < `${year}-01-01` ? `${year}-01-01` : ago(days));

  const fact = (s: Subject, kind: StaffFactKind, occurredOn: string, title: string, amountFen: number | null = null, endsOn = '') =>
    store.db.insert(creditFacts).values({ ...subjectColumns(s), kind, occurredOn, endsOn, title, amountFen, source: '演示数据', enteredBy: manager.displayName, enteredAt: now }).run();
  fact(coops[0]!, 'award', ago(400), '市级农民合作社示范社');
  fact(coops[0]!, 'repaidOnTime', ago(300), '农商行流动资金贷款 50 万元按期结清');
  fact(coops[0]!, 'repaidOnTime', ago(650), '邮储银行产业贷款 30 万元按期结清');
  fact(coops[0]!, 'repaidOnTime', ago(900), '农行惠农E贷 20 万元按期结清');
  fact(coops[1]!, 'repaidOnTime', ago(200), '农商行渝快助农贷 80 万元按期结清');
  fact(coops[1]!, 'award', ago(500), '县级优秀农合联会员单位');
  fact(coops[2]!, 'repaidLate', ago(240), '农商行贷款 40 万元逾期 35 天后还清');
  fact(coops[3]!, 'penalty', ago(180), '农药标签不规范受到县农业农村委行政处罚');
  fact(coops[4]!, 'guarantee', ago(120), '为本社成员贷款提供担保', 80_000_000, addDays(today, 245));

  const evaluators = store.sqlite
    .prepare("SELECT DISTINCT org_id FROM union_members WHERE status = 'active' ORDER BY org_id LIMIT 12")
    .pluck()
    .all() as number[];
  let evaluations = 0;
  coops.slice(0, 6).forEach((c, i) => {
    const scores = [[5, 5, 4], [5, 4, 4], [3, 4, 3], [3, 2, 3], [4, 4, 5], [4, 3, 4]][i]!;
    evaluators
      .filter((e) => e !== c.id)
      .slice(i, i + 3)
      .forEach((e, k) => {
        store.db.insert(creditEvaluations).values({ ...subjectColumns(c), evaluatorOrgId: e, year: year - (k % 2), score: scores[k]!, comment: ['按时履约，合作愉快', '产品质量稳定', '账务规范，信息公开'][k]!, enteredBy: manager.displayName, createdAt: now, updatedAt: now }).run();
        evaluations++;
      });
  });

  let ratings = 0;
  for (const s of [...coops.slice(0, 6), firms[0]!, farms[0]!]) {
    rateSubject(store, chen, { kind: 'org', id: s.id, approve: true });
    ratings++;
  }
  rateSubject(store, chen, { kind: 'org', id: coops[6]!.id, approve: false });
  ratings++;

  const product = (name: string) => presentProduct(store.db.select().from(creditProducts).all().find((p) => p.name === name)!);
  const proof = putBlob(store, Buffer.from('%PDF-1.4\n% 演示材料（非真实文件）\n'));
  let seq = 0;
  const app = (
    s: Subject,
    productName: string,
    status: AppStatus,
    d: { created: string; submitted?: string; decided?: string; requested?: number; granted?: number; rate?: number; term?: number; note?: string; industry?: string; purpose: string; docsReceived?: number },
  ) => {
    const p = product(productName);
    seq++;
    const row = store.db
      .insert(creditApplications)
      .values({
        no: `DB${d.created.slice(0, 4)}-${String(900 + seq).padStart(4, '0')}`,
        ...subjectColumns(s),
        productId: p.id,
        bank: p.bank,
        townshipId: s.townshipId,
        industry: d.industry ?? p.industries.find((i) => s.industries.includes(i)) ?? s.industries[0] ?? '',
        purpose: d.purpose,
        status,
        requestedFen: d.requested ?? null,
        termMonths: d.term ?? null,
        submittedOn: d.submitted ?? '',
        decidedOn: d.decided ?? '',
        grantedFen: d.granted ?? null,
        rateBp: d.rate ?? null,
        decisionNote: d.note ?? '',
        withdrawnOn: status === 'withdrawn' ? ago(2) : '',
        createdBy: desk.displayName,
        createdAt: `${d.created}T02:00:00.000Z`,
        updatedAt: now,
      })
      .returning()
      .get();
    p.documents.forEach((name, sort) => {
      const received = sort < (d.docsReceived ?? p.documents.length);
      store.db
        .insert(creditAppDocs)
        .values({ applicationId: row.id, name, required: true, sort, ...(received ? { sha256: proof.sha256, fileName: `${name}.pdf`, mime: 'application/pdf', size: proof.size, receivedBy: desk.displayName, receivedAt: now } : {}) })
        .run();
    });
    return row.id;
  };
  const pay = (appId: number, disbursedOn: string, amountFen: number, dueOn: string, repaidOn = '') =>
    store.db.insert(creditDisbursements).values({ applicationId: appId, disbursedOn, amountFen, dueOn, repaidOn, createdBy: manager.displayName, createdAt: now, updatedAt: now }).run();

  // 红橙贷 is for the citrus industry: it goes to a citrus cooperative.
  const citrus = coops.find((c) => c.industries.includes('柑橘')) ?? coops[0]!;
  const repaid = app(citrus, '红橙贷', 'repaid', { created: ago(430), submitted: ago(425), decided: ago(410), requested: 100_000_000, granted: 100_000_000, rate: 395, term: 12, purpose: '柑橘园水肥一体化改造' });
  pay(repaid, ago(405), 100_000_000, ago(40), ago(45));
  const revolving = app(coops[1]!, '渝快助农贷', 'disbursed', { created: ago(90), submitted: ago(85), decided: ago(70), requested: 300_000_000, granted: 300_000_000, rate: 420, term: 24, purpose: '收购社员产品周转资金' });
  pay(revolving, thisYear(40), 120_000_000, addDays(thisYear(40), 180), thisYear(8));
  pay(revolving, thisYear(6), 150_000_000, addDays(thisYear(6), 180));
  const firm = app(firms[0]!, '渝快助农贷', 'disbursed', { created: ago(60), submitted: ago(55), decided: ago(35), requested: 300_000_000, granted: 300_000_000, rate: 410, term: 36, purpose: '冷链仓储设备购置' });
  pay(firm, thisYear(30), 300_000_000, addDays(thisYear(30), 1095));
  const noodles = app(firms[1]!, '面业贷', 'disbursed', { created: ago(75), submitted: ago(70), decided: ago(50), requested: 450_000_000, granted: 450_000_000, rate: 450, term: 36, industry: '面业', purpose: '挂面生产线技术改造' });
  pay(noodles, thisYear(20), 450_000_000, addDays(thisYear(20), 1095));
  const late = app(farms[0]!, '惠农E贷', 'disbursed', { created: ago(420), submitted: ago(415), decided: ago(400), requested: 60_000_000, granted: 60_000_000, rate: 435, term: 12, purpose: '购置农机' });
  pay(late, ago(395), 60_000_000, ago(30));
  const tea = app(coops[4]!, '惠农E贷', 'disbursed', { created: ago(45), submitted: ago(40), decided: ago(25), requested: 90_000_000, granted: 90_000_000, rate: 400, term: 24, purpose: '基地提质改造' });
  pay(tea, thisYear(15), 90_000_000, addDays(thisYear(15), 730));
  app(coops[2]!, '惠农E贷', 'approved', { created: ago(30), submitted: ago(25), decided: ago(5), requested: 80_000_000, granted: 80_000_000, rate: 420, term: 24, purpose: '购置初加工设备' });
  app(coops[3]!, '渝快助农贷', 'rejected', { created: ago(50), submitted: ago(45), decided: ago(20), requested: 150_000_000, note: '近一年有行政处罚记录，银行暂不受理', purpose: '扩建生产设施' });
  app(households[0]!, '渝快乡村贷', 'submitted', { created: ago(10), submitted: ago(3), requested: 20_000_000, term: 24, purpose: '柑橘种植' });
  app(households[1]!, '裕农快贷', 'draft', { created: ago(1), purpose: '购买化肥种苗', docsReceived: 1 });
  app(households[2]!, '渝快乡村贷', 'withdrawn', { created: ago(20), purpose: '建设蔬菜大棚', note: '申请人已筹得资金，撤回申请' });

  const places = store.sqlite.prepare('SELECT t.id AS townshipId, (SELECT id FROM villages v WHERE v.township_id = t.id ORDER BY id LIMIT 1) AS villageId FROM townships t ORDER BY t.sort, t.id LIMIT 3').all() as { townshipId: number; villageId: number | null }[];
  let campaigns = 0;
  const campaign = (kind: '信用村' | '信用乡镇' | '整村授信', townshipId: number, villageId: number | null, bank: string, assessed: number, awarded: number, households: number, lineFen: number) => {
    store.db.insert(creditCampaigns).values({ kind, townshipId, villageId, bank, assessedOn: ago(assessed), awardedOn: ago(awarded), households, lineFen, notes: '演示数据', createdAt: now, updatedAt: now }).run();
    campaigns++;
  };
  const [p0, p1, p2] = places;
  if (p0?.villageId) campaign('信用村', p0.townshipId, p0.villageId, '重庆农村商业银行云阳支行', 120, 90, 126, 3_800_000_000);
  if (p1?.villageId) campaign('信用村', p1.townshipId, p1.villageId, '中国邮政储蓄银行云阳县支行', 200, 170, 88, 2_100_000_000);
  if (p2?.villageId) campaign('整村授信', p2.townshipId, p2.villageId, '重庆农村商业银行云阳支行', 60, 30, 210, 6_300_000_000);
  if (p0) campaign('信用乡镇', p0.townshipId, null, '重庆农村商业银行云阳支行', 100, 80, 0, 0);
  return { 贷款产品: products, 信用记录: 9, 会员互评: evaluations, 信用评级: ratings, 金融代办: seq, 信用村镇: campaigns };
}
