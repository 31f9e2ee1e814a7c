CREATE TABLE `customer_charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`amount_minor` integer DEFAULT 0 NOT NULL,
	`percent_bps` integer,
	`sac_code` text DEFAULT '' NOT NULL,
	`tax_rate_bps` integer DEFAULT 0 NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`billed_invoice_id` integer,
	`cancelled_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "customer_charges_amount" CHECK(typeof("customer_charges"."amount_minor") = 'integer' AND "customer_charges"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `customer_charges_customer_idx` ON `customer_charges` (`customer_id`);--> statement-breakpoint
CREATE TABLE `images` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`sac_code` text DEFAULT '' NOT NULL,
	`span_start` text,
	`span_end` text,
	`quantity` integer DEFAULT 1 NOT NULL,
	`rate_minor` integer NOT NULL,
	`taxable_minor` integer NOT NULL,
	`tax_rate_bps` integer NOT NULL,
	`cgst_minor` integer DEFAULT 0 NOT NULL,
	`sgst_minor` integer DEFAULT 0 NOT NULL,
	`igst_minor` integer DEFAULT 0 NOT NULL,
	`vat_minor` integer DEFAULT 0 NOT NULL,
	`total_minor` integer NOT NULL,
	`plan_id` integer,
	`charge_id` integer,
	`credits_line_id` integer,
	`late_fee_for` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`charge_id`) REFERENCES `customer_charges`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "invoice_lines_total_adds_up" CHECK(typeof("invoice_lines"."total_minor") = 'integer' AND "invoice_lines"."total_minor" = "invoice_lines"."taxable_minor" + "invoice_lines"."cgst_minor" + "invoice_lines"."sgst_minor" + "invoice_lines"."igst_minor" + "invoice_lines"."vat_minor")
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE INDEX `invoice_lines_credits_idx` ON `invoice_lines` (`credits_line_id`) WHERE "invoice_lines"."credits_line_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_late_fee_unique` ON `invoice_lines` (`late_fee_for`) WHERE "invoice_lines"."late_fee_for" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`fy` text NOT NULL,
	`seq` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text,
	`period_start` text,
	`period_end` text,
	`period_key` text,
	`source` text NOT NULL,
	`job_id` integer,
	`invoice_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`taxable_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`round_off_minor` integer DEFAULT 0 NOT NULL,
	`total_minor` integer NOT NULL,
	`credited_minor` integer DEFAULT 0 NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`previous_balance_minor` integer NOT NULL,
	`seller_sha256` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`seller_sha256`) REFERENCES `sellers`(`sha256`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "invoices_total_adds_up" CHECK(typeof("invoices"."total_minor") = 'integer' AND "invoices"."total_minor" = "invoices"."taxable_minor" + "invoices"."tax_minor" + "invoices"."round_off_minor"),
	CONSTRAINT "invoices_credit_within_total" CHECK("invoices"."credited_minor" >= 0 AND "invoices"."credited_minor" <= "invoices"."total_minor")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`kind`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_seq_unique` ON `invoices` (`kind`,`fy`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_period_unique` ON `invoices` (`customer_id`,`period_key`) WHERE "invoices"."kind" = 'invoice' AND "invoices"."period_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`,`kind`,`total_minor`);--> statement-breakpoint
CREATE INDEX `invoices_open_idx` ON `invoices` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `invoices_issued_idx` ON `invoices` (`kind`,`issued_on`);--> statement-breakpoint
CREATE INDEX `invoices_job_idx` ON `invoices` (`job_id`);--> statement-breakpoint
CREATE INDEX `invoices_credits_idx` ON `invoices` (`invoice_id`) WHERE "invoices"."invoice_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `sellers` (
	`sha256` text PRIMARY KEY NOT NULL,
	`details` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `tax_mode` text DEFAULT 'gst' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `tax_label` text DEFAULT 'VAT' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `prices_include_tax` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `round_off` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `fy_start_month` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `invoice_prefix` text DEFAULT 'INV/{FY}/' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `invoice_digits` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `credit_note_prefix` text DEFAULT 'CN/{FY}/' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `credit_note_digits` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `due_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `billing_timing` text DEFAULT 'advance' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `first_invoice` text DEFAULT 'separate' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `credit_suspended_days` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `late_fee_mode` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `late_fee_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `late_fee_bps` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `late_fee_grace_days` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `sac_code` text DEFAULT '998422' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `upi_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `bank_details` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `payment_instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `invoice_footer` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `logo_sha256` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `signature_sha256` text;--> statement-breakpoint
CREATE INDEX `customer_events_kind_idx` ON `customer_events` (`kind`,`customer_id`,`id`);