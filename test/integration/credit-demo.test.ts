import { describe, it, expect } from 'vitest';
import { setupCore } from '../helpers/core';
import { APP_STATUSES } from '../../shared/credit';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

describe('credit demo data', () => {
  it('loads products, ratings, applications in every state with this year’s disbursements and credit villages, once', async () => {
    const env = await setupCore({ demo: true });
    try {
      const products = await env.admin.call<Out<Contract['credit.products.list']>>('credit.products.list', {});
      expect(products.map((p) => [p.name, p.example])).toHaveLength(6);
      expect(products.every((p) => p.example && p.notes.includes('方案列举'))).toBe(true);
      const apps = await env.admin.call<Out<Contract['credit.applications.list']>>('credit.applications.list', { limit: 100 });
      expect(Object.keys(apps.counts).sort()).toEqual([...APP_STATUSES].sort());
      expect(apps.rows.some((a) => a.overdue)).toBe(true);
      const ratings = await env.admin.call<Out<Contract['credit.ratings.list']>>('credit.ratings.list', {});
      expect(ratings.total).toBe(9);
      expect(ratings.proposed).toBe(1);
      const eight = (await env.admin.call<Out<Contract['indicators.list']>>('indicators.list', {})).rows.find((r) => r.no === 8)!;
      // 270 + 300 + 450 + 90 万元 paid out this year on the demo applications.
      expect(eight).toMatchObject({ basis: 'computed', value: 0.11 });
      expect(eight.how).toContain('合计 11,100,000.00 元');
      const villages = await env.admin.call<Out<Contract['credit.campaigns.list']>>('credit.campaigns.list', {});
      expect(villages.totals).toMatchObject({ villages: 2, townships: 1, wholeVillage: 1 });
      const again = await env.admin.call<{ summary: Record<string, number> }>('demo.load', {});
      expect(Object.values(again.summary).every((n) => n === 0)).toBe(true);
      expect((await env.admin.call<Out<Contract['credit.applications.list']>>('credit.applications.list', { limit: 100 })).total).toBe(apps.total);
    } finally {
      env.close();
    }
  });
});
