import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { orgs, coopMembers } from '../members/schema';

export const VOUCHER_KINDS = ['记', '收', '付', '转'] as const;
export const VOUCHER_STATUS = ['draft', 'reviewed', 'posted'] as const;
/** Where a voucher came from; closing vouchers are excluded from the surplus statement's activity. */
export const VOUCHER_SOURCES = ['manual', 'import', 'reversal', 'close', 'yearend', 'distribution'] as const;

/** One set of books (账套) per cooperative. Fiscal years are calendar years. */
export const ledgerBooks = sqliteTable('ledger_books', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  coopId: integer('coop_id')
    .notNull()
    .unique()
    .references(() => orgs.id),
  /** First period kept in these books ('YYYY-MM'); opening balances are as at its first day. */
  startPeriod: text('start_period').notNull(),
  /** 'setup' while opening balances are entered; 'active' once they balance and the books are in use. */
  status: text('status', { enum: ['setup', 'active'] }).notNull().default('setup'),
  /** 'general': only 记 vouchers; 'split': 收/付/转. */
  voucherKinds: text('voucher_kinds', { enum: ['general', 'split'] }).notNull().default('general'),
  /** Charter default for the patronage return basis. */
  patronageBasis: text('patronage_basis', { enum: ['amount', 'volume'] }).notNull().default('amount'),
  /** How subsidies and donations (311) are quantified to members: pro rata to contribution, or equally per head. */
  subsidyQuantify: text('subsidy_quantify', { enum: ['capital', 'equal'] }).notNull().default('capital'),
  /** How the year's reserve drawn (322) is quantified to members. */
  reserveQuantify: text('reserve_quantify', { enum: ['patronage', 'capital'] }).notNull().default('patronage'),
  /** Names printed on vouchers. */
  headName: text('head_name').notNull().default(''),
  cashierName: text('cashier_name').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: integer('parent_id'),
    cls: text('cls', { enum: ['asset', 'liability', 'equity', 'cost', 'pnl'] }).notNull(),
    side: text('side', { enum: ['D', 'C'] }).notNull(),
    /** Entries must name a member of the cooperative. */
    memberDim: integer('member_dim', { mode: 'boolean' }).notNull().default(false),
    /** '' or 'poverty': a 301 detail holding capital from household poverty-alleviation project assets. */
    tag: text('tag', { enum: ['', 'poverty'] }).notNull().default(''),
    builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    pyInitials: text('py_initials').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('ledger_accounts_code').on(t.bookId, t.code), index('ledger_accounts_parent').on(t.parentId)],
);

/**
 * Opening balances while the books are set up; copied into the start year's opening (month 0) balances on
 * activation. member_id is NULL when the account has no member dimension; it is a foreign key so that the
 * registry refuses to delete a membership the books still use.
 */
export const ledgerOpening = sqliteTable(
  'ledger_opening',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    memberId: integer('member_id').references(() => coopMembers.id),
    debitFen: integer('debit_fen').notNull().default(0),
    creditFen: integer('credit_fen').notNull().default(0),
  },
  (t) => [index('ledger_opening_book').on(t.bookId, t.accountId)],
);

/** One row per book and month ('YYYY-MM'); a closed period refuses postings (also enforced by a trigger). */
export const ledgerPeriods = sqliteTable(
  'ledger_periods',
  {
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    period: text('period').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    closedAt: text('closed_at'),
    closedBy: text('closed_by').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.bookId, t.period] })],
);

export const ledgerVouchers = sqliteTable(
  'ledger_vouchers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    period: text('period').notNull(),
    kind: text('kind', { enum: VOUCHER_KINDS }).notNull(),
    number: integer('number').notNull(),
    date: text('date').notNull(),
    /** The first line's summary, for lists. */
    summary: text('summary').notNull(),
    attachments: integer('attachments').notNull().default(0),
    status: text('status', { enum: VOUCHER_STATUS }).notNull().default('draft'),
    source: text('source', { enum: VOUCHER_SOURCES }).notNull().default('manual'),
    /** The voucher this red reversal cancels. */
    reversesId: integer('reverses_id'),
    debitTotalFen: integer('debit_total_fen').notNull(),
    preparerId: integer('preparer_id'),
    preparerName: text('preparer_name').notNull(),
    reviewerId: integer('reviewer_id'),
    reviewerName: text('reviewer_name').notNull().default(''),
    reviewedAt: text('reviewed_at'),
    posterName: text('poster_name').notNull().default(''),
    postedAt: text('posted_at'),
    /** e.g. the number the voucher had in the file it was imported from. */
    ref: text('ref').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('ledger_vouchers_number').on(t.bookId, t.period, t.kind, t.number),
    // Unposted vouchers are few at any time: the workload board reads them across all books from this index.
    index('ledger_vouchers_pending').on(t.status, t.bookId).where(sql`status <> 'posted'`),
    index('ledger_vouchers_reverses').on(t.reversesId),
  ],
);

