import { documentNumber, type Settings, type SettingsInput } from '../../../src-shared/contract';
import { financialYearOf, machineTimeZone, todayIn, type IsoDate } from '../../../src-shared/dates';
import { MoneyError, parseMoney, toDecimalText } from '../../../src-shared/money';
import { formatPercent, parsePercent } from '../../../src-shared/percent';

export type TaxMode = Settings['taxMode'];
export type BillingTiming = Settings['billingTiming'];
export type FirstInvoice = Settings['firstInvoice'];
export type LateFeeMode = Settings['lateFeeMode'];
export type ReceiptFormat = Settings['receiptFormat'];

/** The settings form as typed: amounts and rates as text, read into minor units and basis points on save. */
export interface SettingsFormValues {
  companyName: string;
  address: string;
  phone: string;
  email: string;
  taxId: string;
  currency: string;
  locale: string;
  stateCode: string;
  accountPrefix: string;
  timeZone: string;
  country: string;
  taxMode: TaxMode;
  taxLabel: string;
  pricesIncludeTax: boolean;
  roundOff: boolean;
  sacCode: string;
  fyStartMonth: string;
  invoicePrefix: string;
  invoiceDigits: string;
  creditNotePrefix: string;
  creditNoteDigits: string;
  billingTiming: BillingTiming;
  firstInvoice: FirstInvoice;
  creditSuspendedDays: boolean;
  dueDays: string;
  lateFeeMode: LateFeeMode;
  /** The flat late fee as currency text, e.g. "100.00". */
  lateFee: string;
  /** The late fee as a percent of what is overdue, e.g. "2.5". */
  lateFeePercent: string;
  lateFeeGraceDays: string;
  upiId: string;
  bankDetails: string;
  paymentInstructions: string;
  invoiceFooter: string;
  receiptPrefix: string;
  receiptDigits: string;
  refundPrefix: string;
  refundDigits: string;
  receiptFormat: ReceiptFormat;
  /** The bounced cheque charge as currency text, e.g. "500.00"; blank for none. */
  bouncedChequeCharge: string;
  suspendAfterDays: string;
  prepaidReminderDays: string;
}

export function settingsValues(settings: Settings): SettingsFormValues {
  const currency = settings.currency || 'INR';
  return {
    companyName: settings.companyName,
    address: settings.address,
    phone: settings.phone,
    email: settings.email,
    taxId: settings.taxId,
    currency,
    locale: settings.locale || 'en-IN',
    stateCode: settings.stateCode,
    accountPrefix: settings.configured ? settings.accountPrefix : settings.accountPrefix || 'WD-',
    timeZone: settings.timeZone || machineTimeZone(),
    country: settings.country || 'IN',
    taxMode: settings.taxMode,
    taxLabel: settings.taxLabel,
    pricesIncludeTax: settings.pricesIncludeTax,
    roundOff: settings.roundOff,
    sacCode: settings.sacCode,
    fyStartMonth: String(settings.fyStartMonth),
    invoicePrefix: settings.invoicePrefix,
    invoiceDigits: String(settings.invoiceDigits),
    creditNotePrefix: settings.creditNotePrefix,
    creditNoteDigits: String(settings.creditNoteDigits),
    billingTiming: settings.billingTiming,
    firstInvoice: settings.firstInvoice,
    creditSuspendedDays: settings.creditSuspendedDays,
    dueDays: String(settings.dueDays),
    lateFeeMode: settings.lateFeeMode,
    lateFee: settings.lateFeeMinor ? toDecimalText(settings.lateFeeMinor, currency) : '',
    lateFeePercent: settings.lateFeeBps ? formatPercent(settings.lateFeeBps) : '',
    lateFeeGraceDays: String(settings.lateFeeGraceDays),
    upiId: settings.upiId,
    bankDetails: settings.bankDetails,
    paymentInstructions: settings.paymentInstructions,
    invoiceFooter: settings.invoiceFooter,
    receiptPrefix: settings.receiptPrefix,
    receiptDigits: String(settings.receiptDigits),
    refundPrefix: settings.refundPrefix,
    refundDigits: String(settings.refundDigits),
    receiptFormat: settings.receiptFormat,
    bouncedChequeCharge: settings.bouncedChequeChargeMinor
      ? toDecimalText(settings.bouncedChequeChargeMinor, currency)
      : '',
    suspendAfterDays: String(settings.suspendAfterDays),
    prepaidReminderDays: String(settings.prepaidReminderDays),
  };
}

/** Server field path -> the input that shows its error, where the names differ. */
const ERROR_FIELDS: Record<string, keyof SettingsFormValues> = {
  lateFeeMinor: 'lateFee',
  lateFeeBps: 'lateFeePercent',
  bouncedChequeChargeMinor: 'bouncedChequeCharge',
};

export function settingsFormErrors(serverErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverErrors)) out[ERROR_FIELDS[path] ?? path] = message;
  return out;
}

/** Words for errors about inputs the form does not show (the billing sections on the first-run screen). */
export const SETTINGS_LABELS: Record<string, string> = {
  taxLabel: 'Tax name',
  sacCode: 'SAC code',
  invoicePrefix: 'Invoice prefix',
  creditNotePrefix: 'Credit note prefix',
  dueDays: 'Due in days',
  lateFee: 'Late fee',
  lateFeePercent: 'Late fee percent',
  lateFeeGraceDays: 'Late fee grace days',
  upiId: 'UPI id',
  bankDetails: 'Bank details',
  paymentInstructions: 'Payment instructions',
  invoiceFooter: 'Invoice footer',
  receiptPrefix: 'Receipt prefix',
  refundPrefix: 'Refund prefix',
  bouncedChequeCharge: 'Bounced cheque charge',
  suspendAfterDays: 'Suspend after',
  prepaidReminderDays: 'Remind prepaid customers',
};

