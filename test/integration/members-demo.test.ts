import { describe, it, expect } from 'vitest';
import { setupCore } from '../helpers/core';
import { isValidIdNumber } from '../../shared/validate/idNumber';
import { isValidCreditCode } from '../../shared/validate/creditCode';

describe('registry demo data', () => {
  it('loads valid, searchable records once and adds nothing the second time', async () => {
    const env = await setupCore({ demo: true });
    try {
      const q = env.core.store.sqlite;
      const ids = q.prepare('SELECT id_number FROM households').pluck().all() as string[];
      expect(ids.length).toBe(300);
      expect(ids.every(isValidIdNumber)).toBe(true);
      const codes = q.prepare("SELECT kind, credit_code AS code FROM orgs").all() as { kind: string; code: string }[];
      expect(codes.filter((c) => c.kind === '农民专业合作社')).toHaveLength(36);
      expect(codes.every((c) => isValidCreditCode(c.code))).toBe(true);
      expect(codes.filter((c) => c.kind === '农民专业合作社').every((c) => c.code.startsWith('93'))).toBe(true);
      const s = await env.admin.call<{ totals: { coopMembers: number }; indicators: Record<string, number>; byUnion: { name: string; kind: string }[] }>('members.summary', {});
      expect(s.byUnion.filter((u) => u.kind === 'industry').map((u) => u.name)).toEqual(['云阳县柑橘产业农合联', '云阳县中药材产业农合联', '云阳县生猪产业农合联']);
      expect(s.totals.coopMembers).toBeGreaterThan(200);
      for (const k of ['regionalUnions', 'memberUnits', 'serviceCentres', 'comprehensiveCoops', 'distributionOutlets', 'villageStations', 'demoCoops']) expect(s.indicators[k]).toBeGreaterThan(0);
      const anyName = q.prepare('SELECT name FROM households ORDER BY id LIMIT 1').pluck().get() as string;
      expect((await env.admin.call<{ name: string }[]>('members.search', { q: anyName })).map((h) => h.name)).toContain(anyName);
      const before = q.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM orgs) + (SELECT count(*) FROM coop_members) + (SELECT count(*) FROM union_members) + (SELECT count(*) FROM service_sites)').pluck().get();
      const again = await env.admin.call<{ summary: Record<string, number> }>('demo.load', {});
      expect(Object.values(again.summary).every((n) => n === 0)).toBe(true);
      expect(q.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM orgs) + (SELECT count(*) FROM coop_members) + (SELECT count(*) FROM union_members) + (SELECT count(*) FROM service_sites)').pluck().get()).toBe(before);
    } finally {
      env.close();
    }
  });
});
