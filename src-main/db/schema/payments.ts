import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { invoices } from './billing';

/**
 * Money received (payments) and paid back (refunds), each with its own gapless number per
 * financial year: a receipt "RCPT/26-27/00042" or a refund voucher "RFD/26-27/0003". Written
 * once with its allocations in the transaction that takes its number; never edited or deleted
 * (triggers in db/guards.ts). A mistake is a reversal (payment_reversals) and a new payment.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['payment', 'refund'] }).notNull(),
    number: text('number').notNull(),
    fy: text('fy').notNull(),
    seq: integer('seq').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** The business date the money changed hands (the day book's day). */
    receivedOn: text('received_on').notNull(),
    method: text('method', { enum: ['cash', 'upi', 'bank', 'card', 'cheque', 'gateway'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** As typed: UPI transaction id, cheque number, gateway reference, bank UTR. */
    reference: text('reference').notNull().default(''),
    /**
     * The reference made comparable (upper case; a cheque's with its bank): one payment per
     * reference, by a unique index, so the same UPI transaction cannot be recorded twice.
     */
    referenceKey: text('reference_key'),
    chequeBank: text('cheque_bank').notNull().default(''),
    chequeDate: text('cheque_date'),
    note: text('note').notNull().default(''),
    /** Refunds: why. */
    reason: text('reason').notNull().default(''),
    source: text('source', { enum: ['counter', 'import', 'recharge'] }).notNull(),
    /** The customer's balance just after it was recorded, as the receipt prints it. */
    balanceAfterMinor: integer('balance_after_minor').notNull(),
    /** JSON: the customer's details as printed on the receipt. */
    snapshot: text('snapshot').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_number_unique').on(t.kind, t.number),
    uniqueIndex('payments_seq_unique').on(t.kind, t.fy, t.seq),
    uniqueIndex('payments_reference_unique')
      .on(t.referenceKey)
      .where(sql`${t.referenceKey} IS NOT NULL`),
    // A customer's payments, and their sum for the balance, over this index alone.
    index('payments_customer_idx').on(t.customerId, t.kind, t.amountMinor),
    index('payments_received_idx').on(t.receivedOn, t.method),
    check('payments_amount_positive', sql`typeof(${t.amountMinor}) = 'integer' AND ${t.amountMinor} > 0`),
  ],
);

/**
 * Where a payment's money went, as a ledger that is only appended to: a positive row puts
 * money on an invoice (at the counter, or later from the customer's credit), a negative row
 * takes it back (a reversal, or a credit note that left an invoice overpaid). A payment's
 * allocated amount and an invoice's paid amount are sums of these rows.
 */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amountMinor: integer('amount_minor').notNull(),
    kind: text('kind', { enum: ['payment', 'credit', 'release', 'reversal'] }).notNull(),
    /** The business date it took effect. */
    on: text('on').notNull(),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_invoice_idx').on(t.invoiceId),
    check(
      'payment_allocations_amount',
      sql`typeof(${t.amountMinor}) = 'integer' AND ${t.amountMinor} != 0 AND ((${t.kind} IN ('payment', 'credit')) = (${t.amountMinor} > 0))`,
    ),
  ],
);

/** A payment undone: at most one per payment (its primary key), never edited. */
export const paymentReversals = sqliteTable('payment_reversals', {
  paymentId: integer('payment_id')
    .primaryKey()
    .references(() => payments.id, { onDelete: 'restrict' }),
  reversedOn: text('reversed_on').notNull(),
  reason: text('reason').notNull(),
  /** A bounced cheque's charge, when the setting adds one. */
  chargeInvoiceId: integer('charge_invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
  createdAt: text('created_at').notNull(),
});

/** A day whose cash was counted: nothing may be dated into it afterwards. */
export const dayCloses = sqliteTable(
  'day_closes',
  {
    day: text('day').primaryKey(),
    openingFloatMinor: integer('opening_float_minor').notNull(),
    cashExpectedMinor: integer('cash_expected_minor').notNull(),
    countedMinor: integer('counted_minor').notNull(),
    /** counted − expected: short is negative. */
    differenceMinor: integer('difference_minor').notNull(),
    note: text('note').notNull().default(''),
    closedAt: text('closed_at').notNull(),
  },
  (t) => [
    check(
      'day_closes_difference',
      sql`${t.differenceMinor} = ${t.countedMinor} - ${t.cashExpectedMinor} AND ${t.openingFloatMinor} >= 0 AND ${t.countedMinor} >= 0`,
    ),
  ],
);

/** A bank's or gateway's statement layout: which column holds what, saved by name. */
export const statementSources = sqliteTable(
  'statement_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** JSON: StatementSource['mapping']. */
    mapping: text('mapping').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('statement_sources_name_unique').on(sql`lower(${t.name})`)],
);

/** One statement file imported. */
export const statementImports = sqliteTable('statement_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceId: integer('source_id').references(() => statementSources.id, { onDelete: 'restrict' }),
  filename: text('filename').notNull(),
  sha256: text('sha256').notNull(),
  jobId: integer('job_id'),
  importedAt: text('imported_at').notNull(),
});

/**
 * Every statement row decided on (recorded as a payment or ignored), by a key that is the
 * same for the same bank row in any file: importing a file again, or one that overlaps,
 * records nothing twice.
 */
export const statementRows = sqliteTable(
  'statement_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => statementImports.id, { onDelete: 'restrict' }),
    rowKey: text('row_key').notNull(),
    on: text('on').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    reference: text('reference').notNull().default(''),
    narration: text('narration').notNull().default(''),
    action: text('action', { enum: ['recorded', 'ignored'] }).notNull(),
    paymentId: integer('payment_id').references(() => payments.id, { onDelete: 'restrict' }),
  },
  (t) => [uniqueIndex('statement_rows_key_unique').on(t.rowKey)],
);

/**
 * Each customer's balance (invoices − credit notes − payments + reversed payments + refunds)
 * and credit (money paid and on no invoice), kept by triggers (db/ledger.ts) in the
 * transaction of every write that moves them: one row read, never a sum over years.
 */
export const customerBalances = sqliteTable('customer_balances', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'restrict' }),
  balanceMinor: integer('balance_minor').notNull().default(0),
  creditMinor: integer('credit_minor').notNull().default(0),
});
