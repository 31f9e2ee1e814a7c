CREATE TABLE `customer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`effective_on` text,
	`reason` text DEFAULT '' NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `customer_events_customer_idx` ON `customer_events` (`customer_id`,`id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`progress_done` integer DEFAULT 0 NOT NULL,
	`progress_total` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error_code` text,
	`error_message` text,
	`error_details` text,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `gstin` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `place_of_supply` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `billing_start_on` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `time_zone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `country` text DEFAULT 'IN' NOT NULL;--> statement-breakpoint
-- Customers already on file start billing from the later of their installation and the day they were added.
UPDATE `customers` SET `billing_start_on` = max(coalesce(`installed_on`, ''), date(`created_at`, 'localtime'));
