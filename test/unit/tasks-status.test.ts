import { describe, it, expect } from 'vitest';
import { milestoneState, startOverdue, taskStatus, type StatusFacts } from '../../electron/core/tasks/status';
import { lineTarget, share, toX100 } from '../../electron/core/tasks/values';
import { addMonths, daysBetween, monthEnd, monthsBetween, periodEnd } from '../../electron/core/tasks/dates';
import { unitKind } from '../../electron/core/tasks/plan';

const TODAY = '2026-06-15';
const base: StatusFacts = { held: false, progress: 0, startOn: '2026-01-01', dueOn: '2027-12-31', reportCount: 0, milestones: [] };
const status = (f: Partial<StatusFacts>) => taskStatus({ ...base, ...f }, TODAY);

describe('task status rules', () => {
  it('is 未启动 while nothing has been reported, even past the start date, and flags that', () => {
    expect(status({})).toBe('未启动');
    expect(startOverdue(base, TODAY)).toBe(true);
    expect(startOverdue({ ...base, startOn: '2026-07-01' }, TODAY)).toBe(false);
  });

  it('is 推进中 once a report, some progress or a done milestone exists', () => {
    expect(status({ reportCount: 1 })).toBe('推进中');
    expect(status({ progress: 10 })).toBe('推进中');
    expect(status({ milestones: [{ dueOn: '2026-05-01', doneOn: '2026-04-30' }] })).toBe('推进中');
    expect(startOverdue({ ...base, reportCount: 1 }, TODAY)).toBe(false);
  });

  it('is 滞后 after the due date, but not on the due date itself', () => {
    expect(status({ dueOn: '2026-06-14', progress: 50 })).toBe('滞后');
    expect(status({ dueOn: '2026-06-15', progress: 50 })).toBe('推进中');
  });

  it('is 滞后 when a milestone is past its date and not done; a milestone done late is no longer late', () => {
    expect(status({ progress: 30, milestones: [{ dueOn: '2026-06-01', doneOn: '' }] })).toBe('滞后');
    expect(status({ progress: 30, milestones: [{ dueOn: '2026-06-01', doneOn: '2026-06-10' }, { dueOn: '2026-07-01', doneOn: '' }] })).toBe('推进中');
  });

  it('is 已完成 at 100 % even if the dates have passed', () => {
    expect(status({ progress: 100, dueOn: '2026-01-01', milestones: [{ dueOn: '2026-02-01', doneOn: '' }] })).toBe('已完成');
  });

  it('is 暂缓 when held by hand, whatever the dates or progress say', () => {
    expect(status({ held: true, dueOn: '2026-01-01' })).toBe('暂缓');
    expect(status({ held: true, progress: 100 })).toBe('暂缓');
  });

  it('classifies milestones for the timeline', () => {
    expect(milestoneState({ dueOn: '2026-06-01', doneOn: '2026-06-02' }, TODAY, '2026-07-15')).toBe('done');
    expect(milestoneState({ dueOn: '2026-06-14', doneOn: '' }, TODAY, '2026-07-15')).toBe('late');
    expect(milestoneState({ dueOn: '2026-07-15', doneOn: '' }, TODAY, '2026-07-15')).toBe('soon');
    expect(milestoneState({ dueOn: '2026-07-16', doneOn: '' }, TODAY, '2026-07-15')).toBe('pending');
  });
});

describe('yearly targets', () => {
  it('draws a straight line between the 2024 and 2027 targets, rounded to the indicator', () => {
    // 发展农村综合服务社: 62 -> 260 家
    expect([2024, 2025, 2026, 2027].map((y) => lineTarget(toX100(62), toX100(260), y, 0))).toEqual([6200, 12800, 19400, 26000]);
    // 发展农合联会员单位: 200 -> 400 个, the thirds round to whole units
    expect([2025, 2026].map((y) => lineTarget(toX100(200), toX100(400), y, 0))).toEqual([26700, 33300]);
    // 万亩次 keeps two decimals: 42 -> 60
    expect(lineTarget(toX100(42), toX100(60), 2025, 2)).toBe(4800);
    expect(lineTarget(toX100(15), toX100(30.5), 2026, 2)).toBe(2533);
  });

  it('has no line without a 2024 target, but always the 2027 one', () => {
    expect(lineTarget(null, 13_000_00, 2025, 0)).toBeNull();
    expect(lineTarget(null, 13_000_00, 2027, 0)).toBe(13_000_00);
  });

  it('measures shares only against a positive target', () => {
    expect(share(700, 1400)).toBe(0.5);
    expect(share(700, null)).toBeNull();
    expect(share(null, 1400)).toBeNull();
  });
});

describe('dates and units', () => {
  it('knows month ends, quarters and month ranges', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(periodEnd('2026-Q3')).toBe('2026-09-30');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
  });

  it('sorts the plan units into the directory kinds', () => {
    expect(unitKind('县农业农村委')).toBe('县级部门');
    expect(unitKind('县金融工作服务中心')).toBe('县级部门');
    expect(unitKind('各乡镇(街道)')).toBe('乡镇街道');
    expect(unitKind('农商行云阳支行')).toBe('金融机构');
    expect(unitKind('云阳金融监管支局')).toBe('金融机构');
    expect(unitKind('中国邮政云阳分公司')).toBe('邮政');
  });
});

describe('chart scales', () => {
  it('rounds axes up to 1, 2, 2.5 or 5 and puts gridlines on one-digit steps', async () => {
    const { niceMax, ticks, shortNumber } = await import('../../renderer/src/components/charts/scale');
    expect([0, 0.3, 7, 19, 25, 260, 4200].map(niceMax)).toEqual([1, 0.5, 10, 20, 25, 500, 5000]);
    expect(ticks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(2.5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(shortNumber(12000)).toBe('1.2万');
  });
});
