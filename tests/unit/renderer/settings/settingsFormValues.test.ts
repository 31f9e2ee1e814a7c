// The settings form ⇄ the contract: amounts and rates typed as text, read without floats.
import { describe, expect, it } from 'vitest';
import { Settings, SettingsInput } from '../../../../src-shared/contract';
import {
  sampleDocumentNumber,
  settingsFormErrors,
  settingsValues,
  toSettingsInput,
} from '../../../../src-renderer/features/settings/settingsFormValues';

const saved: Settings = Settings.parse({
  configured: true,
  companyName: 'Sahyadri Wireless',
  address: '',
  phone: '',
  email: '',
  taxId: '',
  currency: 'INR',
  locale: 'en-IN',
  stateCode: '',
  accountPrefix: 'SW-',
  country: 'IN',
  timeZone: 'Asia/Kolkata',
  taxMode: 'gst',
  taxLabel: 'VAT',
  pricesIncludeTax: false,
  roundOff: true,
  fyStartMonth: 4,
  invoicePrefix: 'INV/{FY}/',
  invoiceDigits: 5,
  creditNotePrefix: 'CN/{FY}/',
  creditNoteDigits: 4,
  dueDays: 7,
  billingTiming: 'advance',
  firstInvoice: 'separate',
  creditSuspendedDays: true,
  lateFeeMode: 'flat',
  lateFeeMinor: 10_050,
  lateFeeBps: 250,
  lateFeeGraceDays: 15,
  sacCode: '998422',
  upiId: 'sw@okaxis',
  bankDetails: '',
  paymentInstructions: '',
  invoiceFooter: '',
  receiptPrefix: 'RCPT/{FY}/',
  receiptDigits: 5,
  refundPrefix: 'RFD/{FY}/',
  refundDigits: 4,
  receiptFormat: 'thermal80',
  bouncedChequeChargeMinor: 50_000,
  suspendAfterDays: 45,
  prepaidReminderDays: 3,
  logoSha256: null,
  signatureSha256: null,
});

