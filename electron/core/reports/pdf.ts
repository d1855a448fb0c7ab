import fs from 'node:fs';
// @ts-expect-error pdfmake 0.3 ships no type declarations; the slice used here is typed below.
import pdfmakeUntyped from 'pdfmake';
import { fontPaths } from './pdf-fonts';

export const FONT_FAMILY = 'NotoSansSC';

/** pdfmake document definition; see the pdfmake docs for content, styles, tables… */
export interface DocDefinition {
  content: unknown;
  defaultStyle?: Record<string, unknown>;
  [key: string]: unknown;
}

interface FontFamily {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** The server-side singleton exported by pdfmake 0.3 (js/index.js, js/base.js). */
interface PdfMakeServer {
  addFonts(fonts: Record<string, FontFamily>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  createPdf(doc: DocDefinition): { getBuffer(): Promise<Buffer> };
}

const pdfmake = pdfmakeUntyped as PdfMakeServer;
let configured = false;

/** Names of the fonts inside pdfmake's in-memory file system. */
const VFS_FONTS = { regular: 'weinong/NotoSansSC-Regular.ttf', bold: 'weinong/NotoSansSC-Bold.ttf' };

function configure(): void {
  if (configured) return;
  const { regular, bold } = fontPaths();
  // The fonts (7 MB each) are read once into pdfmake's in-memory file system rather than from disk for every
  // document: a batch of 500 statements otherwise spends much of its time re-reading and collecting them.
  pdfmake.virtualfs.writeFileSync(VFS_FONTS.regular, fs.readFileSync(regular));
  pdfmake.virtualfs.writeFileSync(VFS_FONTS.bold, fs.readFileSync(bold));
  pdfmake.addFonts({ [FONT_FAMILY]: { normal: VFS_FONTS.regular, bold: VFS_FONTS.bold, italics: VFS_FONTS.regular, bolditalics: VFS_FONTS.bold } });
  // Reports are built offline from our own data: a URL or a path inside a document definition
  // must not make pdfmake fetch or read anything (images go in as data URLs, fonts are in memory).
  // Setting both policies also stops pdfmake's warning on every createPdf.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

export async function renderPdf(docDefinition: DocDefinition): Promise<Buffer> {
  configure();
  // pdfmake falls back to Roboto, which is not registered.
  const doc = { ...docDefinition, defaultStyle: { font: FONT_FAMILY, ...docDefinition.defaultStyle } };
  return pdfmake.createPdf(doc).getBuffer();
}
