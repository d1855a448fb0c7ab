import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, allowedFrom, feeFen, muTimes100, overdueReasons, payState, subsidyFen } from '../../electron/core/requests/rules';
import { rankSuggestions, windowOf } from '../../electron/core/requests/dispatch';
import { splitPeriod } from '../../electron/core/requests/recordSums';

describe('the 亩次 rule', () => {
  it('counts one link done once on one mu as 1 亩次, so four links on a mu are 4', () => {
    expect(muTimes100(100)).toBe(100);
    expect(muTimes100(100, 4)).toBe(400);
    expect(muTimes100(1250, 2)).toBe(2500);
  });

  it('adds up: splitting the area over visits gives the same 亩次', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }), (parts) => muTimes100(parts.reduce((a, b) => a + b, 0)) === parts.reduce((a, p) => a + muTimes100(p), 0)));
  });
});

describe('fees and subsidies', () => {
  it('rounds the fee half up to the fen', () => {
    expect(feeFen(8000, 1000)).toBe(80000);
    expect(feeFen(3333, 150)).toBe(5000); // 49.995 元 → 50.00
    expect(feeFen(3333, 149)).toBe(4966); // 49.6617 → 49.66
  });

  const rule = { shareBp: 3000, capFenPerMu: 10000 };

  it('grants 30% of the fee while under the cap', () => {
    expect(subsidyFen(80000, rule, 1000, 0)).toBe(24000);
  });

  it('stops at 100 元 per mu per season, counting what earlier records already got', () => {
    expect(subsidyFen(500000, rule, 1000, 0)).toBe(100000);
    expect(subsidyFen(300000, rule, 1000, 24000)).toBe(76000);
    expect(subsidyFen(300000, rule, 1000, 100000)).toBe(0);
  });

  it('never exceeds the share or the cap, and the sum of a season never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 8 }), fc.integer({ min: 1, max: 1_000_000 }), (fees, area) => {
        let used = 0;
        for (const fee of fees) {
          const s = subsidyFen(fee, rule, area, used);
          if (s < 0 || s > (fee * 3) / 10) return false;
          used += s;
        }
        return used <= (10000 * area) / 100;
      }),
    );
  });

  it('gives nothing without a rule', () => {
    expect(subsidyFen(80000, null, 1000, 0)).toBe(0);
  });

  it('tells unpaid, partly paid and paid apart', () => {
    expect(payState(1000, 0)).toBe('unpaid');
    expect(payState(1000, 400)).toBe('partial');
    expect(payState(1000, 1000)).toBe('paid');
    expect(payState(0, 0)).toBe('paid');
  });
});

describe('lifecycle rules', () => {
  it('lets production work be recorded only once dispatched and completed only in service', () => {
    expect(allowedFrom('record', true)).toEqual(['dispatched', 'in_service']);
    expect(allowedFrom('complete', true)).toEqual(['in_service']);
    expect(allowedFrom('complete', false)).toContain('received');
    expect(allowedFrom('cancel', true)).not.toContain('done');
    expect(allowedFrom('followUp', true)).toEqual(['done']);
  });

  it('flags overdue past the last wished day, and dispatched but not started after N days', () => {
    const t = '2026-05-10';
    expect(overdueReasons({ status: 'received', wishedTo: '2026-05-09', dispatchedOn: '' }, t, 3)).toEqual(['已过期望日期（2026-05-09）']);
    expect(overdueReasons({ status: 'received', wishedTo: '2026-05-10', dispatchedOn: '' }, t, 3)).toEqual([]);
    expect(overdueReasons({ status: 'done', wishedTo: '2026-05-01', dispatchedOn: '' }, t, 3)).toEqual([]);
    expect(overdueReasons({ status: 'dispatched', wishedTo: '', dispatchedOn: '2026-05-07' }, t, 3)).toEqual([]);
    expect(overdueReasons({ status: 'dispatched', wishedTo: '', dispatchedOn: '2026-05-06' }, t, 3)).toEqual(['派单超过 3 天未开始服务']);
    expect(overdueReasons({ status: 'in_service', wishedTo: '', dispatchedOn: '2026-05-01' }, t, 3)).toEqual([]);
  });

  it('does calendar arithmetic across month ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('dispatch ranking', () => {
  it('plans work no earlier than today and over a week when no dates were wished', () => {
    expect(windowOf('', '', '2026-05-10')).toEqual({ from: '2026-05-10', to: '2026-05-16', days: 7 });
    expect(windowOf('2026-05-01', '2026-05-03', '2026-05-10')).toEqual({ from: '2026-05-10', to: '2026-05-10', days: 1 });
    expect(windowOf('2026-05-12', '2026-05-14', '2026-05-10').days).toBe(3);
  });

  it('orders eligible before ineligible, covering before not, capacity before none, then by spare capacity', () => {
    const s = (name: string, eligible: boolean, coversTownship: boolean, hasCapacity: boolean, free: number) => ({ providerId: 0, name, kind: '', eligible, coversTownship, hasCapacity, freeMuTimes100: free, needMuTimes100: 0, reason: '', warnings: [] });
    const ranked = rankSuggestions([s('甲', false, true, true, 9000), s('乙', true, false, true, 9000), s('丙', true, true, false, 9000), s('丁', true, true, true, 100), s('戊', true, true, true, 500)]);
    expect(ranked.map((r) => `${r.rank}${r.name}`)).toEqual(['1戊', '2丁', '3丙', '4乙', '5甲']);
  });
});

describe('statistics periods', () => {
  it('reads whole months from the rollups and the odd days at either end from the records', () => {
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(splitPeriod('2026-01-15', '2026-03-10')).toEqual({ months: ['2026-02', '2026-02'], days: [['2026-01-15', '2026-01-31'], ['2026-03-01', '2026-03-10']] });
    expect(splitPeriod('2026-02-03', '2026-02-20')).toEqual({ months: null, days: [['2026-02-03', '2026-02-20']] });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(splitPeriod('2025-12-31', '2026-01-01')).toEqual({ months: null, days: [['2025-12-31', '2026-01-01']] });
  });
});
