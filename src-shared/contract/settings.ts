import { z } from 'zod';
import { isTimeZone, machineTimeZone } from '../dates';
import { isPhoneCountry } from '../phones';
import { Address, Empty, LongText, NonNegativeMoney, RequiredText, Text, type Channels } from './common';

const currencies = new Set(Intl.supportedValuesOf('currency'));

export { GSTIN_PATTERN } from '../gstin';

/** GST rule 46: an invoice number has at most 16 characters. */
export const DOCUMENT_NUMBER_MAX = 16;

/** "INV/{FY}/" + 42 → "INV/26-27/00042": the financial year's label (short form) and the zero-padded number. */
export function documentNumber(prefix: string, fyLabel: string, seq: number, digits: number): string {
  const fy = /^\d{4}-\d{2}$/.test(fyLabel) ? fyLabel.slice(2) : fyLabel;
  return prefix.replaceAll('{FY}', fy) + String(seq).padStart(digits, '0');
}

const DocumentPrefix = z
  .string()
  .max(16, 'is too long: GST allows 16 characters for the whole number')
  .regex(/^[A-Za-z0-9/{}-]*$/, 'may hold only letters, digits, / and - (GST rule 46), and {FY} for the year')
  .refine((p) => !/[{}]/.test(p.replaceAll('{FY}', '')), 'may use braces only as {FY}, which becomes the year');

/** A late fee above a quarter of what is overdue is a typo, not a policy. */
export const LATE_FEE_MAX_BPS = 2_500;

/** How documents are numbered, taxed and printed (a company setting each). */
const billingSettings = {
  taxMode: z.enum(['gst', 'vat', 'none']).default('gst'),
  /** What the one-rate tax is called ("VAT", "Sales tax"). */
  taxLabel: Text(20).default('VAT'),
  pricesIncludeTax: z.boolean().default(false),
  roundOff: z.boolean().default(false),
  fyStartMonth: z.number().int().min(1).max(12).default(4),
  invoicePrefix: DocumentPrefix.default('INV/{FY}/'),
  invoiceDigits: z.number().int().min(3).max(8).default(5),
  creditNotePrefix: DocumentPrefix.default('CN/{FY}/'),
  creditNoteDigits: z.number().int().min(3).max(8).default(4),
  dueDays: z.number().int().min(0).max(365).default(7),
  billingTiming: z.enum(['advance', 'arrears']).default('advance'),
  firstInvoice: z.enum(['separate', 'combined']).default('separate'),
  creditSuspendedDays: z.boolean().default(true),
  lateFeeMode: z.enum(['none', 'flat', 'percent']).default('none'),
  lateFeeMinor: NonNegativeMoney.max(100_000_000).default(0),
  lateFeeBps: z.number().int().min(0).max(10_000).default(0),
  lateFeeGraceDays: z.number().int().min(0).max(365).default(15),
  sacCode: z.union([z.literal(''), z.string().regex(/^\d{4,8}$/, 'must be a 4–8 digit SAC code')]).default('998422'),
  /** UPI id (VPA) for the QR code on invoices, e.g. skynet@okaxis. */
  upiId: z
    .union([
      z.literal(''),
      z
        .string()
        .max(60)
        .regex(/^[A-Za-z0-9._-]{2,}@[A-Za-z][A-Za-z0-9.-]*$/, 'must be a UPI id like name@bank'),
    ])
    .default(''),
  bankDetails: LongText(400)
    .transform((s) => s.trim())
    .default(''),
  paymentInstructions: LongText(400)
    .transform((s) => s.trim())
    .default(''),
  invoiceFooter: LongText(300)
    .transform((s) => s.trim())
    .default(''),
};

/** How receipts are numbered and what collections do. */
const paymentSettings = {
  receiptPrefix: DocumentPrefix.default('RCPT/{FY}/'),
  receiptDigits: z.number().int().min(3).max(8).default(5),
  refundPrefix: DocumentPrefix.default('RFD/{FY}/'),
  refundDigits: z.number().int().min(3).max(8).default(4),
  receiptFormat: z.enum(['a4', 'thermal80']).default('a4'),
  /** Added to the customer's account when a cheque bounces (0: none). */
  bouncedChequeChargeMinor: NonNegativeMoney.max(100_000_000).default(0),
  /** Overdue by more than this many days: flagged "to suspend". */
  suspendAfterDays: z.number().int().min(1).max(365).default(30),
  /** Prepaid customers are reminded this many days before their service ends. */
  prepaidReminderDays: z.number().int().min(0).max(60).default(3),
};

