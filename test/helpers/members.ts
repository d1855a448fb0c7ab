import type { CliClient } from '../../electron/cli/io';
import { idCheckChar } from '../../shared/validate/idNumber';
import { creditCheckChar } from '../../shared/validate/creditCode';

export interface Geo {
  jiangkou: number;
  nanxi: number;
  lishu: number;
  xinqiao: number;
  zhonggu: number;
}

/** Two townships with villages, through the same methods the settings page uses. */
export async function seedGeo(c: CliClient): Promise<Geo> {
  const jk = await c.call<{ id: number }>('geo.saveTownship', { name: '江口镇', kind: '镇', sort: 1 });
  const nx = await c.call<{ id: number }>('geo.saveTownship', { name: '南溪镇', kind: '镇', sort: 2 });
  let t = await c.call<{ villages: { id: number; name: string }[] }>('geo.saveVillage', { townshipId: jk.id, name: '梨树村' });
  t = await c.call('geo.saveVillage', { townshipId: jk.id, name: '新桥村' });
  const n = await c.call<{ villages: { id: number; name: string }[] }>('geo.saveVillage', { townshipId: nx.id, name: '钟鼓村' });
  const v = (name: string) => t.villages.find((x) => x.name === name)!.id;
  return { jiangkou: jk.id, nanxi: nx.id, lishu: v('梨树村'), xinqiao: v('新桥村'), zhonggu: n.villages[0]!.id };
}

/** A valid ID number for a birth date and sequence (Yunyang's region code). */
export function validId(birth: string, seq: number, region = '500235'): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body)!;
}

export function validCode(prefix: string, body: string): string {
  const b = `${prefix}500235${body}`.slice(0, 17);
  return b + creditCheckChar(b)!;
}

export const household = (townshipId: number, extra: Record<string, unknown> = {}) => ({ name: '张三', idNumber: '', phone: '', townshipId, villageId: null, householdSize: 3, landAreaMu100: 520, crops: ['柑橘'], notes: '', ...extra });

export const org = (extra: Record<string, unknown> = {}) => ({ kind: '农民专业合作社', name: '云阳县江口镇兴农柑橘专业合作社', creditCode: '', townshipId: null, industries: ['柑橘'], ...extra });