describe('settings form values', () => {
  it('show amounts and rates as text, and read back to the same input', () => {
    const values = settingsValues(saved);
    expect(values).toMatchObject({ lateFee: '100.50', lateFeePercent: '2.5', dueDays: '7', invoiceDigits: '5' });
    const { input, errors } = toSettingsInput(values);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      lateFeeMinor: 10_050,
      lateFeeBps: 250,
      dueDays: 7,
      fyStartMonth: 4,
      invoiceDigits: 5,
    });
  });

  it('reads the late fee in the currency and locale typed in the form', () => {
    const values = { ...settingsValues(saved), lateFee: '₹1,23,456.78' };
    expect(toSettingsInput(values).input?.lateFeeMinor).toBe(12_345_678);
    const euro = { ...values, currency: 'EUR', locale: 'de-DE', lateFee: '1.234,50 €' };
    expect(toSettingsInput(euro).input?.lateFeeMinor).toBe(123_450);
  });

  it('a percent like 0.29 is 29 basis points, not 28.999…', () => {
    const values = { ...settingsValues(saved), lateFeeMode: 'percent' as const, lateFeePercent: '0.29' };
    expect(toSettingsInput(values).input?.lateFeeBps).toBe(29);
  });

  it('refuses what does not read, under the field, only for the late fee mode in use', () => {
    const values = { ...settingsValues(saved), lateFee: 'a lot', lateFeePercent: 'much', dueDays: 'seven' };
    expect(toSettingsInput(values)).toEqual({
      input: undefined,
      errors: {
        lateFee: expect.stringMatching(/not an amount|letters/),
        dueDays: expect.stringMatching(/whole number/),
      },
    });
    const percent = { ...values, lateFeeMode: 'percent' as const, dueDays: '7' };
    expect(toSettingsInput(percent).errors).toEqual({ lateFeePercent: 'must be a percentage like 2 or 2.5' });
    const none = { ...values, lateFeeMode: 'none' as const, dueDays: '7' };
    expect(toSettingsInput(none).input).toMatchObject({ lateFeeMinor: 0, lateFeeBps: 0 });
  });

  it('an empty late fee is asked for when the mode needs it', () => {
    const flat = { ...settingsValues(saved), lateFee: '' };
    expect(toSettingsInput(flat).errors.lateFee).toMatch(/required/);
    expect(toSettingsInput({ ...flat, lateFee: '-5' }).errors.lateFee).toMatch(/negative/);
  });

  it('puts server errors under the inputs that show them', () => {
    expect(
      settingsFormErrors({
        lateFeeMinor: 'x',
        lateFeeBps: 'y',
        invoicePrefix: 'z',
        bouncedChequeChargeMinor: 'b',
        receiptPrefix: 'r',
      }),
    ).toEqual({
      lateFee: 'x',
      lateFeePercent: 'y',
      invoicePrefix: 'z',
      bouncedChequeCharge: 'b',
      receiptPrefix: 'r',
    });
  });

  it('shows the receipt and collection settings as typed, and reads them back to the same input', () => {
    const values = settingsValues(saved);
    expect(values).toMatchObject({
      receiptPrefix: 'RCPT/{FY}/',
      receiptDigits: '5',
      refundPrefix: 'RFD/{FY}/',
      refundDigits: '4',
      receiptFormat: 'thermal80',
      bouncedChequeCharge: '500.00',
      suspendAfterDays: '45',
      prepaidReminderDays: '3',
    });
    const { input, errors } = toSettingsInput({
      ...values,
      receiptPrefix: ' RC/{FY}/ ',
      bouncedChequeCharge: '₹1,250',
    });
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      receiptPrefix: 'RC/{FY}/',
      receiptDigits: 5,
      refundPrefix: 'RFD/{FY}/',
      refundDigits: 4,
      receiptFormat: 'thermal80',
      bouncedChequeChargeMinor: 125_000,
      suspendAfterDays: 45,
      prepaidReminderDays: 3,
    });
    // What the form sends, the settings channel takes.
    expect(SettingsInput.safeParse(input).success).toBe(true);
  });

  it('a blank bounced cheque charge is none; a bad one or bad days are refused under their fields', () => {
    const values = settingsValues({ ...saved, bouncedChequeChargeMinor: 0 });
    expect(values.bouncedChequeCharge).toBe('');
    expect(toSettingsInput(values).input?.bouncedChequeChargeMinor).toBe(0);
    const bad = { ...values, bouncedChequeCharge: '-5', suspendAfterDays: 'a month', prepaidReminderDays: '' };
    expect(toSettingsInput(bad)).toEqual({
      input: undefined,
      errors: {
        bouncedChequeCharge: expect.stringMatching(/negative/),
        suspendAfterDays: expect.stringMatching(/whole number/),
        prepaidReminderDays: expect.stringMatching(/whole number/),
      },
    });
  });

  it('a receipt prefix too long for GST is refused by the settings channel, on the receipt prefix', () => {
    const { input } = toSettingsInput({ ...settingsValues(saved), receiptPrefix: 'SAHYADRI/{FY}/' });
    const parsed = SettingsInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['receiptPrefix', expect.stringMatching(/receipt numbers like SAHYADRI\/99-00\/99999 \(20 characters\)/)],
    ]);
  });

  it('shows what numbers will look like in the office’s financial year', () => {
    const march = new Date('2027-03-31T12:00:00Z');
    expect(sampleDocumentNumber('INV/{FY}/', '5', '4', 'Asia/Kolkata', march)).toBe('INV/26-27/00001');
    // 1 April in Kolkata is still 31 March in UTC: the new year has begun in the office.
    const april = new Date('2027-03-31T19:00:00Z');
    expect(sampleDocumentNumber('INV/{FY}/', '5', '4', 'Asia/Kolkata', april)).toBe('INV/27-28/00001');
    expect(sampleDocumentNumber('SW-{FY}-', '3', '1', 'UTC', march)).toBe('SW-2027-001');
    expect(sampleDocumentNumber('INV/', '5', '4', 'Not/A_Zone', march)).toBeNull();
  });
});
