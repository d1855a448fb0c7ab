CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text DEFAULT '' NOT NULL,
	`received_at` text NOT NULL,
	`received_by` text NOT NULL,
	`resolved_at` text DEFAULT '' NOT NULL,
	`resolved_by` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`);--> statement-breakpoint
CREATE INDEX `complaints_request` ON `complaints` (`request_id`);--> statement-breakpoint
CREATE TABLE `contract_plots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`village_id` integer,
	`location` text DEFAULT '' NOT NULL,
	`crop_id` integer NOT NULL,
	`area_mu100` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_plots_contract` ON `contract_plots` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_prices` (
	`contract_id` integer NOT NULL,
	`link_id` integer NOT NULL,
	`crop_id` integer NOT NULL,
	`price_fen` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `link_id`, `crop_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `service_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`org_id` integer,
	`contact_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`crops` text DEFAULT '[]' NOT NULL,
	`townships` text DEFAULT '[]' NOT NULL,
	`machines` text DEFAULT '[]' NOT NULL,
	`capacity_mu100` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`py_initials` text DEFAULT '' NOT NULL,
	`py_full` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_name` ON `providers` (`name`);--> statement-breakpoint
CREATE INDEX `providers_org` ON `providers` (`org_id`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text DEFAULT '' NOT NULL,
	`to_status` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request` ON `request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_links` (
	`request_id` integer NOT NULL,
	`link_id` integer NOT NULL,
	`price_fen` integer,
	`received_on` text DEFAULT '' NOT NULL,
	`done_on` text DEFAULT '' NOT NULL,
	`followed_on` text DEFAULT '' NOT NULL,
	`satisfaction` integer,
	PRIMARY KEY(`request_id`, `link_id`),
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `service_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_links_received` ON `request_links` (`received_on`,`link_id`);--> statement-breakpoint
CREATE INDEX `request_links_done` ON `request_links` (`done_on`,`link_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `request_links_followed` ON `request_links` (`followed_on`,`link_id`,`satisfaction`);--> statement-breakpoint
CREATE TABLE `service_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`household_id` integer,
	`org_id` integer,
	`term` text NOT NULL,
	`model` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`signed_on` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_contracts_code_unique` ON `service_contracts` (`code`);--> statement-breakpoint
CREATE INDEX `service_contracts_household` ON `service_contracts` (`household_id`);--> statement-breakpoint
CREATE INDEX `service_contracts_org` ON `service_contracts` (`org_id`);--> statement-breakpoint
CREATE TABLE `service_crops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_crops_name_unique` ON `service_crops` (`name`);--> statement-breakpoint
CREATE TABLE `service_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`core` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_links_name_unique` ON `service_links` (`name`);--> statement-breakpoint
CREATE TABLE `service_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` integer NOT NULL,
	`crop_id` integer NOT NULL,
	`price_fen` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `service_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_prices_key` ON `service_prices` (`link_id`,`crop_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `service_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`link_id` integer NOT NULL,
	`done_on` text NOT NULL,
	`area_mu100` integer NOT NULL,
	`mu_times100` integer NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`machine` text DEFAULT '' NOT NULL,
	`price_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`subsidy_fen` integer NOT NULL,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`pay_state` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`provider_id` integer,
	`township_id` integer,
	`crop_id` integer,
	`kind` text NOT NULL,
	`contract_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `service_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_records_request` ON `service_records` (`request_id`);--> statement-breakpoint
CREATE INDEX `service_records_contract` ON `service_records` (`contract_id`);--> statement-breakpoint
CREATE INDEX `service_records_stats` ON `service_records` (`done_on`,`kind`,`township_id`,`crop_id`,`link_id`,`provider_id`,`mu_times100`,`fee_fen`,`subsidy_fen`,`paid_fen`);--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`household_id` integer,
	`org_id` integer,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`crop_id` integer,
	`area_mu100` integer DEFAULT 0 NOT NULL,
	`township_id` integer,
	`village_id` integer,
	`location` text DEFAULT '' NOT NULL,
	`wished_from` text DEFAULT '' NOT NULL,
	`wished_to` text DEFAULT '' NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`provider_id` integer,
	`handler_id` integer,
	`contract_id` integer,
	`contract_plot_id` integer,
	`outside_reason` text DEFAULT '' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`satisfaction` integer,
	`follow_comment` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`received_at` text NOT NULL,
	`dispatched_on` text DEFAULT '' NOT NULL,
	`started_on` text DEFAULT '' NOT NULL,
	`done_on` text DEFAULT '' NOT NULL,
	`followed_on` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_plot_id`) REFERENCES `contract_plots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_requests_code_unique` ON `service_requests` (`code`);--> statement-breakpoint
CREATE INDEX `service_requests_status` ON `service_requests` (`status`,`received_on`);--> statement-breakpoint
CREATE INDEX `service_requests_received_at` ON `service_requests` (`received_at`);--> statement-breakpoint
CREATE INDEX `service_requests_township` ON `service_requests` (`township_id`,`status`);--> statement-breakpoint
CREATE INDEX `service_requests_provider` ON `service_requests` (`provider_id`,`status`);--> statement-breakpoint
CREATE INDEX `service_requests_handler` ON `service_requests` (`handler_id`,`status`,`wished_to`,`dispatched_on`);--> statement-breakpoint
CREATE INDEX `service_requests_received` ON `service_requests` (`received_on`,`township_id`,`crop_id`,`provider_id`,`kind`);--> statement-breakpoint
CREATE INDEX `service_requests_done` ON `service_requests` (`done_on`,`received_on`,`township_id`,`crop_id`,`provider_id`,`kind`);--> statement-breakpoint
CREATE INDEX `service_requests_followed` ON `service_requests` (`followed_on`,`satisfaction`,`township_id`,`crop_id`,`provider_id`,`kind`);--> statement-breakpoint
CREATE INDEX `service_requests_household` ON `service_requests` (`household_id`);--> statement-breakpoint
CREATE INDEX `service_requests_org` ON `service_requests` (`org_id`);--> statement-breakpoint
CREATE INDEX `service_requests_contract` ON `service_requests` (`contract_id`);--> statement-breakpoint
CREATE TABLE `service_rollups` (
	`dim` text NOT NULL,
	`month` text NOT NULL,
	`key` text NOT NULL,
	`mu_times100` integer DEFAULT 0 NOT NULL,
	`fee_fen` integer DEFAULT 0 NOT NULL,
	`subsidy_fen` integer DEFAULT 0 NOT NULL,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`records` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`dim`, `month`, `key`)
);
--> statement-breakpoint
CREATE TABLE `subsidy_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`share_bp` integer NOT NULL,
	`cap_fen_per_mu` integer NOT NULL,
	`crop_id` integer,
	`valid_from` text NOT NULL,
	`valid_to` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`crop_id`) REFERENCES `service_crops`(`id`) ON UPDATE no action ON DELETE no action
);
