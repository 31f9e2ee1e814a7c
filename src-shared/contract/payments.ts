import { z } from 'zod';
import { ById, Id, IsoDate, Money, RequiredText, SearchQuery, Text, Timestamp, type Channels } from './common';
import { DocumentRow, PdfFile } from './billing';

// Payments and collections: the counter, receipts, allocation to invoices, reversals, refunds,
// prepaid recharges, statements, the day book, bank statement import and dues.
// Amounts are integer minor units. A payment is never edited or deleted: a correction is a
// reversal and a new payment.

export const PAYMENT_METHODS = ['cash', 'upi', 'bank', 'card', 'cheque', 'gateway'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** A payment's or refund's amount: more than zero, at most a crore of crores (10^14 minor units). */
export const PAYMENT_MAX_MINOR = 100_000_000_000_000;
export const PaymentAmount = Money.positive('must be more than zero').max(
  PAYMENT_MAX_MINOR,
  'is too large for one payment',
);

/** A UPI transaction id, cheque number, gateway or bank reference: letters, digits and - _ / . */
export const PaymentReference = Text(60).pipe(
  z.string().regex(/^[A-Za-z0-9._/-]*$/, 'may hold only letters, digits and - _ / .'),
);

/** Where the money goes: oldest open invoice first, or the invoices the operator picked, with amounts. */
export const Allocation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('oldest_first') }),
  z.strictObject({
    kind: z.literal('chosen'),
    invoices: z
      .array(z.strictObject({ invoiceId: Id, amount: PaymentAmount }))
      .min(1, 'pick at least one invoice')
      .max(100),
  }),
]);
export type Allocation = z.input<typeof Allocation>;

export const PaymentInput = z
  .strictObject({
    customerId: Id,
    amount: PaymentAmount,
    method: PaymentMethod,
    /** Today when left out; back-dating only into days not yet closed. */
    receivedOn: IsoDate.nullable().default(null),
    /** UPI transaction id, cheque number, gateway reference, bank UTR: required for UPI, cheque and gateway. */
    reference: PaymentReference.default(''),
    chequeBank: Text(60).default(''),
    chequeDate: IsoDate.nullable().default(null),
    note: Text(200).default(''),
    allocation: Allocation.default({ kind: 'oldest_first' }),
  })
  .superRefine((p, ctx) => {
    if ((p.method === 'upi' || p.method === 'cheque' || p.method === 'gateway') && !p.reference) {
      const what = { upi: 'the UPI transaction id', cheque: 'the cheque number', gateway: "the gateway's reference" };
      ctx.addIssue({ code: 'custom', path: ['reference'], message: `is required: type ${what[p.method]}` });
    }
    if (p.method === 'cheque' && !p.chequeBank) {
      ctx.addIssue({ code: 'custom', path: ['chequeBank'], message: 'is required for a cheque: type the bank' });
    }
    if (p.method !== 'cheque' && (p.chequeBank || p.chequeDate)) {
      ctx.addIssue({ code: 'custom', path: ['chequeBank'], message: 'only a cheque has a bank and a cheque date' });
    }
  });
export type PaymentInput = z.input<typeof PaymentInput>;

export const PaymentAllocationRow = z.object({
  invoiceId: Id,
  number: z.string(),
  issuedOn: IsoDate,
  amount: Money,
  /** Taken at the counter, applied later from credit, or undone by a reversal or a credit note. */
  kind: z.enum(['payment', 'credit', 'release', 'reversal']),
  on: IsoDate,
});

export const PaymentRow = z.object({
  id: Id,
  kind: z.enum(['payment', 'refund']),
  /** "RCPT/26-27/00042" or "RFD/26-27/0003". */
  number: z.string(),
  customerId: Id,
  accountNo: z.string(),
  customerName: z.string(),
  receivedOn: IsoDate,
  method: PaymentMethod,
  amount: Money,
  reference: z.string(),
  /** How much of it is on invoices now; the rest is the customer's credit (not for refunds). */
  allocated: Money,
  source: z.enum(['counter', 'import', 'recharge']),
  reversal: z.object({ on: IsoDate, reason: z.string(), chargeInvoiceId: Id.nullable() }).nullable(),
  note: z.string(),
  createdAt: Timestamp,
});
export type PaymentRow = z.infer<typeof PaymentRow>;

