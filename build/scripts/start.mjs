// npm start: build, then open the desktop app in Electron. Where the Electron binary is missing and
// cannot be fetched (no internet, as on the build machines), start browser mode on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.WEINONG_BROWSER === '1';
const passThrough = args.filter((a) => a !== '--browser');

function step(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** electron's own installer; denied at npm install time so that an offline install still succeeds. */
function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  console.log('正在下载 Electron（仅首次需要）…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], cwd: root, timeout: 180_000 });
  if (r.status !== 0) console.log(`下载失败：${String(r.stderr ?? '').split('\n')[0] || '超时'}`);
  return r.status === 0 && electronBinary() !== null;
}

/**
 * Tests and the CLI use better-sqlite3 built for Node; Electron needs its own ABI. Build a copy for
 * Electron once, beside node_modules, and point the app at it (WEINONG_SQLITE_BINDING).
 */
function electronSqliteBinding() {
  const version = require('electron/package.json').version;
  const dir = path.join(root, 'node_modules', '.weinong-electron', version);
  const binding = path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.log(`正在为 Electron ${version} 编译 better-sqlite3（仅首次需要）…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(dir, 'node_modules', 'better-sqlite3'), { recursive: true });
  const sqliteVersion = require('better-sqlite3/package.json').version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'weinong-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  const ok = step(process.execPath, [path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'), '--version', version, '--module-dir', dir, '--only', 'better-sqlite3', '--force']);
  return ok && fs.existsSync(binding) ? binding : null;
}

if (!step(process.execPath, [path.join(root, 'build', 'scripts', 'build.mjs')])) process.exit(1);

const electron = forceBrowser ? null : (electronBinary() ?? (fetchElectron() ? electronBinary() : null));
const binding = electron ? electronSqliteBinding() : null;
if (electron && binding) {
  const child = spawn(electron, [root, ...passThrough], { stdio: 'inherit', env: { ...process.env, WEINONG_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) console.log('\n未找到可用的 Electron（本机无法下载其程序文件），改用浏览器模式。');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'node', 'cli.cjs'), 'serve', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
