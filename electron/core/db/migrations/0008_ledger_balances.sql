-- Ledger: per-period balances and the guards on posted vouchers (custom SQL: drizzle cannot declare
-- WITHOUT ROWID tables or triggers).
--
-- ledger_balances holds leaf-account balances per book, year and month: month 1-12 is the month's posted
-- activity, 13 the year's total, 0 everything before the year (opening balances plus all earlier postings).
-- close_* is the part of the activity that came from closing transfers. ledger_member_balances is the same
-- per member for accounts with the member dimension. Both are written in the posting transaction.
CREATE TABLE `ledger_balances` (
	`book_id` integer NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`account_id` integer NOT NULL,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	`close_debit_fen` integer DEFAULT 0 NOT NULL,
	`close_credit_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`book_id`, `year`, `month`, `account_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `ledger_member_balances` (
	`book_id` integer NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`account_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`book_id`, `year`, `month`, `account_id`, `member_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `ledger_member_balances_member` ON `ledger_member_balances` (`book_id`, `member_id`, `year`);
--> statement-breakpoint
-- A voucher is posted only by an UPDATE of its status, so the closed-period check below always applies.
CREATE TRIGGER `ledger_vouchers_no_insert_posted` BEFORE INSERT ON `ledger_vouchers`
WHEN NEW.status = 'posted'
BEGIN SELECT RAISE(ABORT, '凭证必须先保存再记账'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_vouchers_posted_no_update` BEFORE UPDATE ON `ledger_vouchers`
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, '已记账的凭证不能修改，请用红字凭证冲销'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_vouchers_posted_no_delete` BEFORE DELETE ON `ledger_vouchers`
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, '已记账的凭证不能删除，请用红字凭证冲销'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_vouchers_closed_period` BEFORE UPDATE OF `status` ON `ledger_vouchers`
WHEN NEW.status = 'posted' AND EXISTS (SELECT 1 FROM `ledger_periods` p WHERE p.book_id = NEW.book_id AND p.period = NEW.period AND p.status = 'closed')
BEGIN SELECT RAISE(ABORT, '该会计期间已结账，不能记账'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_lines_posted_no_insert` BEFORE INSERT ON `ledger_voucher_lines`
WHEN (SELECT status FROM `ledger_vouchers` v WHERE v.id = NEW.voucher_id) = 'posted'
BEGIN SELECT RAISE(ABORT, '已记账的凭证不能增加分录'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_lines_posted_no_update` BEFORE UPDATE ON `ledger_voucher_lines`
WHEN OLD.posted = 1
BEGIN SELECT RAISE(ABORT, '已记账的分录不能修改，请用红字凭证冲销'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_lines_posted_no_delete` BEFORE DELETE ON `ledger_voucher_lines`
WHEN OLD.posted = 1
BEGIN SELECT RAISE(ABORT, '已记账的分录不能删除，请用红字凭证冲销'); END;
