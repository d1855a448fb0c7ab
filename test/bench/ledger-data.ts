import type Database from 'better-sqlite3';
import type { Store } from '../../electron/core/db/store';
import { balanceDeltas, type BalanceDelta, type PostingLine } from '../../electron/core/ledger/posting';
import { loadAccounts } from '../../electron/core/ledger/accounts';

/**
 * Bulk generator for the ledger benchmark: vouchers and lines written with prepared statements in big
 * transactions, and balance rows accumulated with the same balanceDeltas the posting transaction uses
 * (year-opening rows are then carried forward year by year, which is what opening each year does).
 * Every month ends with its P&L transfer to 331 and every December with 331 -> 332, as closing does.
 */

export interface GenBook {
  bookId: number;
  memberIds: number[];
}

interface Line extends PostingLine {
  summary: string;
}

const CLOSE_SUMMARY = '结转本月损益';

export class LedgerGenerator {
  private seed = 12345;
  private voucherId: number;
  private lineId: number;
  private readonly insVoucher: Database.Statement;
  private readonly insLine: Database.Statement;
  private readonly insBalance: Database.Statement;
  private readonly insMemberBalance: Database.Statement;
  private readonly insPeriod: Database.Statement;
  readonly now = new Date().toISOString();

  constructor(private readonly db: Database.Database) {
    this.voucherId = (db.prepare('SELECT COALESCE(max(id), 0) FROM ledger_vouchers').pluck().get() as number) + 1;
    this.lineId = (db.prepare('SELECT COALESCE(max(id), 0) FROM ledger_voucher_lines').pluck().get() as number) + 1;
    this.insVoucher = db.prepare(
      `INSERT INTO ledger_vouchers (id, book_id, period, kind, number, date, summary, attachments, status, source, debit_total_fen, preparer_id, preparer_name, reviewer_name, poster_name, created_at, updated_at)
       VALUES (?, ?, ?, '记', ?, ?, ?, 1, 'draft', ?, ?, NULL, '李会计', '周会计', '李会计', ?, ?)`,
    );
    this.insLine = db.prepare(
      `INSERT INTO ledger_voucher_lines (id, voucher_id, book_id, line_no, summary, account_id, member_id, debit_fen, credit_fen, date, posted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    this.insBalance = db.prepare(
      'INSERT INTO ledger_balances (book_id, year, month, account_id, debit_fen, credit_fen, close_debit_fen, close_credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insMemberBalance = db.prepare('INSERT INTO ledger_member_balances (book_id, year, month, account_id, member_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insPeriod = db.prepare("INSERT OR IGNORE INTO ledger_periods (book_id, period, status, closed_by) VALUES (?, ?, 'open', '')");
  }

  private rnd(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed % n;
  }

  /**
   * Writes `years` of history for one book, about `linesPerYear` lines a year, and returns the number of
   * lines written. Periods up to `openFrom` are closed afterwards; the rest stay open.
   */
  generate(store: Store, book: GenBook, firstYear: number, years: number, linesPerYear: number, openFrom: string, onVoucher?: (date: string, no: string, lines: Line[]) => void): number {
    const accounts = loadAccounts(store, book.bookId);
    const id = (code: string) => accounts.find((a) => a.code === code)!.id;
    const A = { cash: id('101'), bank: id('102'), members: id('114'), goods: id('121'), capital: id('301'), surplus: id('331'), undistributed: id('33202'), sales: id('501'), cost: id('521'), admin: id('523'), fin: id('524'), other: id('502') };
    const pnl = [A.sales, A.cost, A.admin, A.fin, A.other];
    const deltas = new Map<string, BalanceDelta>();
    const add = (ds: BalanceDelta[]) => {
      for (const d of ds) {
        const k = `${d.year}|${d.month}|${d.accountId}|${d.memberId}`;
        const cur = deltas.get(k);
        if (cur) {
          cur.d += d.d;
          cur.c += d.c;
          cur.cd += d.cd;
          cur.cc += d.cc;
        } else deltas.set(k, { ...d });
      }
    };
    let written = 0;
    // Six of seven kinds of voucher have two lines, one has three; the month's P&L transfer adds about six.
    const perMonth = Math.max(1, Math.round((linesPerYear / 12 - 6) / (15 / 7)));
    for (let y = firstYear; y < firstYear + years; y++) {
      let yearSurplus = 0;
      for (let m = 1; m <= 12; m++) {
        const period = `${y}-${String(m).padStart(2, '0')}`;
        this.insPeriod.run(book.bookId, period);
        const days = Array.from({ length: perMonth }, () => 1 + this.rnd(28)).sort((a, b) => a - b);
        const net = new Map<number, number>();
        let number = 0;
        const voucher = (date: string, summary: string, lines: Line[], source: 'manual' | 'close' | 'yearend') => {
          const vid = this.voucherId++;
          const total = lines.reduce((s, l) => s + l.debitFen, 0);
          number++;
          this.insVoucher.run(vid, book.bookId, period, number, date, summary, source, total, this.now, this.now);
          lines.forEach((l, i) => this.insLine.run(this.lineId++, vid, book.bookId, i + 1, l.summary, l.accountId, l.memberId || null, l.debitFen, l.creditFen, date));
          add(balanceDeltas(period, lines, [], source !== 'manual'));
          for (const l of lines) if (pnl.includes(l.accountId)) net.set(l.accountId, (net.get(l.accountId) ?? 0) + l.debitFen - l.creditFen);
          written += lines.length;
          onVoucher?.(date, `记-${number}`, lines);
        };
        for (const day of days) {
          const date = `${period}-${String(day).padStart(2, '0')}`;
          const amt = 1000 + this.rnd(500_000);
          const member = book.memberIds[this.rnd(book.memberIds.length)]!;
          const L = (summary: string, accountId: number, d: number, c: number, memberId = 0): Line => ({ summary, accountId, memberId, debitFen: d, creditFen: c });
          switch (this.rnd(7)) {
            case 0:
              voucher(date, '销售农产品', [L('销售农产品', A.bank, amt, 0), L('销售农产品', A.sales, 0, amt)], 'manual');
              break;
            case 1:
              voucher(date, '收购成员农产品', [L('收购成员农产品', A.goods, amt, 0), L('收购成员农产品', A.members, 0, amt, member)], 'manual');
              break;
            case 2:
              voucher(date, '支付成员货款', [L('支付成员货款', A.members, amt, 0, member), L('支付成员货款', A.bank, 0, amt)], 'manual');
              break;
            case 3:
              voucher(date, '结转销售成本', [L('结转销售成本', A.cost, amt, 0), L('结转销售成本', A.goods, 0, amt)], 'manual');
              break;
            case 4: {
              const part = Math.floor(amt / 4);
              voucher(date, '支付费用', [L('支付费用', A.admin, amt - part, 0), L('支付费用', A.fin, part, 0), L('支付费用', A.cash, 0, amt)], 'manual');
              break;
            }
            case 5:
              voucher(date, '成员入股', [L('成员入股', A.bank, amt, 0), L('成员入股', A.capital, 0, amt, member)], 'manual');
              break;
            default:
              voucher(date, '提取备用金', [L('提取备用金', A.cash, amt, 0), L('提取备用金', A.bank, 0, amt)], 'manual');
          }
        }
        const last = `${period}-28`;
        const closeLines: Line[] = [];
        let monthSurplus = 0;
        for (const [acc, n] of net) {
          if (n === 0) continue;
          closeLines.push({ summary: CLOSE_SUMMARY, accountId: acc, memberId: 0, debitFen: n < 0 ? -n : 0, creditFen: n > 0 ? n : 0 });
          monthSurplus -= n;
        }
        if (monthSurplus !== 0) closeLines.push({ summary: CLOSE_SUMMARY, accountId: A.surplus, memberId: 0, debitFen: monthSurplus < 0 ? -monthSurplus : 0, creditFen: monthSurplus > 0 ? monthSurplus : 0 });
        if (closeLines.length >= 2) voucher(last, CLOSE_SUMMARY, closeLines, 'close');
        yearSurplus += monthSurplus;
        if (m === 12 && yearSurplus !== 0) {
          const s = yearSurplus;
          voucher(last, '结转本年盈余', [
            { summary: '结转本年盈余', accountId: A.surplus, memberId: 0, debitFen: s > 0 ? s : 0, creditFen: s < 0 ? -s : 0 },
            { summary: '结转本年盈余', accountId: A.undistributed, memberId: 0, debitFen: s < 0 ? -s : 0, creditFen: s > 0 ? s : 0 },
          ], 'yearend');
        }
      }
    }
    // Year-opening rows: each year's opening is the previous opening plus the previous year's total.
    for (let y = firstYear + 1; y < firstYear + years; y++) {
      for (const d of [...deltas.values()].filter((x) => x.year === y - 1 && (x.month === 0 || x.month === 13))) {
        add([{ year: y, month: 0, accountId: d.accountId, memberId: d.memberId, d: d.d, c: d.c, cd: 0, cc: 0 }]);
      }
    }
    for (const d of deltas.values()) {
      if (d.memberId === 0) this.insBalance.run(book.bookId, d.year, d.month, d.accountId, d.d, d.c, d.cd, d.cc);
      else this.insMemberBalance.run(book.bookId, d.year, d.month, d.accountId, d.memberId, d.d, d.c);
    }
    // Posted only by an UPDATE (the database refuses posted inserts), then the periods before openFrom close.
    this.db.prepare("UPDATE ledger_vouchers SET status = 'posted', posted_at = ? WHERE book_id = ? AND status = 'draft'").run(this.now, book.bookId);
    this.db.prepare("UPDATE ledger_periods SET status = 'closed', closed_at = ?, closed_by = '李会计' WHERE book_id = ? AND period < ?").run(this.now, book.bookId, openFrom);
    return written;
  }
}
