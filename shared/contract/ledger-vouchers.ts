import { z, optText, int, id, fen, date, period } from '../zod';
import { defineMethods } from './define';
import { fileDownload, ok } from './common';
import { bookId, importFile } from './ledger';

export const VOUCHER_KINDS = ['记', '收', '付', '转'] as const;
const kind = z.enum(VOUCHER_KINDS, { error: '凭证字应为 记、收、付 或 转' });
const status = z.enum(['draft', 'reviewed', 'posted']);
const source = z.enum(['manual', 'import', 'reversal', 'close', 'yearend', 'distribution']);

export const voucherLine = z.object({
  lineNo: z.number(),
  summary: z.string(),
  accountId: z.number(),
  accountCode: z.string(),
  accountName: z.string(),
  memberId: z.number(),
  memberName: z.string(),
  debitFen: z.number(),
  creditFen: z.number(),
  product: z.string(),
  qtyMilli: z.number(),
  unit: z.string(),
});

const link = z.object({ id: z.number(), label: z.string() }).nullable();

export const voucher = z.object({
  id: z.number(),
  bookId: z.number(),
  coopName: z.string(),
  period: z.string(),
  kind,
  number: z.number(),
  date: z.string(),
  summary: z.string(),
  attachments: z.number(),
  status,
  source,
  debitTotalFen: z.number(),
  preparerName: z.string(),
  reviewerName: z.string(),
  posterName: z.string(),
  preparerId: z.number().nullable(),
  reviewerId: z.number().nullable(),
  reverses: link,
  reversedBy: link,
  version: z.number(),
  lines: z.array(voucherLine),
});

const voucherListRow = z.object({
  id: z.number(),
  period: z.string(),
  kind,
  number: z.number(),
  date: z.string(),
  summary: z.string(),
  attachments: z.number(),
  status,
  source,
  debitTotalFen: z.number(),
  preparerName: z.string(),
  reviewerName: z.string(),
  posterName: z.string(),
  preparerId: z.number().nullable(),
  reviewerId: z.number().nullable(),
  version: z.number(),
});

const lineInput = z.object({
  summary: optText('摘要', 200),
  accountId: id('科目'),
  memberId: int('成员').default(0),
  debitFen: fen('借方金额').default(0),
  creditFen: fen('贷方金额').default(0),
  product: optText('产品', 50),
  qtyMilli: z.number({ error: '数量必须是数字' }).int({ error: '数量最多三位小数' }).default(0),
  unit: optText('单位', 10),
});

const voucherInput = z.object({
  id: z.number().int().positive().optional(),
  version: z.number().int().optional(),
  bookId,
  date: date('凭证日期'),
  kind: kind.default('记'),
  attachments: int('附件张数', 0, 999).default(0),
  lines: z.array(lineInput).min(2, { error: '凭证至少需要两行分录' }).max(500, { error: '一张凭证最多 500 行' }),
});

const ids = z.object({ ids: z.array(id('凭证')).min(1, { error: '请选择凭证' }).max(5000) });
const upTo = z.object({ bookId, period: period('截止期间').or(z.literal('')).default('') });

/** Vouchers: entry, the review and posting workflow, red reversals, printing and imports. */
export const ledgerVouchersContract = defineMethods({
  'ledger.vouchers.list': {
    title: '查看凭证',
    input: z.object({
      bookId,
      from: period('开始期间').or(z.literal('')).default(''),
      to: period('结束期间').or(z.literal('')).default(''),
      status: status.or(z.literal('')).default(''),
      kind: kind.or(z.literal('')).default(''),
      q: optText('摘要', 50),
      offset: int('起始行').default(0),
      limit: int('每页行数', 1, 500).default(50),
    }),
    output: z.object({ total: z.number(), rows: z.array(voucherListRow) }),
  },
  'ledger.vouchers.get': { title: '查看凭证', input: z.object({ id: id('凭证') }), output: voucher },
  'ledger.vouchers.save': { title: '保存凭证', input: voucherInput, output: voucher },
  'ledger.vouchers.delete': { title: '删除凭证', input: z.object({ id: id('凭证'), version: int('版本', 1) }), output: ok },
  'ledger.vouchers.review': { title: '审核凭证', input: ids, output: z.object({ reviewed: z.number() }) },
  'ledger.vouchers.reviewAll': { title: '批量审核凭证', input: upTo, output: z.object({ reviewed: z.number(), skippedOwn: z.number() }) },
  'ledger.vouchers.unreview': { title: '取消审核', input: ids, output: z.object({ unreviewed: z.number() }) },
  'ledger.vouchers.post': { title: '凭证记账', input: ids, output: z.object({ posted: z.number() }) },
  'ledger.vouchers.postAll': { title: '批量记账', input: upTo, output: z.object({ posted: z.number() }) },
  'ledger.vouchers.reverse': { title: '红字冲销凭证', input: z.object({ id: id('凭证'), date: date('冲销日期') }), output: voucher },
  'ledger.vouchers.print': { title: '打印凭证', input: z.object({ ids: ids.shape.ids, size: z.enum(['A4', 'half']).default('A4') }), output: fileDownload },
  'ledger.vouchers.summaries': { title: '常用摘要', input: z.object({ bookId }), output: z.array(z.string()) },
  'ledger.vouchers.importPreview': {
    title: '预览凭证导入',
    input: importFile,
    output: z.object({
      rows: z.array(
        z.object({
          line: z.number(),
          date: z.string(),
          voucher: z.string(),
          newVoucher: z.string(),
          summary: z.string(),
          accountCode: z.string(),
          accountName: z.string(),
          member: z.string(),
          debitFen: z.number(),
          creditFen: z.number(),
          note: z.string(),
          error: z.string(),
        }),
      ),
      totalRows: z.number(),
      errors: z.number(),
      vouchers: z.number(),
      debitFen: z.number(),
      creditFen: z.number(),
    }),
  },
  'ledger.vouchers.importCommit': { title: '导入凭证', input: importFile, output: z.object({ vouchers: z.number(), lines: z.number(), from: z.string(), to: z.string() }) },
});
