import type { Store } from '../db/store';
import { catalogNames } from './catalog';
import { priceOn, ruleOn } from './prices';
import { feeFen, isProduction, muTimes100, subsidyFen } from './rules';
import { one } from './util';

export interface QuoteInput {
  kind: string;
  cropId: number | null;
  linkIds: number[];
  areaMu100: number;
  /** The day prices and the subsidy rule are taken for. */
  on: string;
  contractId: number | null;
  /** Prices already frozen on a dispatched request, by link. */
  frozen?: Map<number, number | null>;
}

export interface QuoteLine {
  linkId: number;
  link: string;
  priceFen: number | null;
  priceSource: string;
  areaMu100: number;
  muTimes100: number;
  feeFen: number;
  subsidyFen: number;
  dueFen: number;
}

export interface Quote {
  lines: QuoteLine[];
  muTimes100: number;
  feeFen: number;
  subsidyFen: number;
  dueFen: number;
  subsidyRule: string;
  problems: string[];
}

export function contractPrice(store: Store, contractId: number, linkId: number, cropId: number): number | null {
  const row = one<{ price_fen: number }>(store.sqlite, 'SELECT price_fen FROM contract_prices WHERE contract_id = ? AND link_id = ? AND crop_id = ?', contractId, linkId, cropId);
  return row ? row.price_fen : null;
}

/** The price a link of a request is served at: the contract's agreed price first, else the price list. */
export function unitPrice(store: Store, linkId: number, cropId: number, on: string, contractId: number | null): { priceFen: number | null; source: string } {
  if (contractId !== null) {
    const agreed = contractPrice(store, contractId, linkId, cropId);
    if (agreed !== null) return { priceFen: agreed, source: '合同约定' };
  }
  const listed = priceOn(store, linkId, cropId, on);
  return { priceFen: listed, source: listed === null ? '' : '价目表' };
}

/**
 * What the order will cost if every link is done once on the whole area: price, fee, subsidy (the same
 * share-and-cap rule that service records use) and what the farmer pays.
 */
export function quote(store: Store, input: QuoteInput): Quote {
  const empty: Quote = { lines: [], muTimes100: 0, feeFen: 0, subsidyFen: 0, dueFen: 0, subsidyRule: '', problems: [] };
  if (!isProduction(input.kind) || input.cropId === null || input.linkIds.length === 0 || input.areaMu100 <= 0) return empty;
  const names = catalogNames(store);
  const crop = names.crop.get(input.cropId) ?? '';
  const rule = ruleOn(store, input.cropId, input.on);
  const problems: string[] = [];
  let used = 0;
  const lines = input.linkIds.map((linkId): QuoteLine => {
    const link = names.link.get(linkId) ?? `#${linkId}`;
    const frozen = input.frozen?.get(linkId);
    const { priceFen, source } = frozen !== undefined && frozen !== null ? { priceFen: frozen, source: '派单时锁定' } : unitPrice(store, linkId, input.cropId!, input.on, input.contractId);
    if (priceFen === null) problems.push(`价目表中没有“${crop}·${link}”在 ${input.on} 有效的价格`);
    const fee = priceFen === null ? 0 : feeFen(priceFen, input.areaMu100);
    const subsidy = subsidyFen(fee, rule, input.areaMu100, used);
    used += subsidy;
    return { linkId, link, priceFen, priceSource: source, areaMu100: input.areaMu100, muTimes100: muTimes100(input.areaMu100), feeFen: fee, subsidyFen: subsidy, dueFen: fee - subsidy };
  });
  const sum = (k: 'muTimes100' | 'feeFen' | 'subsidyFen' | 'dueFen') => lines.reduce((a, l) => a + l[k], 0);
  return {
    lines,
    muTimes100: sum('muTimes100'),
    feeFen: sum('feeFen'),
    subsidyFen: sum('subsidyFen'),
    dueFen: sum('dueFen'),
    subsidyRule: rule ? `${rule.name}：服务价格的 ${rule.shareBp / 100}%，每季每亩不超过 ${rule.capFenPerMu / 100} 元` : '当日没有生效的补助规则',
    problems,
  };
}
