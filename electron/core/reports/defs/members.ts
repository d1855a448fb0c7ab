import type { ReportDef } from '../registry';
import type { SheetSpec } from '../../io/sheet';
import { registrySummary } from '../../members/summary';

const TITLE = '农合联会员及经营主体统计表';
const UNION_KINDS: Record<string, string> = { regional: '区域农合联', industry: '产业农合联' };
const LEVELS: Record<string, string> = { county: '县级', township: '乡镇级' };

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

/**
 * The registry's summary (members by kind, township, industry and union). The registry keeps no history of
 * statuses, so the figures are those on the day the report is made, whatever the period named.
 */
export const membersSummary: ReportDef = {
  key: 'members',
  title: TITLE,
  capability: '会员档案',
  roles: ['admin', 'manager'],
  periods: ['month', 'quarter', 'year'],
  build(store, ctx) {
    const s = registrySummary(store);
    const at = `统计时点：${ctx.today}（会员档案当前登记情况）`;
    const t = s.totals;
    const sheet = (name: string, spec: Omit<SheetSpec, 'name' | 'title'>): SheetSpec => ({ name, title: `${TITLE}（${name}）`, ...spec, meta: [at, ...(spec.meta ?? [])] });
    return {
      basis: `会员档案 ${ctx.today} 的登记情况`,
      sheets: [
        sheet('总体情况', {
          columns: [
            { header: '项目', key: 'item', width: 30 },
            { header: '数量', key: 'n', kind: 'int', width: 12 },
          ],
          rows: [
            { item: '在册农户', n: t.activeHouseholds },
            { item: '在册经营主体', n: t.activeOrgs },
            { item: '合作社在社成员', n: t.coopMembers },
            { item: '农合联（区域和产业）', n: s.indicators.unions },
            { item: '农合联会员单位', n: s.indicators.memberUnits },
            { item: '为农服务中心', n: s.indicators.serviceCentres },
            { item: '农村综合服务社', n: s.indicators.comprehensiveCoops },
            { item: '农村流通网点', n: s.indicators.distributionOutlets },
            { item: '村级一站式服务站', n: s.indicators.villageStations },
            ...s.demoLevels.map((d) => ({ item: `${d.level}示范社`, n: d.count })),
          ],
        }),
        sheet('按主体类型', {
          columns: [
            { header: '主体类型', key: 'kind', width: 24 },
            { header: '数量', key: 'count', kind: 'int', width: 12 },
          ],
          rows: [...s.byKind, { kind: '合计', count: sum(s.byKind, (r) => r.count) }],
          strongRows: [s.byKind.length],
        }),
        sheet('按乡镇', {
          columns: [
            { header: '乡镇（街道）', key: 'township', width: 16 },
            { header: '农户', key: 'households', kind: 'int', width: 12 },
            { header: '经营主体', key: 'orgs', kind: 'int', width: 12 },
            { header: '其中：合作社', key: 'coops', kind: 'int', width: 14 },
          ],
          headerRows: [
            [{ text: '乡镇（街道）', rowSpan: 2 }, { text: '农户', rowSpan: 2 }, { text: '经营主体', colSpan: 2 }],
            [{ text: '合计' }, { text: '其中：合作社' }],
          ],
          rows: [
            ...s.byTownship,
            { township: '合计', households: sum(s.byTownship, (r) => r.households), orgs: sum(s.byTownship, (r) => r.orgs), coops: sum(s.byTownship, (r) => r.coops) },
          ],
          strongRows: [s.byTownship.length],
        }),
        sheet('按产业', {
          columns: [
            { header: '产业', key: 'industry', width: 16 },
            { header: '经营主体', key: 'orgs', kind: 'int', width: 12 },
            { header: '其中：合作社', key: 'coops', kind: 'int', width: 14 },
          ],
          rows: s.byIndustry,
          footer: ['注：一个经营主体可从事多个产业，各产业数之和可大于主体总数。'],
        }),
        sheet('按农合联', {
          columns: [
            { header: '农合联', key: 'name', width: 30 },
            { header: '类型', key: 'kind', width: 12 },
            { header: '层级', key: 'level', width: 10 },
            { header: '会员单位', key: 'memberUnits', kind: 'int', width: 12 },
          ],
          rows: s.byUnion.map((u) => ({ ...u, kind: UNION_KINDS[u.kind] ?? u.kind, level: LEVELS[u.level] ?? u.level })),
          footer: ['注：一个单位可同时加入多个农合联。'],
        }),
      ],
    };
  },
};