export const SettingsInput = z
  .strictObject({
    companyName: RequiredText(120),
    address: Address.default(''),
    phone: Text(40).default(''),
    email: z.union([z.literal(''), z.email().max(200)]).default(''),
    /** GSTIN in India; any VAT or tax number elsewhere. Empty when not registered. */
    taxId: Text(20)
      .transform((s) => s.toUpperCase())
      .default(''),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code')
      .refine((c) => currencies.has(c), 'is not a known currency')
      .default('INR'),
    locale: z
      .string()
      .max(35)
      .refine((l) => {
        try {
          return Intl.NumberFormat.supportedLocalesOf([l]).length === 1;
        } catch {
          return false;
        }
      }, 'is not a known locale')
      .default('en-IN'),
    /** Two-digit GST state code of the company (e.g. 27 Maharashtra); decides CGST+SGST or IGST. */
    stateCode: z
      .union([z.literal(''), z.string().regex(/^(0[1-9]|[1-3]\d)$/, 'must be a GST state code 01–39')])
      .default(''),
    /** Prefix of new account numbers, e.g. "WD-" gives WD-000123. */
    accountPrefix: z
      .string()
      .regex(/^[A-Z0-9-]{0,8}$/, 'up to 8 capital letters, digits or dashes')
      .default('WD-'),
    /** ISO country of the office: phone numbers typed without a country code are read as its. */
    country: z.string().refine(isPhoneCountry, 'must be a 2-letter ISO country code like IN').default('IN'),
    /** The office's IANA time zone: business dates (billing, due dates, the day book) are local to it. */
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'is not a known time zone: pick one like Asia/Kolkata')
      .default(() => machineTimeZone()),
    ...billingSettings,
    ...paymentSettings,
  })
  .superRefine((s, ctx) => {
    for (const [field, digits, label] of [
      ['invoicePrefix', s.invoiceDigits, 'invoice'],
      ['creditNotePrefix', s.creditNoteDigits, 'credit note'],
      ['receiptPrefix', s.receiptDigits, 'receipt'],
      ['refundPrefix', s.refundDigits, 'refund'],
    ] as const) {
      const longest = documentNumber(s[field], '2099-00', 10 ** digits - 1, digits);
      if (longest.length > DOCUMENT_NUMBER_MAX) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `makes ${label} numbers like ${longest} (${longest.length} characters): GST allows at most ${DOCUMENT_NUMBER_MAX}`,
        });
      }
    }
    if (s.lateFeeMode === 'flat' && s.lateFeeMinor === 0) {
      ctx.addIssue({ code: 'custom', path: ['lateFeeMinor'], message: 'must be more than zero for a flat late fee' });
    }
    if (s.lateFeeMode === 'percent' && s.lateFeeBps === 0) {
      ctx.addIssue({ code: 'custom', path: ['lateFeeBps'], message: 'must be more than zero for a percent late fee' });
    }
    if (s.lateFeeMode === 'percent' && s.lateFeeBps > LATE_FEE_MAX_BPS) {
      ctx.addIssue({
        code: 'custom',
        path: ['lateFeeBps'],
        message: `must be at most ${LATE_FEE_MAX_BPS / 100}% of the overdue amount`,
      });
    }
    if (s.taxMode === 'vat' && !s.taxLabel) {
      ctx.addIssue({
        code: 'custom',
        path: ['taxLabel'],
        message: 'is what invoices call the tax: type VAT or Sales tax',
      });
    }
  });
export type SettingsInput = z.input<typeof SettingsInput>;

export const Settings = z.object({
  configured: z.boolean(),
  companyName: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  taxId: z.string(),
  currency: z.string(),
  locale: z.string(),
  stateCode: z.string(),
  accountPrefix: z.string(),
  country: z.string(),
  timeZone: z.string(),
  taxMode: z.enum(['gst', 'vat', 'none']),
  taxLabel: z.string(),
  pricesIncludeTax: z.boolean(),
  roundOff: z.boolean(),
  fyStartMonth: z.number().int(),
  invoicePrefix: z.string(),
  invoiceDigits: z.number().int(),
  creditNotePrefix: z.string(),
  creditNoteDigits: z.number().int(),
  dueDays: z.number().int(),
  billingTiming: z.enum(['advance', 'arrears']),
  firstInvoice: z.enum(['separate', 'combined']),
  creditSuspendedDays: z.boolean(),
  lateFeeMode: z.enum(['none', 'flat', 'percent']),
  lateFeeMinor: z.number().int(),
  lateFeeBps: z.number().int(),
  lateFeeGraceDays: z.number().int(),
  sacCode: z.string(),
  upiId: z.string(),
  bankDetails: z.string(),
  paymentInstructions: z.string(),
  invoiceFooter: z.string(),
  receiptPrefix: z.string(),
  receiptDigits: z.number().int(),
  refundPrefix: z.string(),
  refundDigits: z.number().int(),
  receiptFormat: z.enum(['a4', 'thermal80']),
  bouncedChequeChargeMinor: z.number().int(),
  suspendAfterDays: z.number().int(),
  prepaidReminderDays: z.number().int(),
  /** Whether a logo and a signature are set (their bytes come from settings.image). */
  logoSha256: z.string().nullable(),
  signatureSha256: z.string().nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const ImageWhich = z.enum(['logo', 'signature']);
/** An image to print: PNG or JPEG, at most 1 MB (base64). */
export const IMAGE_MAX_BYTES = 1024 * 1024;
export const ImageInput = z.strictObject({
  which: ImageWhich,
  /** Base64 of the file; the service checks it is really a PNG or JPEG. */
  base64: z
    .string()
    .max(
      Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 4,
      'is larger than 1 MB: use a smaller logo (a PNG of about 600 px is plenty)',
    ),
});
export const CompanyImage = z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() });
export type CompanyImage = z.infer<typeof CompanyImage>;

export const settingsChannels = {
  'settings.get': { input: Empty, output: Settings },
  'settings.save': { input: SettingsInput, output: Settings },
  /** Sets the logo or the signature printed on documents. */
  'settings.setImage': { input: ImageInput, output: Settings },
  'settings.removeImage': { input: z.strictObject({ which: ImageWhich }), output: Settings },
  'settings.image': { input: z.strictObject({ which: ImageWhich }), output: CompanyImage.nullable() },
} satisfies Channels;
