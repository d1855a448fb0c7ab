import { gradeRank, PRODUCT_KIND_LABELS, type Grade, type ProductKind } from '../../../shared/credit';

/** What matching needs to know about a product. */
export interface ProductTerms {
  name: string;
  kind: ProductKind;
  minFen: number;
  maxFen: number;
  applicantKinds: string[];
  minGrade: string;
  industries: string[];
  online: boolean;
}

/** What matching needs to know about a member: its kind, industries and the approved grade in force. */
export interface MatchSubject {
  kindLabel: string;
  industries: string[];
  grade: Grade | null;
}

export interface MatchResult {
  eligible: boolean;
  rank: number;
  reasons: { ok: boolean; text: string }[];
}

const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;

/**
 * Checks a product's published rules against a member, each with the reason in Chinese. An eligible
 * product earns rank for what makes it the better fit: a product made for the member's own industry
 * (一业一贷), a loan without collateral, headroom over the grade required, online application, and an
 * amount within its range.
 */
export function checkProduct(p: ProductTerms, s: MatchSubject, amountFen: number | null): MatchResult {
  const reasons: MatchResult['reasons'] = [];
  let rank = 0;
  if (p.applicantKinds.includes(s.kindLabel)) reasons.push({ ok: true, text: `${s.kindLabel}可以申请` });
  else reasons.push({ ok: false, text: `仅限${p.applicantKinds.join('、')}申请` });

  if (p.minGrade === '') reasons.push({ ok: true, text: '不要求信用等级' });
  else if (s.grade === null) reasons.push({ ok: false, text: `要求信用等级 ${p.minGrade} 及以上，尚无有效评级` });
  else if (gradeRank(s.grade) >= gradeRank(p.minGrade as Grade)) {
    reasons.push({ ok: true, text: `信用等级 ${s.grade} 达到要求（${p.minGrade} 及以上）` });
    rank += 5 * (gradeRank(s.grade) - gradeRank(p.minGrade as Grade));
  } else reasons.push({ ok: false, text: `要求信用等级 ${p.minGrade} 及以上，当前为 ${s.grade}` });

  if (p.industries.length === 0) reasons.push({ ok: true, text: '不限产业' });
  else {
    const hit = p.industries.filter((i) => s.industries.includes(i));
    if (hit.length) {
      reasons.push({ ok: true, text: `专为${hit.join('、')}产业设计（一业一贷）` });
      rank += 40;
    } else reasons.push({ ok: false, text: `仅限${p.industries.join('、')}产业${s.industries.length ? `，本会员为${s.industries.join('、')}` : '，本会员未登记产业'}` });
  }

  if (amountFen !== null) {
    if (amountFen < p.minFen) reasons.push({ ok: false, text: `拟贷 ${wan(amountFen)}低于最低额度 ${wan(p.minFen)}` });
    else if (amountFen > p.maxFen) reasons.push({ ok: false, text: `拟贷 ${wan(amountFen)}超过最高额度 ${wan(p.maxFen)}` });
    else {
      reasons.push({ ok: true, text: `拟贷 ${wan(amountFen)}在额度 ${wan(p.minFen)}–${wan(p.maxFen)} 内` });
      rank += 10;
    }
  }

  rank += p.kind === 'credit' ? 20 : p.kind === 'revolving' ? 15 : 5;
  reasons.push({ ok: true, text: `${PRODUCT_KIND_LABELS[p.kind]}${p.kind === 'secured' ? '，需抵押或担保' : '，无需抵押'}` });
  if (p.online) {
    rank += 5;
    reasons.push({ ok: true, text: '可线上申请' });
  }
  const eligible = reasons.every((r) => r.ok);
  return { eligible, rank: eligible ? rank : -reasons.filter((r) => !r.ok).length, reasons };
}

/** Eligible products first, best fit first; then the near misses, fewest unmet rules first. */
export function rankProducts<T extends ProductTerms>(products: T[], s: MatchSubject, amountFen: number | null): (MatchResult & { product: T })[] {
  return products
    .map((product) => ({ product, ...checkProduct(product, s, amountFen) }))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.rank - a.rank || b.product.maxFen - a.product.maxFen || a.product.name.localeCompare(b.product.name, 'zh-CN'));
}
