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
    // Billing: how documents are numbered, taxed and printed.
    /** GST (CGST+SGST or IGST), one-rate VAT or sales tax, or none (a Bill of Supply). */
    taxMode: text('tax_mode', { enum: ['gst', 'vat', 'none'] })
      .notNull()
      .default('gst'),
    /** What the one-rate tax is called on documents ("VAT", "Sales tax"). */
    taxLabel: text('tax_label').notNull().default('VAT'),
    /** Plan prices are what the customer pays, tax included. */
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(false),
    /** Totals are rounded to the whole unit, with a "Round off" line. */
    roundOff: integer('round_off', { mode: 'boolean' }).notNull().default(false),
    /** The month a financial year starts (4: April–March). */
    fyStartMonth: integer('fy_start_month').notNull().default(4),
    /** "{FY}" becomes the year's label: INV/{FY}/ gives INV/26-27/00042. */
    invoicePrefix: text('invoice_prefix').notNull().default('INV/{FY}/'),
    invoiceDigits: integer('invoice_digits').notNull().default(5),
    creditNotePrefix: text('credit_note_prefix').notNull().default('CN/{FY}/'),
    creditNoteDigits: integer('credit_note_digits').notNull().default(4),
    dueDays: integer('due_days').notNull().default(7),
    /** In advance (periods that have started) or in arrears (periods that have ended). */
    billingTiming: text('billing_timing', { enum: ['advance', 'arrears'] })
      .notNull()
      .default('advance'),
    /** A mid-period start: its prorated part on its own invoice, or with the next whole period. */
    firstInvoice: text('first_invoice', { enum: ['separate', 'combined'] })
      .notNull()
      .default('separate'),
    /** A suspension within a billed period gets a credit note for the days not served. */
    creditSuspendedDays: integer('credit_suspended_days', { mode: 'boolean' }).notNull().default(true),
    lateFeeMode: text('late_fee_mode', { enum: ['none', 'flat', 'percent'] })
      .notNull()
      .default('none'),
    /** Flat fee in minor units, or percent of the overdue amount in basis points. */
    lateFeeMinor: integer('late_fee_minor').notNull().default(0),
    lateFeeBps: integer('late_fee_bps').notNull().default(0),
    lateFeeGraceDays: integer('late_fee_grace_days').notNull().default(15),
    /** SAC of internet access: 998422. */
    sacCode: text('sac_code').notNull().default('998422'),
    upiId: text('upi_id').notNull().default(''),
    bankDetails: text('bank_details').notNull().default(''),
    paymentInstructions: text('payment_instructions').notNull().default(''),
    invoiceFooter: text('invoice_footer').notNull().default(''),
    // Payments: how receipts are numbered and what collections do.
    receiptPrefix: text('receipt_prefix').notNull().default('RCPT/{FY}/'),
    receiptDigits: integer('receipt_digits').notNull().default(5),
    refundPrefix: text('refund_prefix').notNull().default('RFD/{FY}/'),
    refundDigits: integer('refund_digits').notNull().default(4),
    /** Receipts print on A4 or on an 80 mm thermal roll by default. */
    receiptFormat: text('receipt_format', { enum: ['a4', 'thermal80'] })
      .notNull()
      .default('a4'),
    /** A bounced cheque adds this charge (0: none). */
    bouncedChequeChargeMinor: integer('bounced_cheque_charge_minor').notNull().default(0),
    /** Customers overdue by more than this many days are flagged "to suspend". */
    suspendAfterDays: integer('suspend_after_days').notNull().default(30),
    /** Prepaid customers are reminded this many days before their service ends. */
    prepaidReminderDays: integer('prepaid_reminder_days').notNull().default(3),
    /** images.sha256 of the logo and the signature printed on documents. */
    logoSha256: text('logo_sha256'),
    signatureSha256: text('signature_sha256'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

/** Counters that only ever go up: account numbers now, invoice numbers later. */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  nextValue: integer('next_value').notNull(),
});
