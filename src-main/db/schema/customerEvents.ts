import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

/**
 * A customer's timeline: status changes with their reason, plan changes with the date they
 * take effect, archive and restore, connection changes, PPPoE password reveals. Append-only.
 * Billing reads plan and status history from here to prorate.
 */
export const customerEvents = sqliteTable(
  'customer_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** The instant it was recorded (UTC ISO). */
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    /** The business date it takes effect, in the office's time zone (plan and status changes). */
    effectiveOn: text('effective_on'),
    reason: text('reason').notNull().default(''),
    /** JSON: what changed, e.g. {"from":"active","to":"suspended"} or {"staticIp":["10.0.0.5",null]}. */
    details: text('details').notNull().default('{}'),
  },
  (t) => [
    index('customer_events_customer_idx').on(t.customerId, t.id),
    // Billing reads status and plan changes of everyone at once.
    index('customer_events_kind_idx').on(t.kind, t.customerId, t.id),
  ],
);
