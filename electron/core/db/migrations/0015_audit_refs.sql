CREATE TABLE `audit_refs` (
	`audit_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_refs_record` ON `audit_refs` (`entity`,`entity_id`,`audit_id`);--> statement-breakpoint
CREATE INDEX `audit_refs_id` ON `audit_refs` (`entity_id`,`audit_id`);