import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder per test file; removed afterwards unless WEINONG_KEEP_TMP is set for debugging. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `weinong-${prefix}-`));
  return { dir, cleanup: () => (process.env.WEINONG_KEEP_TMP ? undefined : fs.rmSync(dir, { recursive: true, force: true })) };
}
