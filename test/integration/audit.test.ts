import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { setupCore } from '../helpers/core';
import { rowHash, verifyChain } from '../../electron/core/audit/chain';

let env: Awaited<ReturnType<typeof setupCore>>;
beforeEach(async () => {
  env = await setupCore();
  for (const n of [1, 2, 3]) await env.admin.call('geo.saveTownship', { name: `测试镇${n}` });
});
afterEach(() => env.close());

const sql = () => env.core.store.sqlite;

describe('audit chain', () => {
  it('records who did what to which record, with before and after', async () => {
    const t = (await env.admin.call<{ id: number }[]>('geo.list'))[0]!;
    await env.admin.call('geo.saveTownship', { id: t.id, name: '改名镇' });
    const { rows } = await env.admin.call<{ rows: { username: string; method: string; entity: string; entityIds: string; summary: string }[] }>('audit.list', { method: 'geo.saveTownship', limit: 1 });
    expect(rows[0]).toMatchObject({ username: 'admin', method: 'geo.saveTownship', entity: 'township', entityIds: `[${t.id}]` });
    expect(JSON.parse(rows[0]!.summary)).toEqual({ before: { name: '测试镇1' }, after: { name: '改名镇' } });
  });

  it('writes no audit row when the write is refused', async () => {
    const before = sql().prepare('SELECT count(*) FROM audit_log').pluck().get();
    await expect(env.admin.call('geo.saveTownship', { name: '测试镇1' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(sql().prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('verifies an intact chain', async () => {
    const r = await env.admin.call<{ ok: boolean; checked: number }>('audit.verify');
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(sql().prepare('SELECT count(*) FROM audit_log').pluck().get());
  });

  it('reports the first edited row', () => {
    sql().prepare("UPDATE audit_log SET summary = '{\"after\":{\"name\":\"伪造\"}}' WHERE id = 3").run();
    expect(verifyChain(sql())).toMatchObject({ ok: false, firstBroken: { id: 3 } });
  });

  it('reports a deleted row at the row after it', () => {
    sql().prepare('DELETE FROM audit_log WHERE id = 2').run();
    const r = verifyChain(sql());
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.id).toBe(3);
    expect(r.firstBroken?.reason).toContain('缺失');
  });

  it('reports a row rewritten together with a recomputed hash at the next link', () => {
    const r2 = sql().prepare('SELECT id, at, user_id AS userId, username, method, entity, entity_ids AS entityIds, summary, prev_hash AS prevHash FROM audit_log WHERE id = 2').get() as Parameters<typeof rowHash>[0];
    const forged = { ...r2, username: 'someone' };
    sql().prepare('UPDATE audit_log SET username = ?, hash = ? WHERE id = 2').run('someone', rowHash(forged));
    const r = verifyChain(sql());
    expect(r.firstBroken?.id).toBe(3);
    expect(r.firstBroken?.reason).toContain('链接不符');
  });
});
