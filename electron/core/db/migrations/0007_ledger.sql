CREATE TABLE `ledger_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`cls` text NOT NULL,
	`side` text NOT NULL,
	`member_dim` integer DEFAULT false NOT NULL,
	`tag` text DEFAULT '' NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`py_initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_accounts_code` ON `ledger_accounts` (`book_id`,`code`);--> statement-breakpoint
CREATE INDEX `ledger_accounts_parent` ON `ledger_accounts` (`parent_id`);--> statement-breakpoint
CREATE TABLE `ledger_books` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`coop_id` integer NOT NULL,
	`start_period` text NOT NULL,
	`status` text DEFAULT 'setup' NOT NULL,
	`voucher_kinds` text DEFAULT 'general' NOT NULL,
	`patronage_basis` text DEFAULT 'amount' NOT NULL,
	`subsidy_quantify` text DEFAULT 'capital' NOT NULL,
	`reserve_quantify` text DEFAULT 'patronage' NOT NULL,
	`head_name` text DEFAULT '' NOT NULL,
	`cashier_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`coop_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_books_coop_id_unique` ON `ledger_books` (`coop_id`);--> statement-breakpoint
CREATE TABLE `ledger_distributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`year` integer NOT NULL,
	`date` text NOT NULL,
	`surplus_fen` integer NOT NULL,
	`loss_cover_fen` integer NOT NULL,
	`reserve_fen` integer NOT NULL,
	`distributable_fen` integer NOT NULL,
	`patronage_fen` integer NOT NULL,
	`remainder_fen` integer NOT NULL,
	`share_bp` integer NOT NULL,
	`basis` text NOT NULL,
	`product` text DEFAULT '' NOT NULL,
	`voucher_ids` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_distributions_book` ON `ledger_distributions` (`book_id`,`year`);--> statement-breakpoint
CREATE TABLE `ledger_member_shares` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`distribution_id` integer,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `coop_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_member_shares_member` ON `ledger_member_shares` (`book_id`,`member_id`,`date`);--> statement-breakpoint
CREATE TABLE `ledger_member_txns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`date` text NOT NULL,
	`product` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`qty_milli` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `coop_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_member_txns_book` ON `ledger_member_txns` (`book_id`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_member_txns_member` ON `ledger_member_txns` (`book_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `ledger_opening` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`member_id` integer,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `coop_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_opening_book` ON `ledger_opening` (`book_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `ledger_periods` (
	`book_id` integer NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`closed_by` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`book_id`, `period`),
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ledger_voucher_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`book_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`summary` text NOT NULL,
	`account_id` integer NOT NULL,
	`member_id` integer,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	`date` text NOT NULL,
	`posted` integer DEFAULT 0 NOT NULL,
	`product` text DEFAULT '' NOT NULL,
	`qty_milli` integer DEFAULT 0 NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `ledger_vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `coop_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_lines_voucher` ON `ledger_voucher_lines` (`voucher_id`);--> statement-breakpoint
CREATE INDEX `ledger_lines_journal` ON `ledger_voucher_lines` (`book_id`,`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_lines_txn` ON `ledger_voucher_lines` (`book_id`,`date`) WHERE product <> '';--> statement-breakpoint
CREATE INDEX `ledger_lines_member` ON `ledger_voucher_lines` (`member_id`) WHERE member_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `ledger_vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`date` text NOT NULL,
	`summary` text NOT NULL,
	`attachments` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`reverses_id` integer,
	`debit_total_fen` integer NOT NULL,
	`preparer_id` integer,
	`preparer_name` text NOT NULL,
	`reviewer_id` integer,
	`reviewer_name` text DEFAULT '' NOT NULL,
	`reviewed_at` text,
	`poster_name` text DEFAULT '' NOT NULL,
	`posted_at` text,
	`ref` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `ledger_books`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_vouchers_number` ON `ledger_vouchers` (`book_id`,`period`,`kind`,`number`);--> statement-breakpoint
CREATE INDEX `ledger_vouchers_pending` ON `ledger_vouchers` (`status`,`book_id`) WHERE status <> 'posted';--> statement-breakpoint
CREATE INDEX `ledger_vouchers_reverses` ON `ledger_vouchers` (`reverses_id`);