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
    sql().prepare('DELETE FROM audit_refs WHERE audit_id = 2').run();
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

describe('record history index', () => {
  it('finds a record\'s history by entity and id through audit_refs, not by text search', async () => {
    const t = (await env.admin.call<{ id: number; name: string }[]>('geo.list'))[0]!;
    await env.admin.call('geo.saveTownship', { id: t.id, name: '历史镇' });
    const { rows, total } = await env.admin.call<{ total: number; rows: { method: string }[] }>('audit.list', { entity: 'township', entityId: String(t.id) });
    expect(total).toBe(2);
    expect(rows.map((r) => r.method)).toEqual(['geo.saveTownship', 'geo.saveTownship']);
    const plan = sql().prepare("EXPLAIN QUERY PLAN SELECT audit_id FROM audit_refs WHERE entity = 'township' AND entity_id = '1'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING COVERING INDEX audit_refs_record');
  });
});

describe('audit_refs backfill', () => {
  it('indexes rows written before the table existed', async () => {
    const { openDatabase } = await import('../../electron/core/db/connection');
    const { loadMigrations } = await import('../../electron/core/db/migrate');
    const { migrationsDir } = await import('../../electron/core/db/migrations-dir');
    const path = await import('node:path');
    const all = loadMigrations(migrationsDir());
    const cut = all.findIndex((m) => m.tag.endsWith('_audit_refs'));
    const file = path.join(env.dir, 'old.sqlite');
    const old = openDatabase(file, { backupsDir: path.join(env.dir, 'b'), migrations: all.slice(0, cut) });
    old.sqlite
      .prepare("INSERT INTO audit_log (id, at, user_id, username, method, entity, entity_ids, summary, prev_hash, hash) VALUES (1, 'x', NULL, 'u', 'm', 'township', '[7,8]', '{}', 'p', 'h')")
      .run();
    old.sqlite.close();
    const upgraded = openDatabase(file, { backupsDir: path.join(env.dir, 'b'), migrations: all });
    expect(upgraded.sqlite.prepare('SELECT entity, entity_id AS id FROM audit_refs ORDER BY entity_id').all()).toEqual([
      { entity: 'township', id: '7' },
      { entity: 'township', id: '8' },
    ]);
    upgraded.sqlite.close();
  });
});
