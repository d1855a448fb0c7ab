CREATE TABLE `indicator_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`value_x100` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`entered_by` text NOT NULL,
	`entered_at` text NOT NULL,
	`withdrawn_at` text DEFAULT '' NOT NULL,
	`withdrawn_by` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_entries_period` ON `indicator_entries` (`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicator_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`value_x100` integer,
	`computed_x100` integer,
	`manual_x100` integer,
	`basis` text NOT NULL,
	`how` text DEFAULT '' NOT NULL,
	`year_target_x100` integer,
	`target2027_x100` integer,
	`trigger` text NOT NULL,
	`taken_at` text NOT NULL,
	`taken_by` text NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_snapshots_pk` ON `indicator_snapshots` (`indicator_id`,`period`);--> statement-breakpoint
CREATE INDEX `indicator_snapshots_period` ON `indicator_snapshots` (`period`);--> statement-breakpoint
CREATE TABLE `indicator_year_targets` (
	`indicator_id` integer NOT NULL,
	`year` integer NOT NULL,
	`value_x100` integer NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_year_targets_pk` ON `indicator_year_targets` (`indicator_id`,`year`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`decimals` integer DEFAULT 0 NOT NULL,
	`target2024_x100` integer,
	`target2027_x100` integer NOT NULL,
	`source` text DEFAULT 'added' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_no_unique` ON `indicators` (`no`);--> statement-breakpoint
CREATE TABLE `task_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `task_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_files_report` ON `task_files` (`report_id`);--> statement-breakpoint
CREATE INDEX `task_files_task` ON `task_files` (`task_id`);--> statement-breakpoint
CREATE TABLE `task_indicators` (
	`task_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_indicators_pk` ON `task_indicators` (`task_id`,`indicator_id`);--> statement-breakpoint
CREATE INDEX `task_indicators_indicator` ON `task_indicators` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `task_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text DEFAULT '' NOT NULL,
	`done_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_milestones_task` ON `task_milestones` (`task_id`);--> statement-breakpoint
CREATE INDEX `task_milestones_due` ON `task_milestones` (`due_on`);--> statement-breakpoint
CREATE TABLE `task_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`reported_on` text NOT NULL,
	`period_kind` text NOT NULL,
	`period` text NOT NULL,
	`text` text NOT NULL,
	`figures` text DEFAULT '[]' NOT NULL,
	`progress` integer,
	`reporter_id` integer,
	`reporter_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_reports_task` ON `task_reports` (`task_id`,`reported_on`);--> statement-breakpoint
CREATE INDEX `task_reports_created` ON `task_reports` (`created_at`);--> statement-breakpoint
CREATE TABLE `task_unit_links` (
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `task_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_unit_links_pk` ON `task_unit_links` (`task_id`,`role`,`unit_id`);--> statement-breakpoint
CREATE INDEX `task_unit_links_unit` ON `task_unit_links` (`unit_id`);--> statement-breakpoint
CREATE TABLE `task_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT '县级部门' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_units_name_unique` ON `task_units` (`name`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`no` integer NOT NULL,
	`area` text NOT NULL,
	`item` text NOT NULL,
	`text` text NOT NULL,
	`owner_id` integer,
	`start_on` text DEFAULT '' NOT NULL,
	`due_on` text DEFAULT '' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`held` integer DEFAULT false NOT NULL,
	`hold_reason` text DEFAULT '' NOT NULL,
	`completed_on` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'added' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_no_unique` ON `tasks` (`no`);--> statement-breakpoint
CREATE INDEX `tasks_owner` ON `tasks` (`owner_id`);--> statement-breakpoint
CREATE INDEX `tasks_due` ON `tasks` (`due_on`);--> statement-breakpoint
CREATE TABLE `tasks_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
