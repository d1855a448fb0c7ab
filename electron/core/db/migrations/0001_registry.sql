CREATE TABLE `coop_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`coop_id` integer NOT NULL,
	`household_id` integer,
	`member_org_id` integer,
	`joined_on` text NOT NULL,
	`left_on` text DEFAULT '' NOT NULL,
	`capital_poverty_fen` integer DEFAULT 0 NOT NULL,
	`capital_other_fen` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`coop_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coop_members_coop` ON `coop_members` (`coop_id`);--> statement-breakpoint
CREATE INDEX `coop_members_household` ON `coop_members` (`household_id`);--> statement-breakpoint
CREATE INDEX `coop_members_org` ON `coop_members` (`member_org_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`phone` text DEFAULT '' NOT NULL,
	`township_id` integer,
	`village_id` integer,
	`household_size` integer DEFAULT 1 NOT NULL,
	`land_area_mu100` integer DEFAULT 0 NOT NULL,
	`crops` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`py_full` text DEFAULT '' NOT NULL,
	`py_initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_id_number` ON `households` (`id_number`);--> statement-breakpoint
CREATE INDEX `households_township` ON `households` (`township_id`);--> statement-breakpoint
CREATE INDEX `households_name` ON `households` (`name`);--> statement-breakpoint
CREATE INDEX `households_phone` ON `households` (`phone`);--> statement-breakpoint
CREATE INDEX `households_py_initials` ON `households` (`py_initials`);--> statement-breakpoint
CREATE TABLE `industries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `industries_name_unique` ON `industries` (`name`);--> statement-breakpoint
CREATE TABLE `orgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`credit_code` text,
	`legal_rep` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`township_id` integer,
	`village_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`industries` text DEFAULT '[]' NOT NULL,
	`land_area_mu100` integer DEFAULT 0 NOT NULL,
	`member_count` integer DEFAULT 0 NOT NULL,
	`demo_level` text DEFAULT '' NOT NULL,
	`demo_year` integer,
	`registered_on` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`py_full` text DEFAULT '' NOT NULL,
	`py_initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orgs_credit_code` ON `orgs` (`credit_code`);--> statement-breakpoint
CREATE INDEX `orgs_kind` ON `orgs` (`kind`,`status`);--> statement-breakpoint
CREATE INDEX `orgs_township` ON `orgs` (`township_id`);--> statement-breakpoint
CREATE INDEX `orgs_name` ON `orgs` (`name`);--> statement-breakpoint
CREATE INDEX `orgs_py_initials` ON `orgs` (`py_initials`);--> statement-breakpoint
CREATE TABLE `service_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`township_id` integer,
	`village_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`operator_org_id` integer,
	`operator_name` text DEFAULT '' NOT NULL,
	`opened_on` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_sites_kind` ON `service_sites` (`kind`,`status`);--> statement-breakpoint
CREATE INDEX `service_sites_township` ON `service_sites` (`township_id`);--> statement-breakpoint
CREATE TABLE `union_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`union_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`category` text DEFAULT '会员单位' NOT NULL,
	`joined_on` text NOT NULL,
	`left_on` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`union_id`) REFERENCES `unions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `union_members_union` ON `union_members` (`union_id`);--> statement-breakpoint
CREATE INDEX `union_members_org` ON `union_members` (`org_id`);--> statement-breakpoint
CREATE TABLE `union_townships` (
	`union_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	FOREIGN KEY (`union_id`) REFERENCES `unions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `union_townships_pk` ON `union_townships` (`union_id`,`township_id`);--> statement-breakpoint
CREATE TABLE `unions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`level` text DEFAULT 'county' NOT NULL,
	`name` text NOT NULL,
	`industry` text DEFAULT '' NOT NULL,
	`established_on` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unions_name_unique` ON `unions` (`name`);