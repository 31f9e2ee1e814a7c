import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    downloadKbps: integer('download_kbps').notNull(),
    uploadKbps: integer('upload_kbps').notNull(),
    burstDownloadKbps: integer('burst_download_kbps'),
    burstUploadKbps: integer('burst_upload_kbps'),
    burstThresholdDownloadKbps: integer('burst_threshold_download_kbps'),
    burstThresholdUploadKbps: integer('burst_threshold_upload_kbps'),
    burstTimeSec: integer('burst_time_sec'),
    priceMinor: integer('price_minor').notNull(),
    billingPeriod: text('billing_period', { enum: ['monthly', 'quarterly', 'half_yearly', 'yearly'] }).notNull(),
    taxRateBps: integer('tax_rate_bps').notNull(),
    dataCapGb: integer('data_cap_gb'),
    routerosProfile: text('routeros_profile').notNull().default(''),
    description: text('description').notNull().default(''),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('plans_name_unique').on(sql`lower(${t.name})`),
    check('plans_price_integer', sql`typeof(${t.priceMinor}) = 'integer' AND ${t.priceMinor} >= 0`),
  ],
);
