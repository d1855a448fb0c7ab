import fs from 'node:fs';
import path from 'node:path';

export const FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

/**
 * The report fonts are data files, never bundled: under vitest/tsx this file sits three levels
 * below the repo root, in an esbuild bundle (dist/electron/*.cjs, dist/cli.cjs) one or two, and
 * a packaged app carries them in resources/fonts. WEINONG_FONT_DIR wins, and is not silently
 * ignored when wrong, so that a misconfigured override is noticed.
 */
export function fontPaths(): { regular: string; bold: string } {
  const override = process.env.WEINONG_FONT_DIR;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = override
    ? [path.resolve(override)]
    : [
        ...(resources ? [path.join(resources, 'fonts')] : []),
        ...[1, 2, 3].map((up) => path.resolve(__dirname, ...Array<string>(up).fill('..'), 'build', 'fonts')),
      ];
  for (const dir of candidates) {
    const regular = path.join(dir, FONT_FILES.regular);
    const bold = path.join(dir, FONT_FILES.bold);
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold };
  }
  throw new Error(`找不到报表字体 ${FONT_FILES.regular}、${FONT_FILES.bold}（已查找：${candidates.join('，')}；可用 WEINONG_FONT_DIR 指定）`);
}
