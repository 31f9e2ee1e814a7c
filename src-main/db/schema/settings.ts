import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The company's own details: one row, id 1. */
export const settings = sqliteTable(
  'settings',
  {
    id: integer('id').primaryKey(),
    configured: integer('configured', { mode: 'boolean' }).notNull().default(false),
    companyName: text('company_name').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    currency: text('currency').notNull().default('INR'),
    locale: text('locale').notNull().default('en-IN'),
    stateCode: text('state_code').notNull().default(''),
    accountPrefix: text('account_prefix').notNull().default('WD-'),
    /** IANA time zone of the office: business dates (billing days, the day book) are local to it. */
    timeZone: text('time_zone').notNull().default(''),
    /** ISO country of the office: phone numbers without a country code are read as this country's. */
    country: text('country').notNull().default('IN'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

/** Counters that only ever go up: account numbers now, invoice numbers later. */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  nextValue: integer('next_value').notNull(),
});
