CREATE TABLE `report_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_key` text NOT NULL,
	`title` text NOT NULL,
	`params` text NOT NULL,
	`period` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content_sha256` text NOT NULL,
	`content_blob` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`parts` integer DEFAULT 0 NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`user_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_exports_created` ON `report_exports` (`created_at`);--> statement-breakpoint
CREATE INDEX `report_exports_key` ON `report_exports` (`report_key`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_prefs` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`preparer` text DEFAULT '' NOT NULL,
	`reviewer` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
