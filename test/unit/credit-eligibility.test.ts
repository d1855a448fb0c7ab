import { describe, it, expect } from 'vitest';
import { checkProduct, rankProducts, type MatchSubject, type ProductTerms } from '../../electron/core/credit/eligibility';

const product = (p: Partial<ProductTerms> & { name: string }): ProductTerms => ({
  kind: 'credit',
  minFen: 1_000_000,
  maxFen: 100_000_000,
  applicantKinds: ['农民专业合作社', '家庭农场'],
  minGrade: 'A',
  industries: [],
  online: false,
  ...p,
});
const coop: MatchSubject = { kindLabel: '农民专业合作社', industries: ['柑橘'], grade: 'AA' };

describe('product eligibility', () => {
  it('checks the applicant kind, the minimum grade, the industries and the amount, each with its reason', () => {
    const ok = checkProduct(product({ name: '甲' }), coop, 50_000_000);
    expect(ok.eligible).toBe(true);
    expect(ok.reasons.map((r) => r.text)).toEqual(['农民专业合作社可以申请', '信用等级 AA 达到要求（A 及以上）', '不限产业', '拟贷 50 万元在额度 1 万元–100 万元 内', '信用贷款，无需抵押']);
    const fails = (p: ProductTerms, s = coop, amount: number | null = null) => checkProduct(p, s, amount).reasons.filter((r) => !r.ok).map((r) => r.text);
    expect(fails(product({ name: '乙', applicantKinds: ['农户'] }))).toEqual(['仅限农户申请']);
    expect(fails(product({ name: '丙', minGrade: 'AAA' }))).toEqual(['要求信用等级 AAA 及以上，当前为 AA']);
    expect(fails(product({ name: '丁' }), { ...coop, grade: null })).toEqual(['要求信用等级 A 及以上，尚无有效评级']);
    expect(fails(product({ name: '戊', industries: ['生猪'] }))).toEqual(['仅限生猪产业，本会员为柑橘']);
    expect(fails(product({ name: '己' }), coop, 500_000)).toEqual(['拟贷 0.5 万元低于最低额度 1 万元']);
    expect(fails(product({ name: '庚', minGrade: '' }), { ...coop, grade: null })).toEqual([]);
  });

  it('ranks the industry’s own product first, then loans without collateral, then the near misses', () => {
    const ranked = rankProducts(
      [
        product({ name: '抵押贷', kind: 'secured', maxFen: 500_000_000 }),
        product({ name: '随借随还', kind: 'revolving', online: true }),
        product({ name: '红橙贷', industries: ['柑橘'] }),
        product({ name: '信用贷' }),
        product({ name: '生猪贷', industries: ['生猪'] }),
        product({ name: '农户贷', applicantKinds: ['农户'], minGrade: 'AAA' }),
      ],
      coop,
      null,
    );
    expect(ranked.map((r) => [r.product.name, r.eligible])).toEqual([
      ['红橙贷', true],
      ['随借随还', true],
      ['信用贷', true],
      ['抵押贷', true],
      ['生猪贷', false],
      ['农户贷', false],
    ]);
  });
});
