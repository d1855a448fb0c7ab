import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : files(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const imports = (file: string) => [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('architecture boundaries', () => {
  it('keeps Electron out of the domain, the API, the server and the CLI', () => {
    const offenders = ['electron/core', 'electron/api', 'electron/server', 'electron/cli']
      .flatMap(files)
      .filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ free of Node and of the renderer', () => {
    const offenders = files('shared').filter((f) => imports(f).some((i) => i.startsWith('node:') || i.includes('renderer') || i.includes('electron')));
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer away from Node and from the domain code', () => {
    const offenders = files('renderer/src').filter((f) => imports(f).some((i) => i.startsWith('node:') || i.includes('/electron/')));
    expect(offenders).toEqual([]);
  });

  it('gives the preload exactly one exposed function and no file paths', () => {
    const src = fs.readFileSync(path.join(root, 'electron/main/preload.ts'), 'utf8');
    expect(src.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(src.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
  });
});
