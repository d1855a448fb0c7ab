import { idsOf, inIds, registerFactSource, yearsBetween } from './fact-sources';

/** Facts from the member registry (会员档案): how long the subject has been a member, and its demonstration level. */

interface Joined {
  id: number;
  joinedOn: string;
  via: string;
}

registerFactSource({
  key: 'memberYears',
  label: '入会年限',
  unit: '年',
  from: '会员档案',
  help: '组织：最早加入农合联（或作为成员加入合作社）之日至评级日的年数；农户：最早加入合作社之日起算。已退出的不计。',
  appliesTo: () => true,
  load(store, scope) {
    const orgIds = inIds('um.org_id', idsOf(scope, 'org'));
    const viaUnion = store.sqlite
      .prepare(`SELECT um.org_id AS id, min(um.joined_on) AS joinedOn, u.name AS via FROM union_members um JOIN unions u ON u.id = um.union_id
        WHERE um.status = 'active' AND um.joined_on <= @asOf AND (um.left_on = '' OR um.left_on > @asOf)${orgIds.sql} GROUP BY um.org_id`)
      .all({ asOf: scope.asOf }, ...orgIds.args) as Joined[];
    const memberOrgIds = inIds('cm.member_org_id', idsOf(scope, 'org'));
    const viaCoopOrg = store.sqlite
      .prepare(`SELECT cm.member_org_id AS id, min(cm.joined_on) AS joinedOn, o.name AS via FROM coop_members cm JOIN orgs o ON o.id = cm.coop_id
        WHERE cm.member_org_id IS NOT NULL AND cm.joined_on <= @asOf AND (cm.left_on = '' OR cm.left_on > @asOf)${memberOrgIds.sql} GROUP BY cm.member_org_id`)
      .all({ asOf: scope.asOf }, ...memberOrgIds.args) as Joined[];
    const hhIds = inIds('cm.household_id', idsOf(scope, 'household'));
    const viaCoopHousehold = store.sqlite
      .prepare(`SELECT cm.household_id AS id, min(cm.joined_on) AS joinedOn, o.name AS via FROM coop_members cm JOIN orgs o ON o.id = cm.coop_id
        WHERE cm.household_id IS NOT NULL AND cm.joined_on <= @asOf AND (cm.left_on = '' OR cm.left_on > @asOf)${hhIds.sql} GROUP BY cm.household_id`)
      .all({ asOf: scope.asOf }, ...hhIds.args) as Joined[];
    const orgs = new Map<number, Joined>();
    for (const j of [...viaUnion, ...viaCoopOrg]) {
      const cur = orgs.get(j.id);
      if (!cur || j.joinedOn < cur.joinedOn) orgs.set(j.id, j);
    }
    const households = new Map(viaCoopHousehold.map((j) => [j.id, j]));
    return (s) => {
      const j = (s.kind === 'org' ? orgs : households).get(s.id);
      if (!j) return { value: null, detail: s.kind === 'org' ? '未加入农合联，也不是合作社成员' : '不是合作社成员' };
      const years = yearsBetween(j.joinedOn, scope.asOf);
      return { value: years, detail: `${j.joinedOn} 加入${j.via}，至 ${scope.asOf} 满 ${years} 年` };
    };
  },
});

const DEMO_POINTS: Record<string, number> = { 国家级: 3, 市级: 2, 县级: 1 };

registerFactSource({
  key: 'demoLevel',
  label: '示范等级',
  unit: '级',
  from: '会员档案',
  help: '国家级示范社（场）记 3，市级 2，县级 1，没有记 0；评级日所在年度以后认定的不计。',
  appliesTo: (s) => s.kind === 'org',
  load(store, scope) {
    const ids = inIds('id', idsOf(scope, 'org'));
    const rows = store.sqlite
      .prepare(`SELECT id, demo_level AS level, demo_year AS year FROM orgs WHERE demo_level <> ''${ids.sql}`)
      .all(...ids.args) as { id: number; level: string; year: number | null }[];
    const year = Number(scope.asOf.slice(0, 4));
    const levels = new Map(rows.filter((r) => r.year === null || r.year <= year).map((r) => [r.id, r]));
    return (s) => {
      const r = levels.get(s.id);
      if (!r) return { value: 0, detail: '没有示范等级' };
      return { value: DEMO_POINTS[r.level] ?? 0, detail: `${r.level}示范${r.year ? `（${r.year} 年认定）` : ''}` };
    };
  },
});
