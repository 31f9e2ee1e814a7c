import { z } from 'zod';
import { ById, Id, IsoDate, Money, NonNegativeMoney, RequiredText, Text, Timestamp, type Channels } from './common';

// Billing: runs that issue invoices, credit notes, charges beyond the plan, and the documents.
// Amounts are integer minor units; rates are basis points (18% = 1800).

/** A tax rate in basis points: 0–100%. */
export const RateBps = z.number().int().min(0).max(10_000);
/** SAC (services) or HSN (goods) code: 4–8 digits, or empty. */
export const SacCode = z.union([z.literal(''), z.string().regex(/^\d{4,8}$/, 'must be a 4–8 digit SAC or HSN code')]);
/** A run date: within a century of today, so a typo like 2206 is refused rather than billed. */
export const RunDate = IsoDate.refine(
  (d) => d >= '2000-01-01' && d <= '2099-12-31',
  'must be a date between 2000 and 2099',
);

export const BillingScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('accessPoint'), accessPoint: RequiredText(80) }),
  z.strictObject({ kind: z.literal('plan'), planId: Id }),
  z.strictObject({ kind: z.literal('customer'), customerId: Id }),
]);
export type BillingScope = z.infer<typeof BillingScope>;

export const BillingRunInput = z.strictObject({ asOf: RunDate, scope: BillingScope });
export type BillingRunInput = z.infer<typeof BillingRunInput>;

export const LINE_KINDS = ['plan', 'addon', 'one_time', 'discount', 'late_fee'] as const;
export const LineKind = z.enum(LINE_KINDS);
export type LineKind = z.infer<typeof LineKind>;

/** One line as computed or issued: taxable + its taxes = total. */
export const DocumentLine = z.object({
  kind: LineKind,
  description: z.string(),
  sacCode: z.string(),
  spanStart: IsoDate.nullable(),
  spanEnd: IsoDate.nullable(),
  quantity: z.number().int(),
  /** The unit price as listed, before proration (tax-inclusive when prices include tax). */
  rate: Money,
  taxable: Money,
  taxRateBps: z.number().int(),
  cgst: Money,
  sgst: Money,
  igst: Money,
  vat: Money,
  total: Money,
});
export type DocumentLine = z.infer<typeof DocumentLine>;

export const PREVIEW_PROBLEMS = ['no_plan', 'retired_plan', 'zero_price', 'no_place_of_supply'] as const;
export const PreviewWarning = z.object({
  customerId: Id,
  accountNo: z.string(),
  name: z.string(),
  problem: z.enum(PREVIEW_PROBLEMS),
  message: z.string(),
});
export type PreviewWarning = z.infer<typeof PreviewWarning>;

/** One invoice the run would issue. */
export const PreviewInvoice = z.object({
  customerId: Id,
  accountNo: z.string(),
  name: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** A period before the one the run date falls in: a missed period caught up. */
  catchUp: z.boolean(),
  lines: z.array(DocumentLine),
  taxable: Money,
  tax: Money,
  roundOff: Money,
  total: Money,
});
export type PreviewInvoice = z.infer<typeof PreviewInvoice>;

export const TaxRateTotal = z.object({ taxRateBps: z.number().int(), taxable: Money, tax: Money, total: Money });

export const BillingPreview = z.object({
  asOf: IsoDate,
  customers: z.number().int(),
  invoiceCount: z.number().int(),
  catchUpCount: z.number().int(),
  taxable: Money,
  tax: Money,
  total: Money,
  byRate: z.array(TaxRateTotal),
  warnings: z.array(PreviewWarning),
  /** The first invoices (at most PREVIEW_SHOWN); the counts and totals cover all. */
  invoices: z.array(PreviewInvoice),
});
export type BillingPreview = z.infer<typeof BillingPreview>;
export const PREVIEW_SHOWN = 500;

export const BillingRunResult = z.object({
  jobId: Id.nullable(),
  asOf: IsoDate,
  invoiceCount: z.number().int(),
  customers: z.number().int(),
  total: Money,
  /** "INV/26-27/00042", or null when there was nothing to bill. */
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
});
export type BillingRunResult = z.infer<typeof BillingRunResult>;

