import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { formatFen, upperAmount } from '../../../shared/money';
import { renderPdf } from '../reports/pdf';
import { requireBook } from './books-read';
import { getVoucher, type VoucherView } from './voucher-read';

export type PrintSize = 'A4' | 'half';

const MM = 72 / 25.4;

/** The common half-page voucher paper (240 x 140 mm) holds fewer lines than an A4 sheet. */
const LAYOUT: Record<PrintSize, { pageSize: unknown; margins: [number, number, number, number]; rows: number; font: number; title: number }> = {
  A4: { pageSize: 'A4', margins: [40, 40, 40, 40], rows: 10, font: 10, title: 18 },
  half: { pageSize: { width: 240 * MM, height: 140 * MM }, margins: [22, 16, 22, 12], rows: 6, font: 8.5, title: 14 },
};

const TITLES = { 记: '记 账 凭 证', 收: '收 款 凭 证', 付: '付 款 凭 证', 转: '转 账 凭 证' } as const;

const money = (fen: number) => (fen === 0 ? '' : formatFen(fen));
const dateCn = (d: string) => `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;

function voucherPages(v: VoucherView, size: PrintSize, names: { head: string; cashier: string }): unknown[] {
  const L = LAYOUT[size];
  const chunks: VoucherView['lines'][] = [];
  for (let i = 0; i < v.lines.length; i += L.rows) chunks.push(v.lines.slice(i, i + L.rows));
  const pages = chunks.length;
  return chunks.map((chunk, p) => {
    const last = p === pages - 1;
    const body: unknown[][] = [
      [
        { text: '摘　要', bold: true, alignment: 'center' },
        { text: '会 计 科 目', bold: true, alignment: 'center' },
        { text: '借方金额', bold: true, alignment: 'center' },
        { text: '贷方金额', bold: true, alignment: 'center' },
      ],
    ];
    for (let i = 0; i < L.rows; i++) {
      const l = chunk[i];
      body.push(
        l
          ? [
              l.summary,
              `${l.accountCode} ${l.accountName}${l.memberName ? `（${l.memberName}）` : ''}`,
              { text: money(l.debitFen), alignment: 'right' },
              { text: money(l.creditFen), alignment: 'right' },
            ]
          : [' ', ' ', ' ', ' '],
      );
    }
    body.push(
      last
        ? [
            { text: `合计：${upperAmount(v.debitTotalFen)}`, colSpan: 2, bold: true },
            '',
            { text: formatFen(v.debitTotalFen), alignment: 'right', bold: true },
            { text: formatFen(v.debitTotalFen), alignment: 'right', bold: true },
          ]
        : [{ text: '（转下页）', colSpan: 4, alignment: 'center' }, '', '', ''],
    );
    const number = `${v.kind}字第 ${v.number} 号${pages > 1 ? `（${p + 1}/${pages}）` : ''}`;
    return {
      stack: [
        { text: TITLES[v.kind], fontSize: L.title, bold: true, alignment: 'center', decoration: 'underline', decorationStyle: 'double', margin: [0, 0, 0, 4] },
        {
          columns: [
            { text: `核算单位：${v.coopName}`, width: '*' },
            { text: dateCn(v.date), width: 'auto', alignment: 'center' },
            { text: number, width: '*', alignment: 'right' },
          ],
          margin: [0, 0, 0, 4],
        },
        { table: { headerRows: 1, widths: ['28%', '38%', '17%', '17%'], body }, layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 } },
        {
          columns: [
            { text: `会计主管：${names.head}`, width: '*' },
            { text: `记账：${v.posterName}`, width: '*' },
            { text: `出纳：${names.cashier}`, width: '*' },
            { text: `审核：${v.reviewerName}`, width: '*' },
            { text: `制单：${v.preparerName}`, width: '*' },
            { text: `附件 ${v.attachments} 张`, width: 'auto' },
          ],
          margin: [0, 6, 0, 0],
        },
        ...(v.status !== 'posted' ? [{ text: v.status === 'draft' ? '（草稿，未审核）' : '（已审核，未记账）', color: '#b00', margin: [0, 4, 0, 0] }] : []),
      ],
    };
  });
}

/**
 * Vouchers printed in the standard layout (会计基础工作规范 art. 51): kind, unit, date, number, summary,
 * accounts, debit and credit, the total with its uppercase amount, attachments and the signatures.
 * Long vouchers continue on further pages numbered 1/2, 2/2.
 */
export async function printVouchers(store: Store, input: { ids: number[]; size: PrintSize }): Promise<{ name: string; mime: string; bytes: Buffer }> {
  if (input.ids.length === 0) throw new AppError('VALIDATION', '请选择要打印的凭证');
  const vouchers = input.ids.map((id) => getVoucher(store, id));
  const bookId = vouchers[0]!.bookId;
  if (vouchers.some((v) => v.bookId !== bookId)) throw new AppError('VALIDATION', '一次只能打印同一账套的凭证');
  const book = requireBook(store, bookId);
  const L = LAYOUT[input.size];
  const pages = vouchers.flatMap((v) => voucherPages(v, input.size, { head: book.headName, cashier: book.cashierName }));
  const bytes = await renderPdf({
    pageSize: L.pageSize,
    pageOrientation: input.size === 'A4' ? 'portrait' : 'landscape',
    pageMargins: L.margins,
    defaultStyle: { fontSize: L.font },
    content: pages.map((p, i) => (i === 0 ? p : { ...(p as object), pageBreak: 'before' })),
  });
  const first = vouchers[0]!;
  const name = vouchers.length === 1 ? `凭证-${first.period}-${first.kind}${first.number}` : `凭证-${first.period}-${vouchers.length}张`;
  return { name: `${name}.pdf`, mime: 'application/pdf', bytes };
}
