import { describe, it, expect } from 'vitest';
import { setupCore } from '../helpers/core';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

describe('credit demo data', () => {
  it('loads products, ratings, applications in every state and a credit village, once', async () => {
    const env = await setupCore({ demo: true });
    try {
      const products = await env.admin.call<Out<Contract['credit.products.list']>>('credit.products.list', {});
      console.log(products.map((p) => p.name));
      const apps = await env.admin.call<Out<Contract['credit.applications.list']>>('credit.applications.list', { limit: 100 });
      console.log(apps.counts, apps.rows.map((a) => [a.no, a.name, a.status, a.disbursedFen]));
      const ratings = await env.admin.call<Out<Contract['credit.ratings.list']>>('credit.ratings.list', {});
      console.log(ratings.grades, ratings.rows.map((r) => [r.name, r.grade, r.scoreX100, r.status]));
      const inds = await env.admin.call<Out<Contract['indicators.list']>>('indicators.list', {});
      console.log(inds.rows.find((r) => r.no === 8));
      const first = ratings.rows[0]!;
      const profile = await env.admin.call<Out<Contract['credit.profile.get']>>('credit.profile.get', { kind: first.kind, id: first.subjectId });
      console.log(JSON.stringify(profile.facts, null, 1), JSON.stringify(profile.ratings[0]?.lines.slice(0, 4), null, 1));
      const fig = await env.admin.call<Out<Contract['credit.figures']>>('credit.figures', { year: Number(new Date().toISOString().slice(0, 4)) });
      console.log(JSON.stringify(fig.totals), fig.byBank, fig.campaigns, fig.indicator);
      const again = await env.admin.call<{ summary: Record<string, number> }>('demo.load', {});
      expect(Object.values(again.summary).every((n) => n === 0)).toBe(true);
    } finally {
      env.close();
    }
  });
});
