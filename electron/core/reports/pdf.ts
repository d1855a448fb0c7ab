import path from 'node:path';
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
  createPdf(doc: DocDefinition): { getBuffer(): Promise<Buffer> };
}

const pdfmake = pdfmakeUntyped as PdfMakeServer;
let configured = false;

function configure(): void {
  if (configured) return;
  const { regular, bold } = fontPaths();
  pdfmake.addFonts({ [FONT_FAMILY]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  // Reports are built offline from our own data: a URL or a path inside a document definition
  // must not make pdfmake fetch or read anything but the fonts (images go in as data URLs).
  // Setting both policies also stops pdfmake's warning on every createPdf.
  const fonts = new Set([regular, bold].map((f) => path.resolve(f)));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => fonts.has(path.resolve(file)));
  configured = true;
}

export async function renderPdf(docDefinition: DocDefinition): Promise<Buffer> {
  configure();
  // pdfmake falls back to Roboto, which is not registered.
  const doc = { ...docDefinition, defaultStyle: { font: FONT_FAMILY, ...docDefinition.defaultStyle } };
  return pdfmake.createPdf(doc).getBuffer();
}
