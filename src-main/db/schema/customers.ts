import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { plans } from './plans';

export const customers = sqliteTable(
  'customers',
  {
    // AUTOINCREMENT: an id is never handed out twice, even after the last row goes.
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountNo: text('account_no').notNull(),
    name: text('name').notNull(),
    /** JSON array of phone numbers, the first is the main one. */
    phones: text('phones').notNull().default('[]'),
    email: text('email'),
    address: text('address').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    idProof: text('id_proof').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['active', 'suspended', 'disconnected', 'archived'] })
      .notNull()
      .default('active'),
    statusChangedAt: text('status_changed_at').notNull(),
    statusReason: text('status_reason').notNull().default(''),
    connectionType: text('connection_type', { enum: ['pppoe', 'static'] }).notNull(),
    pppoeUsername: text('pppoe_username'),
    /** AES-256-GCM ciphertext, see src-main/secrets. */
    pppoePasswordEnc: text('pppoe_password_enc'),
    staticIp: text('static_ip'),
    macAddress: text('mac_address'),
    cpeModel: text('cpe_model').notNull().default(''),
    accessPoint: text('access_point').notNull().default(''),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'restrict' }),
    billingDay: integer('billing_day').notNull().default(1),
    installedOn: text('installed_on'),
    /** The customer's own GSTIN, when they are a registered business (B2B invoices). */
    gstin: text('gstin'),
    /** GST place-of-supply state code; null means the company's own state. */
    placeOfSupply: text('place_of_supply'),
    /** The first day billing may charge for (local date): the later of installed-on and the day added. */
    billingStartOn: text('billing_start_on'),
    /** Postpaid: invoiced by billing runs. Prepaid: buys periods at the counter (a recharge). */
    billingMode: text('billing_mode', { enum: ['postpaid', 'prepaid'] })
      .notNull()
      .default('postpaid'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_account_no_unique').on(t.accountNo),
    uniqueIndex('customers_pppoe_username_unique').on(sql`lower(${t.pppoeUsername})`),
    uniqueIndex('customers_static_ip_unique').on(t.staticIp),
    // The list sorts by these and filters by status: with status in the index a deep page
    // is an index-only walk, never a lookup of every skipped row.
    index('customers_id_status_idx').on(t.id, t.status),
    index('customers_name_idx').on(sql`${t.name} COLLATE NOCASE`, t.status),
    index('customers_access_point_idx').on(t.accessPoint, t.status),
    index('customers_status_idx').on(t.status),
    index('customers_plan_idx').on(t.planId, t.status),
    check('customers_billing_day', sql`${t.billingDay} BETWEEN 1 AND 28`),
  ],
);
