import type { Store } from '../db/store';

export interface GeoLookup {
  townshipName(id: number | null): string;
  villageName(id: number | null): string;
  /** The township a village belongs to. */
  villageTownship(id: number): number | undefined;
  townshipByName(name: string): number | undefined;
  villageByName(townshipId: number, name: string): number | undefined;
  hasTownship(id: number): boolean;
  townships: { id: number; name: string }[];
}

/** Townships and villages from the settings list, read once per request (a county has a few hundred). */
export function geoLookup(store: Store): GeoLookup {
  const ts = store.sqlite.prepare('SELECT id, name FROM townships ORDER BY sort, id').all() as { id: number; name: string }[];
  const vs = store.sqlite.prepare('SELECT id, township_id AS townshipId, name FROM villages').all() as { id: number; townshipId: number; name: string }[];
  const tById = new Map(ts.map((t) => [t.id, t.name]));
  const tByName = new Map(ts.map((t) => [t.name, t.id]));
  const vById = new Map(vs.map((v) => [v.id, v]));
  const vByName = new Map(vs.map((v) => [`${v.townshipId}/${v.name}`, v.id]));
  return {
    townshipName: (id) => (id === null ? '' : (tById.get(id) ?? '')),
    villageName: (id) => (id === null ? '' : (vById.get(id)?.name ?? '')),
    villageTownship: (id) => vById.get(id)?.townshipId,
    townshipByName: (name) => tByName.get(name.trim()),
    villageByName: (tid, name) => vByName.get(`${tid}/${name.trim()}`),
    hasTownship: (id) => tById.has(id),
    townships: ts,
  };
}
