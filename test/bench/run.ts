// npm run bench [name ...]: runs test/bench/<name>.bench.ts (all when no name is given), one after another.
import fs from 'node:fs';
import path from 'node:path';

async function main(): Promise<void> {
  const dir = __dirname;
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  if (files.length === 0) throw new Error(`没有匹配的基准测试：${wanted.join(' ')}`);
  console.log(`Weinong Desk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { default: () => Promise<void> };
    await mod.default();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
