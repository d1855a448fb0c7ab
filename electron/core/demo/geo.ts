import type { Store } from '../db/store';
import { townships, villages } from '../settings/schema';

/** A few real townships of Yunyang; village names are typical, not an official list. */
export const DEMO_GEO: { name: string; kind: '镇' | '乡' | '街道'; villages: string[] }[] = [
  { name: '青龙街道', kind: '街道', villages: ['青龙社区', '大桥村', '万胜村', '新津村'] },
  { name: '双江街道', kind: '街道', villages: ['双江社区', '建全村', '凤凰村'] },
  { name: '人和街道', kind: '街道', villages: ['人和社区', '龙洞村', '书院村', '黄岭村'] },
  { name: '江口镇', kind: '镇', villages: ['江口社区', '梨树村', '新桥村', '大田村', '石门村'] },
  { name: '南溪镇', kind: '镇', villages: ['南溪社区', '钟鼓村', '青树村', '柳林村'] },
  { name: '红狮镇', kind: '镇', villages: ['红狮社区', '沙溪村', '火炬村', '新店村'] },
  { name: '龙角镇', kind: '镇', villages: ['龙角社区', '银杏村', '平安村', '新春村'] },
  { name: '高阳镇', kind: '镇', villages: ['高阳社区', '白龙村', '建设村'] },
  { name: '清水土家族乡', kind: '乡', villages: ['清水社区', '歧山村', '仁和村'] },
  { name: '外郎乡', kind: '乡', villages: ['外郎社区', '白坪村', '桂林村'] },
];

export function loadGeoDemo(store: Store): Record<string, number> {
  let t = 0;
  let v = 0;
  const existing = new Map(store.db.select().from(townships).all().map((r) => [r.name, r.id]));
  DEMO_GEO.forEach((g, i) => {
    let tid = existing.get(g.name);
    if (tid === undefined) {
      tid = store.db.insert(townships).values({ name: g.name, kind: g.kind, sort: i + 1 }).returning().get().id;
      t++;
    }
    const have = new Set(store.db.select().from(villages).all().filter((r) => r.townshipId === tid).map((r) => r.name));
    for (const name of g.villages) {
      if (have.has(name)) continue;
      store.db.insert(villages).values({ townshipId: tid, name, kind: name.endsWith('社区') ? '社区' : '村' }).run();
      v++;
    }
  });
  return { 乡镇: t, 村社区: v };
}