/** A payment or refund in full: what its receipt prints. */
export const PaymentDetail = PaymentRow.extend({
  chequeBank: z.string(),
  chequeDate: IsoDate.nullable(),
  /** Every allocation in order, including later ones (credit applied, reversals). */
  allocations: z.array(PaymentAllocationRow),
  /** The customer's balance just after this payment was recorded: printed on the receipt. */
  balanceAfter: Money,
  /** Refunds: why. */
  reason: z.string(),
  buyer: z.object({ accountNo: z.string(), name: z.string(), address: z.string(), phone: z.string() }),
});
export type PaymentDetail = z.infer<typeof PaymentDetail>;

export const PaymentListInput = z.strictObject({
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  method: PaymentMethod.nullable().default(null),
  kind: z.enum(['payment', 'refund']).nullable().default(null),
  customerId: Id.nullable().default(null),
  /** Part of the receipt number or the reference. */
  search: Text(60).default(''),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PaymentListInput = z.input<typeof PaymentListInput>;

export const PaymentPage = z.object({
  rows: z.array(PaymentRow),
  total: z.number().int(),
  /** Over the whole filtered set: payments not reversed, reversed, refunds. */
  sums: z.object({ received: Money, reversed: Money, refunded: Money }),
});
export type PaymentPage = z.infer<typeof PaymentPage>;

export const ReversalInput = z.strictObject({
  paymentId: Id,
  reason: RequiredText(200),
  /** A bounced cheque: adds the bounced-cheque charge from Settings, when one is set. */
  bounced: z.boolean().default(false),
});
export type ReversalInput = z.input<typeof ReversalInput>;

export const RefundInput = z.strictObject({
  customerId: Id,
  amount: PaymentAmount,
  method: PaymentMethod,
  reference: PaymentReference.default(''),
  reason: RequiredText(200),
});
export type RefundInput = z.input<typeof RefundInput>;

/** Prepaid: a payment that buys one or more periods of a plan, with its paid invoice and receipt. */
export const RechargeInput = z.strictObject({
  customerId: Id,
  /** The customer's plan when left out, or a top-up plan. */
  planId: Id.nullable().default(null),
  periods: z.number().int().min(1).max(24),
  method: PaymentMethod,
  /** What the customer hands over: at least the recharge's total less their credit; more becomes credit. */
  amount: PaymentAmount,
  reference: PaymentReference.default(''),
  chequeBank: Text(60).default(''),
  chequeDate: IsoDate.nullable().default(null),
  note: Text(200).default(''),
});
export type RechargeInput = z.input<typeof RechargeInput>;

export const RechargeQuote = z.object({
  customerId: Id,
  planId: Id,
  planName: z.string(),
  periods: z.number().int(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  total: Money,
  /** The customer's credit used first. */
  credit: Money,
  /** total − credit, never below zero. */
  toPay: Money,
});
export type RechargeQuote = z.infer<typeof RechargeQuote>;

export const CUSTOMER_BILLING_MODES = ['postpaid', 'prepaid'] as const;
export const CustomerBillingMode = z.enum(CUSTOMER_BILLING_MODES);
export type CustomerBillingMode = z.infer<typeof CustomerBillingMode>;

/** The counter's view of one customer: what they owe and what they paid last. */
export const CounterCustomer = z.object({
  customerId: Id,
  accountNo: z.string(),
  name: z.string(),
  phone: z.string(),
  status: z.string(),
  planName: z.string().nullable(),
  billingMode: CustomerBillingMode,
  /** Prepaid: the last day paid for. */
  validUntil: IsoDate.nullable(),
  /** invoices − credit notes − payments + reversed payments + refunds; negative is credit. */
  balance: Money,
  /** Money paid and not on any invoice yet. */
  credit: Money,
  /** Unpaid and partly paid invoices, oldest first. */
  openInvoices: z.array(DocumentRow),
  lastPayments: z.array(PaymentRow),
  /** A recharge of one period of their plan (prepaid customers). */
  recharge: RechargeQuote.nullable(),
});
export type CounterCustomer = z.infer<typeof CounterCustomer>;

export const StatementInput = z.strictObject({
  customerId: Id,
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
});
export type StatementInput = z.input<typeof StatementInput>;

export const StatementEntry = z.object({
  on: IsoDate,
  kind: z.enum(['invoice', 'credit_note', 'payment', 'reversal', 'refund']),
  /** The document's or receipt's number. */
  number: z.string(),
  description: z.string(),
  /** What it adds to the balance (invoices, reversals, refunds) … */
  debit: Money,
  /** … or takes off it (credit notes, payments). */
  credit: Money,
  balance: Money,
  /** The invoice or the payment, to open. */
  documentId: Id.nullable(),
  paymentId: Id.nullable(),
});
export type StatementEntry = z.infer<typeof StatementEntry>;

export const Statement = z.object({
  customerId: Id,
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  from: IsoDate.nullable(),
  to: IsoDate,
  opening: Money,
  entries: z.array(StatementEntry),
  closing: Money,
  debits: Money,
  credits: Money,
});
export type Statement = z.infer<typeof Statement>;

// ---- The day book ----

export const DayBookMethod = z.object({ method: PaymentMethod, count: z.number().int(), amount: Money });

export const DayBook = z.object({
  day: IsoDate,
  /** Payments received that day by method (reversed ones too: money came in; a reversal counts on its own day). */
  byMethod: z.array(DayBookMethod),
  received: Money,
  /** Reversals dated that day (bounced cheques, mistakes), and refunds paid out. */
  reversed: Money,
  refunds: z.array(z.object({ method: PaymentMethod, count: z.number().int(), amount: Money })),
  payments: z.array(PaymentRow),
  openingFloat: Money,
  cashReceived: Money,
  cashRefunded: Money,
  /** Cash reversed that day (a mistaken cash entry taken back). */
  cashReversed: Money,
  /** opening float + cash received − cash refunded − cash reversed. */
  cashExpected: Money,
  /** When the day is closed. */
  close: z.object({ counted: Money, difference: Money, note: z.string(), closedAt: Timestamp }).nullable(),
});
export type DayBook = z.infer<typeof DayBook>;

export const CloseDayInput = z.strictObject({
  day: IsoDate,
  openingFloat: Money.min(0).max(PAYMENT_MAX_MINOR),
  counted: Money.min(0).max(PAYMENT_MAX_MINOR),
  note: Text(200).default(''),
});
export type CloseDayInput = z.input<typeof CloseDayInput>;

// ---- Dues ----

export const AGEING_BUCKETS = ['due_soon', 'd0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export const AgeingBucket = z.enum(AGEING_BUCKETS);
export type AgeingBucket = z.infer<typeof AgeingBucket>;

export const DuesInput = z.strictObject({
  /** "Due soon": invoices falling due in the next N days, and prepaid service ending within them. */
  dueWithinDays: z.number().int().min(0).max(90).default(7),
  bucket: AgeingBucket.nullable().default(null),
  toSuspendOnly: z.boolean().default(false),
  search: SearchQuery.default(''),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type DuesInput = z.input<typeof DuesInput>;

export const DuesRow = z.object({
  customerId: Id,
  accountNo: z.string(),
  name: z.string(),
  phone: z.string(),
  status: z.string(),
  accessPoint: z.string(),
  billingMode: CustomerBillingMode,
  /** Outstanding by bucket (due soon is not yet overdue). */
  dueSoon: Money,
  d0_30: Money,
  d31_60: Money,
  d61_90: Money,
  d90_plus: Money,
  /** Everything outstanding less credit: the customer's balance. */
  balance: Money,
  oldestDueOn: IsoDate.nullable(),
  daysOverdue: z.number().int(),
  validUntil: IsoDate.nullable(),
  /** Overdue past the setting's days, or prepaid service ended, and still active. */
  toSuspend: z.boolean(),
  /** Why: "overdue 45 days", "prepaid ended 3 Nov". */
  toSuspendWhy: z.string(),
});
export type DuesRow = z.infer<typeof DuesRow>;

export const DuesReport = z.object({
  asOf: IsoDate,
  totals: z.object({
    dueSoon: Money,
    d0_30: Money,
    d31_60: Money,
    d61_90: Money,
    d90_plus: Money,
    customers: z.number().int(),
    toSuspend: z.number().int(),
  }),
  rows: z.array(DuesRow),
  /** Rows matching the filters (the page shows some). */
  total: z.number().int(),
});
export type DuesReport = z.infer<typeof DuesReport>;

// ---- Bank and UPI statement import ----

/** Which column of a statement holds what: header names as they appear in the file. */
export const StatementMapping = z
  .strictObject({
    date: RequiredText(80),
    /** Date as written: day first (31/12/2026), month first, or ISO. */
    dateFormat: z.enum(['dmy', 'mdy', 'ymd']).default('dmy'),
    /** One signed amount column, or separate credit (deposit) and debit (withdrawal) columns. */
    amount: Text(80).default(''),
    credit: Text(80).default(''),
    debit: Text(80).default(''),
    reference: Text(80).default(''),
    narration: RequiredText(80),
    payer: Text(80).default(''),
    /** What a matched row is recorded as. */
    method: z.enum(['bank', 'upi', 'gateway']).default('bank'),
    /** Lines before the header row (bank letterheads). */
    skipLines: z.number().int().min(0).max(50).default(0),
  })
  .superRefine((m, ctx) => {
    if (!m.amount && !m.credit) {
      ctx.addIssue({ code: 'custom', path: ['credit'], message: 'name the amount column or the credit column' });
    }
  });
export type StatementMapping = z.input<typeof StatementMapping>;

export const StatementSource = z.object({
  id: Id,
  name: z.string(),
  mapping: z.object({
    date: z.string(),
    dateFormat: z.enum(['dmy', 'mdy', 'ymd']),
    amount: z.string(),
    credit: z.string(),
    debit: z.string(),
    reference: z.string(),
    narration: z.string(),
    payer: z.string(),
    method: z.enum(['bank', 'upi', 'gateway']),
    skipLines: z.number().int(),
  }),
  updatedAt: Timestamp,
});
export type StatementSource = z.infer<typeof StatementSource>;

/** A statement file: base64 of its bytes (UTF-8, UTF-16 with BOM, or Windows-1252 CSV). 10 MB at most. */
export const STATEMENT_MAX_BYTES = 10 * 1024 * 1024;
export const StatementFile = z.strictObject({
  filename: Text(200).default('statement.csv'),
  base64: z.string().max(Math.ceil((STATEMENT_MAX_BYTES * 4) / 3) + 4, 'is larger than 10 MB: split the statement'),
});

export const StatementImportPreviewInput = z.strictObject({
  file: StatementFile,
  /** A saved source's mapping, or one given here (and saved under `sourceName`). */
  sourceId: Id.nullable().default(null),
  mapping: StatementMapping.nullable().default(null),
});
export type StatementImportPreviewInput = z.input<typeof StatementImportPreviewInput>;

export const MATCH_REASONS = ['invoice_number', 'account_number', 'reference', 'phone', 'amount'] as const;

export const StatementRowPreview = z.object({
  /** Stable over re-imports: the same bank row in another file has the same key. */
  key: z.string(),
  /** The file's line number (1-based, header included). */
  line: z.number().int(),
  on: IsoDate,
  amount: Money,
  reference: z.string(),
  narration: z.string(),
  payer: z.string(),
  /** Already recorded by an earlier import or the same reference at the counter: nothing to do. */
  state: z.enum(['new', 'already_imported', 'already_recorded', 'debit']),
  match: z
    .object({
      customerId: Id,
      accountNo: z.string(),
      name: z.string(),
      invoiceIds: z.array(Id),
      reason: z.enum(MATCH_REASONS),
      /** What the operator reads: "INV/26-27/00042 in the narration". */
      why: z.string(),
    })
    .nullable(),
});
export type StatementRowPreview = z.infer<typeof StatementRowPreview>;

export const StatementImportPreview = z.object({
  filename: z.string(),
  sha256: z.string(),
  rows: z.array(StatementRowPreview),
  counts: z.object({
    credits: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    alreadyIn: z.number().int(),
    debits: z.number().int(),
  }),
  /** Lines that could not be read (bad date or amount), with why: shown, never imported. */
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type StatementImportPreview = z.infer<typeof StatementImportPreview>;

export const StatementDecision = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('record'),
    key: z.string().max(100),
    customerId: Id,
    /** Empty: oldest first. */
    invoiceIds: z.array(Id).max(50).default([]),
  }),
  z.strictObject({ action: z.literal('ignore'), key: z.string().max(100) }),
]);
export type StatementDecision = z.input<typeof StatementDecision>;

export const StatementImportCommitInput = z.strictObject({
  file: StatementFile,
  sourceId: Id.nullable().default(null),
  mapping: StatementMapping.nullable().default(null),
  /** Saves the mapping as a source under this name (a bank, a gateway) for next time. */
  saveAs: Text(60).default(''),
  decisions: z.array(StatementDecision).max(100_000),
});
export type StatementImportCommitInput = z.input<typeof StatementImportCommitInput>;

export const StatementImportResult = z.object({
  importId: Id,
  recorded: z.number().int(),
  ignored: z.number().int(),
  alreadyIn: z.number().int(),
  total: Money,
  firstReceipt: z.string().nullable(),
  lastReceipt: z.string().nullable(),
});
export type StatementImportResult = z.infer<typeof StatementImportResult>;

// ---- Receipts and letters ----

export const ReceiptFormat = z.enum(['a4', 'thermal80']);
export type ReceiptFormat = z.infer<typeof ReceiptFormat>;

export const paymentsChannels = {
  /** The counter: a customer's balance, open invoices oldest first and last payments. */
  'payments.counter': { input: z.strictObject({ customerId: Id }), output: CounterCustomer },
  /** Records a payment, its allocations and its receipt number in one transaction. */
  'payments.record': { input: PaymentInput, output: PaymentDetail },
  'payments.list': { input: PaymentListInput, output: PaymentPage },
  'payments.get': { input: ById, output: PaymentDetail },
  /** Undoes a payment (a bounced cheque, a mistake): it stays visible, its allocations are undone. */
  'payments.reverse': { input: ReversalInput, output: PaymentDetail },
  /** Pays back some of a customer's credit. */
  'payments.refund': { input: RefundInput, output: PaymentDetail },
  /** Prepaid or postpaid: prepaid customers buy periods at the counter instead of being invoiced by runs. */
  'payments.setBillingMode': {
    input: z.strictObject({ customerId: Id, mode: CustomerBillingMode }),
    output: CounterCustomer,
  },
  'payments.rechargeQuote': {
    input: z.strictObject({
      customerId: Id,
      planId: Id.nullable().default(null),
      periods: z.number().int().min(1).max(24),
    }),
    output: RechargeQuote,
  },
  /** Issues the paid invoice for the periods and records the payment, its receipt, together. */
  'payments.recharge': {
    input: RechargeInput,
    output: z.object({ payment: PaymentDetail, invoiceId: Id, validUntil: IsoDate }),
  },
  'payments.receiptPdf': { input: z.strictObject({ id: Id, format: ReceiptFormat }), output: PdfFile },
  'payments.statement': { input: StatementInput, output: Statement },
  'payments.statementPdf': { input: StatementInput, output: PdfFile },
  'payments.dayBook': { input: z.strictObject({ day: IsoDate.nullable().default(null) }), output: DayBook },
  /** Records the cash counted and closes the day: nothing can be dated into it afterwards. */
  'payments.closeDay': { input: CloseDayInput, output: DayBook },
  'payments.dayBookPdf': { input: z.strictObject({ day: IsoDate }), output: PdfFile },
  'payments.dues': { input: DuesInput, output: DuesReport },
  'payments.duesCsv': {
    input: DuesInput.omit({ page: true, pageSize: true }),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },
  /** Reminder letters: one customer's, or everyone's in the dues list as filtered. */
  'payments.remindersPdf': {
    input: z
      .strictObject({
        customerIds: z.array(Id).max(100_000).default([]),
        dues: DuesInput.omit({ page: true, pageSize: true }).nullable().default(null),
      })
      .refine((r) => r.customerIds.length > 0 || r.dues !== null, {
        message: 'name the customers, or give the dues list to remind',
        path: ['customerIds'],
      }),
    output: z.object({ filename: z.string(), base64: z.string(), count: z.number().int() }),
  },
  'payments.statementSources': { input: z.strictObject({}), output: z.array(StatementSource) },
  /** Reads a statement and matches its credits, off the UI thread: writes nothing. */
  'payments.importPreview': { input: StatementImportPreviewInput, output: StatementImportPreview },
  /** Records the confirmed rows as payments, in one transaction, as a job; rows already in are skipped. */
  'payments.importCommit': { input: StatementImportCommitInput, output: StatementImportResult },
} satisfies Channels;