/**
 * An amount as typed in the office's locale, or as the form first showed it ("500.00", plain
 * decimal text) when the locale was changed in the same form and the two disagree.
 */
function parseTypedOrShown(text: string, currency: string, locale: string): number {
  try {
    return parseMoney(text, currency, locale);
  } catch (error) {
    if (/^\d+\.\d+$/.test(text.trim())) return parseMoney(text, currency);
    throw error;
  }
}

/** Reads the typed values into the contract's input; errors, by form field, for what does not read. */
export function toSettingsInput(values: SettingsFormValues): {
  input?: SettingsInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const days = (field: 'dueDays' | 'lateFeeGraceDays' | 'suspendAfterDays' | 'prepaidReminderDays'): number => {
    const text = values[field].trim();
    if (!/^\d{1,3}$/.test(text)) errors[field] = 'must be a whole number of days, like 7';
    return Number(text);
  };

  let lateFeeMinor = 0;
  if (values.lateFee.trim()) {
    try {
      lateFeeMinor = parseMoney(values.lateFee, values.currency, values.locale);
      if (lateFeeMinor < 0) throw new MoneyError('cannot be negative');
    } catch (error) {
      if (values.lateFeeMode === 'flat') {
        errors.lateFee = error instanceof MoneyError ? error.message : 'must be an amount like 100.00';
      }
      lateFeeMinor = 0;
    }
  } else if (values.lateFeeMode === 'flat') errors.lateFee = 'is required for a flat late fee: type an amount like 100';

  let lateFeeBps = 0;
  if (values.lateFeePercent.trim()) {
    const bps = parsePercent(values.lateFeePercent);
    if (bps === null && values.lateFeeMode === 'percent') {
      errors.lateFeePercent = 'must be a percentage like 2 or 2.5';
    }
    lateFeeBps = bps ?? 0;
  } else if (values.lateFeeMode === 'percent') {
    errors.lateFeePercent = 'is required for a percent late fee: type a rate like 2';
  }

  let bouncedChequeChargeMinor = 0;
  if (values.bouncedChequeCharge.trim()) {
    try {
      bouncedChequeChargeMinor = parseTypedOrShown(values.bouncedChequeCharge, values.currency, values.locale);
      if (bouncedChequeChargeMinor < 0) throw new MoneyError('cannot be negative');
    } catch (error) {
      errors.bouncedChequeCharge = error instanceof MoneyError ? error.message : 'must be an amount like 500.00';
      bouncedChequeChargeMinor = 0;
    }
  }

  const input: SettingsInput = {
    companyName: values.companyName,
    address: values.address,
    phone: values.phone,
    email: values.email,
    taxId: values.taxId,
    currency: values.currency,
    locale: values.locale,
    stateCode: values.stateCode,
    accountPrefix: values.accountPrefix,
    timeZone: values.timeZone,
    country: values.country,
    taxMode: values.taxMode,
    taxLabel: values.taxLabel,
    pricesIncludeTax: values.pricesIncludeTax,
    roundOff: values.roundOff,
    sacCode: values.sacCode.trim(),
    fyStartMonth: Number(values.fyStartMonth),
    invoicePrefix: values.invoicePrefix.trim(),
    invoiceDigits: Number(values.invoiceDigits),
    creditNotePrefix: values.creditNotePrefix.trim(),
    creditNoteDigits: Number(values.creditNoteDigits),
    billingTiming: values.billingTiming,
    firstInvoice: values.firstInvoice,
    creditSuspendedDays: values.creditSuspendedDays,
    dueDays: days('dueDays'),
    lateFeeMode: values.lateFeeMode,
    lateFeeMinor,
    lateFeeBps,
    lateFeeGraceDays: days('lateFeeGraceDays'),
    upiId: values.upiId.trim(),
    bankDetails: values.bankDetails,
    paymentInstructions: values.paymentInstructions,
    invoiceFooter: values.invoiceFooter,
    receiptPrefix: values.receiptPrefix.trim(),
    receiptDigits: Number(values.receiptDigits),
    refundPrefix: values.refundPrefix.trim(),
    refundDigits: Number(values.refundDigits),
    receiptFormat: values.receiptFormat,
    bouncedChequeChargeMinor,
    suspendAfterDays: days('suspendAfterDays'),
    prepaidReminderDays: days('prepaidReminderDays'),
  };
  return { input: Object.keys(errors).length ? undefined : input, errors };
}

/**
 * What a document number will look like this financial year, e.g. "INV/26-27/00001", or null
 * while the digits or the time zone do not read.
 */
export function sampleDocumentNumber(
  prefix: string,
  digitsText: string,
  fyStartMonth: string,
  timeZone: string,
  now: Date = new Date(),
): string | null {
  const digits = Number(digitsText);
  const month = Number(fyStartMonth);
  if (!Number.isInteger(digits) || digits < 1 || !Number.isInteger(month) || month < 1 || month > 12) return null;
  let today: IsoDate;
  try {
    today = todayIn(timeZone, now);
  } catch {
    return null;
  }
  return documentNumber(prefix.trim(), financialYearOf(today, month).label, 1, digits);
}
