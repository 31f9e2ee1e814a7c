CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_no` text NOT NULL,
	`name` text NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`email` text,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`id_proof` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_changed_at` text NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	`connection_type` text NOT NULL,
	`pppoe_username` text,
	`pppoe_password_enc` text,
	`static_ip` text,
	`mac_address` text,
	`cpe_model` text DEFAULT '' NOT NULL,
	`access_point` text DEFAULT '' NOT NULL,
	`plan_id` integer,
	`billing_day` integer DEFAULT 1 NOT NULL,
	`installed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "customers_billing_day" CHECK("customers"."billing_day" BETWEEN 1 AND 28)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_account_no_unique` ON `customers` (`account_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_pppoe_username_unique` ON `customers` (lower("pppoe_username"));--> statement-breakpoint
CREATE UNIQUE INDEX `customers_static_ip_unique` ON `customers` (`static_ip`);--> statement-breakpoint
CREATE INDEX `customers_id_status_idx` ON `customers` (`id`,`status`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` ("name" COLLATE NOCASE,`status`);--> statement-breakpoint
CREATE INDEX `customers_access_point_idx` ON `customers` (`access_point`,`status`);--> statement-breakpoint
CREATE INDEX `customers_status_idx` ON `customers` (`status`);--> statement-breakpoint
CREATE INDEX `customers_plan_idx` ON `customers` (`plan_id`,`status`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`download_kbps` integer NOT NULL,
	`upload_kbps` integer NOT NULL,
	`burst_download_kbps` integer,
	`burst_upload_kbps` integer,
	`burst_threshold_download_kbps` integer,
	`burst_threshold_upload_kbps` integer,
	`burst_time_sec` integer,
	`price_minor` integer NOT NULL,
	`billing_period` text NOT NULL,
	`tax_rate_bps` integer NOT NULL,
	`data_cap_gb` integer,
	`routeros_profile` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "plans_price_integer" CHECK(typeof("plans"."price_minor") = 'integer' AND "plans"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_name_unique` ON `plans` (lower("name"));--> statement-breakpoint
CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`next_value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`configured` integer DEFAULT false NOT NULL,
	`company_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`locale` text DEFAULT 'en-IN' NOT NULL,
	`state_code` text DEFAULT '' NOT NULL,
	`account_prefix` text DEFAULT 'WD-' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("settings"."id" = 1)
);
