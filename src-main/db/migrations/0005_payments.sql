CREATE TABLE `customer_balances` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`balance_minor` integer DEFAULT 0 NOT NULL,
	`credit_minor` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `day_closes` (
	`day` text PRIMARY KEY NOT NULL,
	`opening_float_minor` integer NOT NULL,
	`cash_expected_minor` integer NOT NULL,
	`counted_minor` integer NOT NULL,
	`difference_minor` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`closed_at` text NOT NULL,
	CONSTRAINT "day_closes_difference" CHECK("day_closes"."difference_minor" = "day_closes"."counted_minor" - "day_closes"."cash_expected_minor" AND "day_closes"."opening_float_minor" >= 0 AND "day_closes"."counted_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "payment_allocations_amount" CHECK(typeof("payment_allocations"."amount_minor") = 'integer' AND "payment_allocations"."amount_minor" != 0 AND (("payment_allocations"."kind" IN ('payment', 'credit')) = ("payment_allocations"."amount_minor" > 0)))
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_payment_idx` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_invoice_idx` ON `payment_allocations` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `payment_reversals` (
	`payment_id` integer PRIMARY KEY NOT NULL,
	`reversed_on` text NOT NULL,
	`reason` text NOT NULL,
	`charge_invoice_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`charge_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`fy` text NOT NULL,
	`seq` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`reference_key` text,
	`cheque_bank` text DEFAULT '' NOT NULL,
	`cheque_date` text,
	`note` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`balance_after_minor` integer NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "payments_amount_positive" CHECK(typeof("payments"."amount_minor") = 'integer' AND "payments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_number_unique` ON `payments` (`kind`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_seq_unique` ON `payments` (`kind`,`fy`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reference_unique` ON `payments` (`reference_key`) WHERE "payments"."reference_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `payments_customer_idx` ON `payments` (`customer_id`,`kind`,`amount_minor`);--> statement-breakpoint
CREATE INDEX `payments_received_idx` ON `payments` (`received_on`,`method`);--> statement-breakpoint
CREATE TABLE `statement_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer,
	`filename` text NOT NULL,
	`sha256` text NOT NULL,
	`job_id` integer,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `statement_sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `statement_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`row_key` text NOT NULL,
	`on` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`narration` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`payment_id` integer,
	FOREIGN KEY (`import_id`) REFERENCES `statement_imports`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_rows_key_unique` ON `statement_rows` (`row_key`);--> statement-breakpoint
CREATE TABLE `statement_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_sources_name_unique` ON `statement_sources` (lower("name"));--> statement-breakpoint
ALTER TABLE `customers` ADD `billing_mode` text DEFAULT 'postpaid' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `receipt_prefix` text DEFAULT 'RCPT/{FY}/' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `receipt_digits` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `refund_prefix` text DEFAULT 'RFD/{FY}/' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `refund_digits` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `receipt_format` text DEFAULT 'a4' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `bounced_cheque_charge_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `suspend_after_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `prepaid_reminder_days` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
CREATE INDEX `invoices_recharge_idx` ON `invoices` (`customer_id`,`period_end`) WHERE "invoices"."source" = 'recharge';