export const ledgerVoucherLines = sqliteTable(
  'ledger_voucher_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => ledgerVouchers.id),
    bookId: integer('book_id').notNull(),
    lineNo: integer('line_no').notNull(),
    summary: text('summary').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    /** NULL when the account has no member dimension; a foreign key so the registry keeps members the books use. */
    memberId: integer('member_id').references(() => coopMembers.id),
    debitFen: integer('debit_fen').notNull().default(0),
    creditFen: integer('credit_fen').notNull().default(0),
    date: text('date').notNull(),
    /** 1 once the voucher is posted; posted lines never change (trigger). */
    posted: integer('posted').notNull().default(0),
    /** A member transaction entered with the voucher (交易量 / 交易额 by product). */
    product: text('product').notNull().default(''),
    /** Quantity in thousandths of the unit. */
    qtyMilli: integer('qty_milli').notNull().default(0),
    unit: text('unit').notNull().default(''),
  },
  (t) => [
    index('ledger_lines_voucher').on(t.voucherId),
    index('ledger_lines_journal').on(t.bookId, t.accountId, t.date),
    // Member transactions entered with vouchers are a small part of the journal.
    index('ledger_lines_txn').on(t.bookId, t.date).where(sql`product <> ''`),
    // Lets the registry's reference check (and SQLite's foreign key check) find a member's lines without a scan.
    index('ledger_lines_member').on(t.memberId).where(sql`member_id IS NOT NULL`),
  ],
);

/*
 * The per-period balance tables (ledger_balances, ledger_member_balances) and the triggers that keep posted
 * vouchers unchangeable are created in the custom migration 0003_ledger_balances.sql: drizzle cannot declare
 * WITHOUT ROWID tables or triggers. Their layout is documented there and in balances.ts.
 */

/** Member transactions entered in the register (those entered with a voucher live on the voucher line). */
export const ledgerMemberTxns = sqliteTable(
  'ledger_member_txns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => coopMembers.id),
    date: text('date').notNull(),
    product: text('product').notNull(),
    unit: text('unit').notNull().default(''),
    qtyMilli: integer('qty_milli').notNull().default(0),
    amountFen: integer('amount_fen').notNull().default(0),
    summary: text('summary').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('ledger_member_txns_book').on(t.bookId, t.date), index('ledger_member_txns_member').on(t.bookId, t.memberId)],
);

/** Quantified shares of reserves, subsidies and donations credited to a member's account (Arts. 42-44). */
export const ledgerMemberShares = sqliteTable(
  'ledger_member_shares',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => coopMembers.id),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['reserve', 'subsidy', 'donation'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    distributionId: integer('distribution_id'),
    summary: text('summary').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('ledger_member_shares_member').on(t.bookId, t.memberId, t.date)],
);

/** A committed surplus distribution (Art. 44), with its parameters and the vouchers it posted. */
export const ledgerDistributions = sqliteTable(
  'ledger_distributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    year: integer('year').notNull(),
    date: text('date').notNull(),
    surplusFen: integer('surplus_fen').notNull(),
    lossCoverFen: integer('loss_cover_fen').notNull(),
    reserveFen: integer('reserve_fen').notNull(),
    distributableFen: integer('distributable_fen').notNull(),
    patronageFen: integer('patronage_fen').notNull(),
    remainderFen: integer('remainder_fen').notNull(),
    /** Patronage share in basis points (6000 = 60%). */
    shareBp: integer('share_bp').notNull(),
    basis: text('basis', { enum: ['amount', 'volume'] }).notNull(),
    product: text('product').notNull().default(''),
    /** JSON array of voucher ids. */
    voucherIds: text('voucher_ids').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('ledger_distributions_book').on(t.bookId, t.year)],
);
