import type { Store } from '../db/store';
import { map2007 } from './chart2021';
import type { Account, AccountIndex } from './accounts';
import { listCoopMembers } from './members';
import { parseYuan } from '../../../shared/money';

const norm = (s: string) => s.replace(/[\s　]/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');

/**
 * Whether the name in a file fits the account the code points at. Exports from other software write the
 * leaf name, the full path with some separator, or nothing; a clearly different name means the file's
 * chart differs from ours (the 2007 codes above all), and posting by code alone would book to the wrong
 * account.
 */
export function nameFits(fileName: string, account: Account): boolean {
  const f = norm(fileName);
  if (!f) return true;
  const leaf = norm(account.name);
  // "现金" for 库存现金 (the 2007 name), "应付款-应付利息" for 应付利息: one name inside the other.
  if (f.includes(leaf) || leaf.includes(f)) return true;
  const path = norm(account.fullName).split('/');
  const joined = f.split(/[/\-_—－\\:：>]+/).filter(Boolean);
  return joined.length > 0 && joined[joined.length - 1] === leaf && joined.every((p, i) => path[path.length - joined.length + i] === p);
}

export type AccountResolution = { account: Account; note: string } | { error: string };

export function resolveAccount(idx: AccountIndex, rawCode: string, rawName: string, use2007: boolean): AccountResolution {
  const code = rawCode.replace(/[\s.]/g, '');
  if (!code) return { error: '科目编码不能为空' };
  const mapped = use2007 ? map2007(code, rawName) : { code, note: '' };
  const account = idx.byCode.get(mapped.code);
  if (!account) return { error: `科目编码 ${mapped.code} 在本账套中不存在${mapped.note ? `（${mapped.note}）` : ''}` };
  if (!nameFits(rawName, account)) {
    const hint = !use2007 && ['141', '142', '211', '522'].includes(code.slice(0, 3)) ? '；若是 2007 年制度的账，请勾选“按 2007 年制度转换科目编码”' : '';
    return { error: `科目编码 ${account.code} 在本账套是“${account.name}”，文件中为“${rawName}”${hint}` };
  }
  return { account, note: mapped.note };
}

/** Amount cells: empty is zero; anything else must be an amount with at most two decimals. */
export function parseAmount(text: string, label: string): { fen: number } | { error: string } {
  if (text.trim() === '') return { fen: 0 };
  const fen = parseYuan(text);
  if (fen === null) return { error: `${label}“${text}”不是有效金额（最多两位小数）` };
  return { fen };
}

/** Finds a cooperative's member by ID (coop_members.id) or by a unique name. */
export function memberResolver(store: Store, coopId: number): (text: string) => { id: number; name: string } | { error: string } {
  const members = listCoopMembers(store, coopId);
  const byId = new Map(members.map((m) => [m.id, m]));
  const byName = new Map<string, typeof members>();
  for (const m of members) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  return (text) => {
    const t = text.trim();
    if (!t) return { error: '该科目按成员核算，成员不能为空' };
    if (/^\d+$/.test(t) && byId.has(Number(t))) return { id: Number(t), name: byId.get(Number(t))!.name };
    const hits = byName.get(t) ?? [];
    if (hits.length === 1) return { id: hits[0]!.id, name: hits[0]!.name };
    if (hits.length > 1) return { error: `本社有 ${hits.length} 个名为“${t}”的成员，请填写成员编号（${hits.map((h) => h.id).join('、')}）` };
    return { error: `“${t}”不是本合作社的成员` };
  };
}
