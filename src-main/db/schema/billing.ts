import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, blob } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { plans } from './plans';

/**
 * Issued documents: tax invoices and credit notes, one table so a customer's ledger is one
 * ordered list (payments join it in the next issue). A row is written once, with its lines, in
 * the transaction that takes its number, and never edited afterwards except for the running
 * totals of what credit notes (and later payments) took off it and the status that follows.
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    /** As printed: "INV/26-27/00042". */
    number: text('number').notNull(),
    /** Financial year label ("2026-27") and the consecutive number within it and the kind. */
    fy: text('fy').notNull(),
    seq: integer('seq').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    issuedOn: text('issued_on').notNull(),
    /** Invoices only. */
    dueOn: text('due_on'),
    /** The service period the document covers, as printed. */
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    /**
     * The start of the whole service period this invoice charges the plan for, when a billing run
     * made it: one per customer and period, enforced by a unique index.
     */
    periodKey: text('period_key'),
    /** What made it: a billing run, a status or plan change, a charge billed at once, a credit. */
    source: text('source', { enum: ['run', 'change', 'charge', 'credit', 'recharge'] }).notNull(),
    /** The billing run's job id. */
    jobId: integer('job_id'),
    /** Credit notes: the invoice they reduce. */
    invoiceId: integer('invoice_id'),
    reason: text('reason').notNull().default(''),
    taxableMinor: integer('taxable_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    roundOffMinor: integer('round_off_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull(),
    /** Invoices: what credit notes took off. */
    creditedMinor: integer('credited_minor').notNull().default(0),
    /** Invoices: what payments settled (the payments issue writes it). */
    paidMinor: integer('paid_minor').notNull().default(0),
    status: text('status', { enum: ['unpaid', 'partly_paid', 'paid', 'cancelled', 'issued'] }).notNull(),
    /** The customer's balance just before this document: printed as "previous balance". */
    previousBalanceMinor: integer('previous_balance_minor').notNull(),
    /** The company's details as issued (one row serves every document issued with them). */
    sellerSha256: text('seller_sha256')
      .notNull()
      .references(() => sellers.sha256, { onDelete: 'restrict' }),
    /** JSON: the buyer's details, tax mode and labels as issued (DocumentParties without the seller). */
    snapshot: text('snapshot').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.kind, t.number),
    uniqueIndex('invoices_seq_unique').on(t.kind, t.fy, t.seq),
    uniqueIndex('invoices_period_unique')
      .on(t.customerId, t.periodKey)
      .where(sql`${t.kind} = 'invoice' AND ${t.periodKey} IS NOT NULL`),
    // A customer's documents, and their balance as a sum over this index alone.
    index('invoices_customer_idx').on(t.customerId, t.kind, t.totalMinor),
    index('invoices_open_idx').on(t.status, t.dueOn),
    index('invoices_issued_idx').on(t.kind, t.issuedOn),
    index('invoices_job_idx').on(t.jobId),
    // Prepaid customers' paid-for periods: valid until the latest end.
    index('invoices_recharge_idx')
      .on(t.customerId, t.periodEnd)
      .where(sql`${t.source} = 'recharge'`),
    // Partial: the rows a run writes (no invoice_id) cost these indexes nothing.
    index('invoices_credits_idx')
      .on(t.invoiceId)
      .where(sql`${t.invoiceId} IS NOT NULL`),
    check(
      'invoices_total_adds_up',
      sql`typeof(${t.totalMinor}) = 'integer' AND ${t.totalMinor} = ${t.taxableMinor} + ${t.taxMinor} + ${t.roundOffMinor}`,
    ),
    check('invoices_credit_within_total', sql`${t.creditedMinor} >= 0 AND ${t.creditedMinor} <= ${t.totalMinor}`),
  ],
);

/** A document's lines. A credit note's lines point at the invoice lines they reduce. */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['plan', 'addon', 'one_time', 'discount', 'late_fee'] }).notNull(),
    description: text('description').notNull(),
    /** SAC (services) or HSN (goods) code as issued. */
    sacCode: text('sac_code').notNull().default(''),
    /** The days this line charges for (plan, add-ons, discounts). */
    spanStart: text('span_start'),
    spanEnd: text('span_end'),
    quantity: integer('quantity').notNull().default(1),
    /** Price of one unit as listed (before proration), tax-exclusive unless prices include tax. */
    rateMinor: integer('rate_minor').notNull(),
    taxableMinor: integer('taxable_minor').notNull(),
    taxRateBps: integer('tax_rate_bps').notNull(),
    cgstMinor: integer('cgst_minor').notNull().default(0),
    sgstMinor: integer('sgst_minor').notNull().default(0),
    igstMinor: integer('igst_minor').notNull().default(0),
    /** VAT or sales tax in the one-rate mode. */
    vatMinor: integer('vat_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull(),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'restrict' }),
    chargeId: integer('charge_id').references(() => customerCharges.id, { onDelete: 'restrict' }),
    /** Credit note lines: the invoice line reduced. */
    creditsLineId: integer('credits_line_id'),
    /** Late-fee lines: the overdue invoice; at most one late fee per invoice (unique index). */
    lateFeeFor: integer('late_fee_for'),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId, t.position),
    index('invoice_lines_credits_idx')
      .on(t.creditsLineId)
      .where(sql`${t.creditsLineId} IS NOT NULL`),
    uniqueIndex('invoice_lines_late_fee_unique')
      .on(t.lateFeeFor)
      .where(sql`${t.lateFeeFor} IS NOT NULL`),
    check(
      'invoice_lines_total_adds_up',
      sql`typeof(${t.totalMinor}) = 'integer' AND ${t.totalMinor} = ${t.taxableMinor} + ${t.cgstMinor} + ${t.sgstMinor} + ${t.igstMinor} + ${t.vatMinor}`,
    ),
  ],
);

/**
 * What a customer is charged beyond the plan: a one-time charge (installation, a router),
 * a recurring add-on (a static IP fee) or a discount (fixed or percent of the plan, until an
 * optional end date). Cancelled charges are kept, with when.
 */
export const customerCharges = sqliteTable(
  'customer_charges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['one_time', 'addon', 'discount'] }).notNull(),
    description: text('description').notNull(),
    /** One-time and add-on price per period, or a fixed discount per period. */
    amountMinor: integer('amount_minor').notNull().default(0),
    /** A percent discount of the plan line, in basis points (10% = 1000). */
    percentBps: integer('percent_bps'),
    sacCode: text('sac_code').notNull().default(''),
    taxRateBps: integer('tax_rate_bps').notNull().default(0),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    /** One-time charges: the invoice that billed it. */
    billedInvoiceId: integer('billed_invoice_id'),
    cancelledAt: text('cancelled_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('customer_charges_customer_idx').on(t.customerId),
    check('customer_charges_amount', sql`typeof(${t.amountMinor}) = 'integer' AND ${t.amountMinor} >= 0`),
  ],
);

/**
 * The company's details as printed on documents (name, address, GSTIN, bank details…), by the
 * hash of their JSON: a run of 50,000 invoices stores them once, and a later change of settings
 * adds a row without touching what earlier documents printed.
 */
export const sellers = sqliteTable('sellers', {
  sha256: text('sha256').primaryKey(),
  details: text('details').notNull(),
});

/** Images the company prints (logo, signature), by content hash: a document names the one it used. */
export const images = sqliteTable('images', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});
