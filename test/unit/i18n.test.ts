import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { EN } from '../../renderer/src/i18n/en';

const root = path.resolve(__dirname, '..', '..', 'renderer', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('English translation', () => {
  it('has an entry for every Chinese string the UI passes to t()', () => {
    const missing = new Set<string>();
    for (const file of sources(root)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']*[\u4e00-\u9fff][^']*)'/g)) if (!(m[1]! in EN)) missing.add(`${path.relative(root, file)}: ${m[1]}`);
    }
    expect([...missing]).toEqual([]);
  });
});
