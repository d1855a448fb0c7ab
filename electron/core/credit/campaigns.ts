import { eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { CampaignKind } from '../../../shared/credit';
import { creditCampaigns } from './schema';

/** 信用村, 信用乡镇 and 整村授信: which places were assessed and credited, when, by which bank, for what total line. */

export interface CampaignInput {
  kind: CampaignKind;
  townshipId: number;
  villageId: number | null;
  bank: string;
  assessedOn: string;
  awardedOn: string;
  households: number;
  lineFen: number;
  notes: string;
}

interface CampaignRow extends CampaignInput {
  id: number;
  township: string;
  village: string;
  version: number;
}

const SQL = `SELECT c.id, c.kind, c.township_id AS townshipId, t.name AS township, c.village_id AS villageId, COALESCE(v.name, '') AS village, c.bank,
  c.assessed_on AS assessedOn, c.awarded_on AS awardedOn, c.households, c.line_fen AS lineFen, c.notes, c.version
  FROM credit_campaigns c JOIN townships t ON t.id = c.township_id LEFT JOIN villages v ON v.id = c.village_id`;

/** Places counted as credited by a day: distinct villages (信用村), townships (信用乡镇), and 整村授信 campaigns. */
export function campaignTotals(rows: CampaignRow[], upTo = '9999-12-31') {
  const done = rows.filter((r) => (r.awardedOn || r.assessedOn) <= upTo);
  return {
    villages: new Set(done.filter((r) => r.kind === '信用村').map((r) => r.villageId)).size,
    townships: new Set(done.filter((r) => r.kind === '信用乡镇').map((r) => r.townshipId)).size,
    wholeVillage: done.filter((r) => r.kind === '整村授信').length,
    households: done.reduce((s, r) => s + r.households, 0),
    lineFen: done.reduce((s, r) => s + r.lineFen, 0),
  };
}

export function allCampaigns(store: Store): CampaignRow[] {
  return store.sqlite.prepare(`${SQL} ORDER BY c.assessed_on DESC, c.id DESC`).all() as CampaignRow[];
}

export function listCampaigns(store: Store, input: { kind: CampaignKind | '' }) {
  const all = allCampaigns(store);
  return { rows: input.kind ? all.filter((r) => r.kind === input.kind) : all, totals: campaignTotals(all) };
}

function check(store: Store, input: CampaignInput): void {
  if (!store.sqlite.prepare('SELECT 1 FROM townships WHERE id = ?').get(input.townshipId)) throw fieldError('townshipId', '乡镇（街道）不存在');
  if (input.kind === '信用乡镇') {
    if (input.villageId !== null) throw fieldError('villageId', '信用乡镇不选村（社区）');
  } else {
    if (input.villageId === null) throw fieldError('villageId', `${input.kind}须选择村（社区）`);
    const t = store.sqlite.prepare('SELECT township_id FROM villages WHERE id = ?').pluck().get(input.villageId) as number | undefined;
    if (t !== input.townshipId) throw fieldError('villageId', '所选村（社区）不属于该乡镇（街道）');
  }
  if (input.awardedOn && input.awardedOn < input.assessedOn) throw fieldError('awardedOn', '授信（挂牌）日期不能早于评定日期');
  if (input.kind === '整村授信' && input.awardedOn && input.lineFen <= 0) throw fieldError('lineFen', '整村授信须填写授信总额');
}

export function saveCampaign(store: Store, actor: Actor, input: CampaignInput & { id?: number; version?: number }): CampaignRow {
  check(store, input);
  const id = store.write(actor, 'credit.campaigns.save', (audit) => {
    const now = store.now();
    const values = { kind: input.kind, townshipId: input.townshipId, villageId: input.villageId, bank: input.bank, assessedOn: input.assessedOn, awardedOn: input.awardedOn, households: input.households, lineFen: input.lineFen, notes: input.notes };
    const same = store.sqlite
      .prepare('SELECT id FROM credit_campaigns WHERE kind = ? AND township_id = ? AND village_id IS ? AND id IS NOT ?')
      .pluck()
      .get(input.kind, input.townshipId, input.villageId, input.id ?? null) as number | undefined;
    if (same !== undefined && input.kind !== '整村授信') throw fieldError(input.villageId ? 'villageId' : 'townshipId', `该地已登记为${input.kind}（#${same}），请修改原记录`, 'DUPLICATE');
    if (input.id === undefined) {
      const row = store.db.insert(creditCampaigns).values({ ...values, createdAt: now, updatedAt: now }).returning().get();
      audit.record({ entity: 'credit_campaign', ids: [row.id], summary: { after: values } });
      return row.id;
    }
    const before = store.db.select().from(creditCampaigns).where(eq(creditCampaigns.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', `信用村镇记录 #${input.id} 不存在`);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    store.db.update(creditCampaigns).set({ ...values, updatedAt: now, version: before.version + 1 }).where(eq(creditCampaigns.id, input.id)).run();
    audit.record({ entity: 'credit_campaign', ids: [input.id], summary: { before: { bank: before.bank, awardedOn: before.awardedOn, lineFen: before.lineFen }, after: values } });
    return input.id;
  });
  return store.sqlite.prepare(`${SQL} WHERE c.id = ?`).get(id) as CampaignRow;
}
