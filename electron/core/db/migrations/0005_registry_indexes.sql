DROP INDEX `households_name`;--> statement-breakpoint
CREATE INDEX `households_name_place` ON `households` (`name`,`township_id`,`phone`);--> statement-breakpoint
CREATE INDEX `households_py_full` ON `households` (`py_full`);--> statement-breakpoint
DROP INDEX `orgs_name`;--> statement-breakpoint
CREATE INDEX `orgs_name_place` ON `orgs` (`name`,`township_id`,`contact_phone`);