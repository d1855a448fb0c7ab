CREATE TABLE `credit_app_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`name` text NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`sha256` text,
	`file_name` text DEFAULT '' NOT NULL,
	`mime` text DEFAULT '' NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`received_by` text DEFAULT '' NOT NULL,
	`received_at` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `credit_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_app_docs_app` ON `credit_app_docs` (`application_id`,`sort`);--> statement-breakpoint
CREATE TABLE `credit_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` text NOT NULL,
	`subject_key` text NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`product_id` integer NOT NULL,
	`bank` text NOT NULL,
	`township_id` integer,
	`industry` text DEFAULT '' NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`requested_fen` integer,
	`term_months` integer,
	`submitted_on` text DEFAULT '' NOT NULL,
	`decided_on` text DEFAULT '' NOT NULL,
	`granted_fen` integer,
	`rate_bp` integer,
	`decision_note` text DEFAULT '' NOT NULL,
	`withdrawn_on` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `credit_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_applications_no_unique` ON `credit_applications` (`no`);--> statement-breakpoint
CREATE INDEX `credit_applications_subject` ON `credit_applications` (`subject_key`);--> statement-breakpoint
CREATE INDEX `credit_applications_status` ON `credit_applications` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `credit_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`township_id` integer NOT NULL,
	`village_id` integer,
	`bank` text NOT NULL,
	`assessed_on` text NOT NULL,
	`awarded_on` text DEFAULT '' NOT NULL,
	`households` integer DEFAULT 0 NOT NULL,
	`line_fen` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_campaigns_place` ON `credit_campaigns` (`township_id`,`village_id`);--> statement-breakpoint
CREATE TABLE `credit_disbursements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`disbursed_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`due_on` text NOT NULL,
	`repaid_on` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `credit_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_disbursements_on` ON `credit_disbursements` (`disbursed_on`);--> statement-breakpoint
CREATE INDEX `credit_disbursements_app` ON `credit_disbursements` (`application_id`);--> statement-breakpoint
CREATE TABLE `credit_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_key` text NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`evaluator_org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_evaluations_one` ON `credit_evaluations` (`subject_key`,`evaluator_org_id`,`year`);--> statement-breakpoint
CREATE TABLE `credit_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_key` text NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`ends_on` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`amount_fen` integer,
	`source` text DEFAULT '' NOT NULL,
	`entered_by` text NOT NULL,
	`entered_at` text NOT NULL,
	`withdrawn_at` text DEFAULT '' NOT NULL,
	`withdrawn_by` text DEFAULT '' NOT NULL,
	`withdrawn_reason` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_facts_subject` ON `credit_facts` (`subject_key`,`kind`);--> statement-breakpoint
CREATE TABLE `credit_models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_models_version_unique` ON `credit_models` (`version`);--> statement-breakpoint
CREATE TABLE `credit_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`bank` text NOT NULL,
	`kind` text NOT NULL,
	`min_fen` integer NOT NULL,
	`max_fen` integer NOT NULL,
	`term_min_months` integer NOT NULL,
	`term_max_months` integer NOT NULL,
	`rate_min_bp` integer NOT NULL,
	`rate_max_bp` integer NOT NULL,
	`applicant_kinds` text DEFAULT '[]' NOT NULL,
	`min_grade` text DEFAULT '' NOT NULL,
	`industries` text DEFAULT '[]' NOT NULL,
	`documents` text DEFAULT '[]' NOT NULL,
	`online` integer DEFAULT false NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_products_name_unique` ON `credit_products` (`name`);--> statement-breakpoint
CREATE TABLE `credit_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_key` text NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`model_id` integer NOT NULL,
	`model_version` integer NOT NULL,
	`as_of` text NOT NULL,
	`score_x100` integer NOT NULL,
	`computed_grade` text NOT NULL,
	`grade` text NOT NULL,
	`adjust_reason` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`rated_by` text NOT NULL,
	`rated_at` text NOT NULL,
	`approved_by` text DEFAULT '' NOT NULL,
	`approved_at` text DEFAULT '' NOT NULL,
	`inputs` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `credit_models`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_ratings_subject` ON `credit_ratings` (`subject_key`,`id`);