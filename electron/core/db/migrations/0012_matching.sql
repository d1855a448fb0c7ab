CREATE TABLE `catalog_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_categories_name_unique` ON `catalog_categories` (`name`);--> statement-breakpoint
CREATE TABLE `catalog_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`name` text NOT NULL,
	`variety` text DEFAULT '' NOT NULL,
	`base_unit` text NOT NULL,
	`grades` text DEFAULT '[]' NOT NULL,
	`default_unit` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`py_full` text DEFAULT '' NOT NULL,
	`py_initials` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `catalog_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_products_name` ON `catalog_products` (`category_id`,`name`,`variety`);--> statement-breakpoint
CREATE TABLE `catalog_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`name` text NOT NULL,
	`num` integer NOT NULL,
	`den` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `catalog_products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_units_name` ON `catalog_units` (`product_id`,`name`);--> statement-breakpoint
CREATE TABLE `deal_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`date` text NOT NULL,
	`quantity_base` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_deliveries_deal` ON `deal_deliveries` (`deal_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supply_id` integer NOT NULL,
	`demand_id` integer NOT NULL,
	`kind` text NOT NULL,
	`seller_kind` text NOT NULL,
	`seller_id` integer NOT NULL,
	`seller_org_id` integer,
	`seller_household_id` integer,
	`buyer_kind` text NOT NULL,
	`buyer_id` integer NOT NULL,
	`buyer_org_id` integer,
	`buyer_household_id` integer,
	`category_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`grade` text DEFAULT '' NOT NULL,
	`base_unit` text NOT NULL,
	`quantity_base` integer NOT NULL,
	`delivered_base` integer DEFAULT 0 NOT NULL,
	`unit` text NOT NULL,
	`unit_num` integer NOT NULL,
	`unit_den` integer NOT NULL,
	`price_fen` integer NOT NULL,
	`price_unit` text NOT NULL,
	`price_num` integer NOT NULL,
	`price_den` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`delivered_value_fen` integer DEFAULT 0 NOT NULL,
	`signed_on` text NOT NULL,
	`delivery_date` text NOT NULL,
	`event_id` integer,
	`origin_township_id` integer,
	`certifications` text DEFAULT '[]' NOT NULL,
	`score` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`cancelled_on` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`supply_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`demand_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seller_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seller_household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `matching_events`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deals_seller" CHECK((seller_kind = 'org' AND seller_org_id = seller_id AND seller_household_id IS NULL) OR (seller_kind = 'household' AND seller_household_id = seller_id AND seller_org_id IS NULL)),
	CONSTRAINT "deals_buyer" CHECK((buyer_kind = 'org' AND buyer_org_id = buyer_id AND buyer_household_id IS NULL) OR (buyer_kind = 'household' AND buyer_household_id = buyer_id AND buyer_org_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX `deals_supply` ON `deals` (`supply_id`);--> statement-breakpoint
CREATE INDEX `deals_demand` ON `deals` (`demand_id`);--> statement-breakpoint
CREATE INDEX `deals_seller` ON `deals` (`seller_kind`,`seller_id`,`status`);--> statement-breakpoint
CREATE INDEX `deals_buyer` ON `deals` (`buyer_kind`,`buyer_id`,`status`);--> statement-breakpoint
CREATE INDEX `deals_signed` ON `deals` (`signed_on`);--> statement-breakpoint
CREATE INDEX `deals_event` ON `deals` (`event_id`);--> statement-breakpoint
CREATE TABLE `listing_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`listing_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_photos_listing` ON `listing_photos` (`listing_id`);--> statement-breakpoint
CREATE TABLE `listings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`side` text NOT NULL,
	`kind` text NOT NULL,
	`party_kind` text NOT NULL,
	`party_id` integer NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`category_id` integer NOT NULL,
	`product_id` integer,
	`grade` text DEFAULT '' NOT NULL,
	`base_unit` text NOT NULL,
	`quantity_base` integer NOT NULL,
	`committed_base` integer DEFAULT 0 NOT NULL,
	`unit` text NOT NULL,
	`unit_num` integer NOT NULL,
	`unit_den` integer NOT NULL,
	`price_min_fen` integer,
	`price_max_fen` integer,
	`price_unit` text NOT NULL,
	`price_num` integer NOT NULL,
	`price_den` integer NOT NULL,
	`window_from` text NOT NULL,
	`window_to` text NOT NULL,
	`township_id` integer,
	`place` text DEFAULT '' NOT NULL,
	`certifications` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `catalog_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `catalog_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "listings_party" CHECK((party_kind = 'org' AND org_id = party_id AND household_id IS NULL) OR (party_kind = 'household' AND household_id = party_id AND org_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX `listings_match` ON `listings` (`side`,`status`,`category_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `listings_party` ON `listings` (`party_kind`,`party_id`);--> statement-breakpoint
CREATE INDEX `listings_kind` ON `listings` (`kind`,`side`,`status`);--> statement-breakpoint
CREATE TABLE `matching_event_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`party_kind` text NOT NULL,
	`party_id` integer NOT NULL,
	`org_id` integer,
	`household_id` integer,
	`role` text DEFAULT 'other' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `matching_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matching_event_parties_party" CHECK((party_kind = 'org' AND org_id = party_id AND household_id IS NULL) OR (party_kind = 'household' AND household_id = party_id AND org_id IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matching_event_parties_one` ON `matching_event_parties` (`event_id`,`party_kind`,`party_id`);--> statement-breakpoint
CREATE TABLE `matching_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT '产销对接活动' NOT NULL,
	`date` text NOT NULL,
	`township_id` integer,
	`place` text DEFAULT '' NOT NULL,
	`organiser` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
