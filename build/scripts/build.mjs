// Builds everything `npm start`, the CLI and the e2e tests need: Node bundles in dist/node (with the
// SQL migrations beside them) and the renderer in dist/renderer. `--node` skips the renderer.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'dist', 'node');
const nodeOnly = process.argv.includes('--node');
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || console.log(m);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: { cli: 'electron/cli/main.ts' }, outdir: out, outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { main: 'electron/main/main.ts', preload: 'electron/main/preload.ts' }, outdir: out, outExtension: { '.js': '.cjs' }, external: ['electron'] }),
]);
fs.rmSync(path.join(out, 'migrations'), { recursive: true, force: true });
fs.cpSync(path.join(root, 'electron', 'core', 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
log(`node bundles: ${Date.now() - started} ms`);

if (!nodeOnly) {
  const t = Date.now();
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.mts'), logLevel: 'warn' });
  log(`renderer: ${Date.now() - t} ms`);
}