export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const INVOICE_STATUSES = ['unpaid', 'partly_paid', 'paid', 'cancelled'] as const;
export const DocumentStatus = z.enum([...INVOICE_STATUSES, 'issued']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const TAX_MODES = ['gst', 'vat', 'none'] as const;
export const TaxMode = z.enum(TAX_MODES);
export type TaxMode = z.infer<typeof TaxMode>;

/** The seller's and buyer's details as they were when the document was issued. */
export const DocumentParties = z.object({
  seller: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    taxId: z.string(),
    stateCode: z.string(),
    stateName: z.string(),
    upiId: z.string(),
    bankDetails: z.string(),
    paymentInstructions: z.string(),
    footer: z.string(),
    logoSha256: z.string().nullable(),
    signatureSha256: z.string().nullable(),
  }),
  buyer: z.object({
    accountNo: z.string(),
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    gstin: z.string(),
    placeOfSupply: z.string(),
    placeOfSupplyName: z.string(),
  }),
  tax: z.object({
    mode: TaxMode,
    /** "GST", "VAT", "Sales tax". */
    label: z.string(),
    /** GST: seller and place of supply in one state (CGST + SGST), else IGST. */
    intraState: z.boolean(),
    pricesIncludeTax: z.boolean(),
  }),
  currency: z.string(),
  locale: z.string(),
});
export type DocumentParties = z.infer<typeof DocumentParties>;

/** A row of the Invoices list. */
export const DocumentRow = z.object({
  id: Id,
  kind: DocumentKind,
  number: z.string(),
  customerId: Id,
  accountNo: z.string(),
  customerName: z.string(),
  issuedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  periodStart: IsoDate.nullable(),
  periodEnd: IsoDate.nullable(),
  taxable: Money,
  tax: Money,
  total: Money,
  credited: Money,
  paid: Money,
  /** What is left to pay on an invoice: total − credited − paid. */
  outstanding: Money,
  status: DocumentStatus,
});
export type DocumentRow = z.infer<typeof DocumentRow>;

/** An issued invoice or credit note in full: what its PDF prints. */
export const IssuedDocument = DocumentRow.extend({
  fy: z.string(),
  source: z.enum(['run', 'change', 'charge', 'credit', 'recharge']),
  reason: z.string(),
  roundOff: Money,
  previousBalance: Money,
  /** previous balance + this document's total (a credit note's counts negative). */
  amountDue: Money,
  parties: DocumentParties,
  /** Each line with how much of its taxable value credit notes have taken off (invoices). */
  lines: z.array(DocumentLine.extend({ id: Id, creditedTaxable: Money })),
  /** Credit notes: the invoice reduced. */
  creditsInvoice: z.object({ id: Id, number: z.string(), issuedOn: IsoDate }).nullable(),
  /** Invoices: the credit notes against it. */
  creditNotes: z.array(z.object({ id: Id, number: z.string(), issuedOn: IsoDate, total: Money, reason: z.string() })),
  createdAt: Timestamp,
});
export type IssuedDocument = z.infer<typeof IssuedDocument>;

export const DocumentListInput = z.strictObject({
  kind: DocumentKind.nullable().default(null),
  /** Issued on or after / on or before. */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  status: DocumentStatus.nullable().default(null),
  customerId: Id.nullable().default(null),
  /** Part of the number, e.g. "00042" or "26-27/0004". */
  number: Text(40).default(''),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type DocumentListInput = z.input<typeof DocumentListInput>;

export const DocumentPage = z.object({
  rows: z.array(DocumentRow),
  total: z.number().int(),
  /** Totals over the whole filtered set, not only this page (credit notes count negative). */
  sums: z.object({ taxable: Money, tax: Money, total: Money, outstanding: Money }),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const CreditNoteInput = z.strictObject({
  invoiceId: Id,
  reason: RequiredText(200),
  /** The whole of what is left (cancels the invoice), or chosen lines by their taxable amount. */
  amount: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('rest') }),
    z.strictObject({
      kind: z.literal('lines'),
      lines: z
        .array(z.strictObject({ lineId: Id, taxable: Money.positive('must be more than zero') }))
        .min(1)
        .max(50),
    }),
  ]),
});
export type CreditNoteInput = z.input<typeof CreditNoteInput>;

export const CHARGE_KINDS = ['one_time', 'addon', 'discount'] as const;
export const ChargeKind = z.enum(CHARGE_KINDS);
export type ChargeKind = z.infer<typeof ChargeKind>;

