import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error fontkit ships no type declarations; it is what pdfkit reads fonts with.
import * as fontkitUntyped from 'fontkit';
import { fontPaths } from '../../electron/core/reports/pdf-fonts';
import { renderPdf } from '../../electron/core/reports/pdf';

const fontkit = fontkitUntyped as { openSync(file: string): { hasGlyphForCodePoint(cp: number): boolean } };

const LINES = ['为农服务台', '壹万贰仟叁佰肆拾伍元陆角柒分', 'ABC 123，。'];

/** The 6763 hanzi of GB2312: rows 0xB0-0xF7, with 0xD7FA-0xD7FE unassigned. */
function gb2312Hanzi(): string[] {
  const gbk = new TextDecoder('gbk', { fatal: true });
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      out.push(gbk.decode(Uint8Array.of(hi, lo)));
    }
  }
  return out;
}

describe('report font (NotoSansSC TTF)', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weinong-font-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a glyph for ASCII, Chinese punctuation, money words and every GB2312 hanzi', () => {
    const wanted = [
      ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
      ...'，。：；（）《》“”、¥×·零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整',
      ...gb2312Hanzi(),
    ];
    expect(wanted.length).toBeGreaterThan(6763);
    const { regular, bold } = fontPaths();
    for (const file of [regular, bold]) {
      const font = fontkit.openSync(file);
      const missing = wanted.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing.join(''), path.basename(file)).toBe('');
    }
  });

  it('renders Chinese text that poppler can rasterise and extract', async () => {
    const pdf = await renderPdf({
      content: [
        { text: LINES[0], fontSize: 20, bold: true },
        { text: LINES[1] },
        { text: LINES[2], italics: true },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, 'font.pdf');
    fs.writeFileSync(file, pdf);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const line of LINES) expect(text).toContain(line);

    // Embedded as a subset of our TrueType font, not substituted by the viewer.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'page')], { stdio: 'pipe' });
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(1000);
  });
});