export const ChargeInput = z
  .strictObject({
    customerId: Id,
    kind: ChargeKind,
    description: RequiredText(120),
    /** One-time price, add-on price per period, or a fixed discount per period. */
    amount: NonNegativeMoney.default(0),
    /** A percent discount of the plan line (basis points); null for a fixed one. */
    percentBps: RateBps.positive().nullable().default(null),
    sacCode: SacCode.default(''),
    taxRateBps: RateBps.default(1800),
    startsOn: IsoDate.nullable().default(null),
    endsOn: IsoDate.nullable().default(null),
    /** One-time: an invoice now, instead of a line on the next invoice. */
    billNow: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== 'discount' && c.percentBps !== null) {
      ctx.addIssue({ code: 'custom', path: ['percentBps'], message: 'only a discount can be a percent' });
    }
    if (c.percentBps === null && c.amount === 0) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be more than zero' });
    }
    if (c.billNow && c.kind !== 'one_time') {
      ctx.addIssue({ code: 'custom', path: ['billNow'], message: 'only a one-time charge can be billed at once' });
    }
    if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before the start' });
    }
  });
export type ChargeInput = z.input<typeof ChargeInput>;

export const Charge = z.object({
  id: Id,
  customerId: Id,
  kind: ChargeKind,
  description: z.string(),
  amount: Money,
  percentBps: z.number().int().nullable(),
  sacCode: z.string(),
  taxRateBps: z.number().int(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  /** One-time: the invoice that billed it. */
  billedInvoice: z.object({ id: Id, number: z.string() }).nullable(),
  cancelledAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Charge = z.infer<typeof Charge>;

export const PlanChangeInput = z.strictObject({
  customerId: Id,
  planId: Id,
  /** Now: a credit note for the old plan's unused days and an invoice for the new plan's rest. */
  when: z.enum(['now', 'next_period']),
});
export type PlanChangeInput = z.input<typeof PlanChangeInput>;

/** The Billing tab of a customer. */
export const CustomerBilling = z.object({
  customerId: Id,
  /** Invoices − credit notes − payments + reversed payments + refunds: what the customer owes; negative is credit. */
  balance: Money,
  documents: z.array(DocumentRow),
  /** More documents than shown: the Invoices page filtered by customer has them all. */
  documentCount: z.number().int(),
  charges: z.array(Charge),
  /** What the next run would bill this customer, if anything. */
  upcoming: z
    .object({
      periodStart: IsoDate,
      periodEnd: IsoDate,
      billsOn: IsoDate,
      lines: z.array(DocumentLine),
      total: Money,
    })
    .nullable(),
});
export type CustomerBilling = z.infer<typeof CustomerBilling>;

export const PdfFile = z.object({ filename: z.string(), base64: z.string() });
export type PdfFile = z.infer<typeof PdfFile>;

export const billingChannels = {
  /** What a run as of a date would issue: off the UI thread, writes nothing. */
  'billing.preview': { input: BillingRunInput, output: BillingPreview },
  /** Issues the run's invoices in one transaction, as a job. Running the same date again issues nothing. */
  'billing.run': { input: BillingRunInput, output: BillingRunResult },
  'billing.documents': { input: DocumentListInput, output: DocumentPage },
  'billing.document': { input: ById, output: IssuedDocument },
  'billing.creditNote': { input: CreditNoteInput, output: IssuedDocument },
  'billing.customer': { input: z.strictObject({ customerId: Id }), output: CustomerBilling },
  'billing.addCharge': {
    input: ChargeInput,
    output: z.object({ charge: Charge, invoice: IssuedDocument.nullable() }),
  },
  'billing.cancelCharge': { input: ById, output: Charge },
  'billing.changePlan': {
    input: PlanChangeInput,
    output: z.object({ creditNote: IssuedDocument.nullable(), invoice: IssuedDocument.nullable() }),
  },
  /** One document as a PDF. */
  'billing.pdf': { input: ById, output: PdfFile },
  /** A billing run's invoices (or chosen ones) as one PDF for the printer, or a ZIP of one PDF each: a job. */
  'billing.printBatch': {
    input: z.strictObject({
      jobId: Id.nullable().default(null),
      ids: z.array(Id).max(100_000).default([]),
      format: z.enum(['pdf', 'zip']),
    }),
    output: z.object({ filename: z.string(), base64: z.string(), count: z.number().int() }),
  },
} satisfies Channels;
