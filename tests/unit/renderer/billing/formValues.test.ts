import { describe, expect, it } from 'vitest';
import { BillingRunInput, ChargeInput, CreditNoteInput } from '../../../../src-shared/contract';
import { chargeInput, emptyChargeValues } from '../../../../src-renderer/features/billing/customer/chargeValues';
import { creditNoteInput, EMPTY_CREDIT_NOTE } from '../../../../src-renderer/features/billing/detail/creditNoteValues';
import { emptyRunScope, runInput } from '../../../../src-renderer/features/billing/run/runScope';

describe('the credit note dialog', () => {
  it('credits everything left with a reason', () => {
    const parsed = creditNoteInput(7, { ...EMPTY_CREDIT_NOTE, reason: ' billed twice ' }, 'INR', 'en-IN');
    expect(parsed.input).toEqual({ invoiceId: 7, reason: 'billed twice', amount: { kind: 'rest' } });
    expect(CreditNoteInput.safeParse(parsed.input).success).toBe(true);
  });

  it('credits typed taxable amounts per line in minor units, skipping blank lines', () => {
    const parsed = creditNoteInput(
      7,
      { mode: 'lines', reason: 'outage', amounts: { 11: '1,234.50', 12: '', 13: '₹99' } },
      'INR',
      'en-IN',
    );
    expect(parsed.input?.amount).toEqual({
      kind: 'lines',
      lines: [
        { lineId: 11, taxable: 123450 },
        { lineId: 13, taxable: 9900 },
      ],
    });
  });

  it('says what is wrong: no reason, a bad amount, no line at all', () => {
    expect(creditNoteInput(7, EMPTY_CREDIT_NOTE, 'INR', 'en-IN').errors).toHaveProperty('reason');
    const bad = creditNoteInput(7, { mode: 'lines', reason: 'x', amounts: { 11: 'abc', 12: '0' } }, 'INR', 'en-IN');
    expect(Object.keys(bad.errors ?? {})).toEqual(['line.11', 'line.12']);
    const none = creditNoteInput(7, { mode: 'lines', reason: 'x', amounts: { 11: ' ' } }, 'INR', 'en-IN');
    expect(none.errors).toHaveProperty('lines');
  });
});

describe('the charge dialogs', () => {
  it('makes a one-time charge billed now', () => {
    const values = {
      ...emptyChargeValues('one_time', '2026-04-10'),
      description: 'Router',
      amount: '1,499',
      billNow: true,
    };
    const parsed = chargeInput(3, values, 'INR', 'en-IN');
    expect(parsed.input).toMatchObject({
      kind: 'one_time',
      amount: 149900,
      taxRateBps: 1800,
      billNow: true,
      endsOn: null,
    });
    expect(ChargeInput.safeParse(parsed.input).success).toBe(true);
  });

  it('makes a percent discount with an end date, and refuses an end before the start', () => {
    const values = {
      ...emptyChargeValues('discount', '2026-04-10'),
      discountBy: 'percent' as const,
      percent: '12.5',
      endsOn: '2026-12-31',
    };
    const parsed = chargeInput(3, values, 'INR', 'en-IN');
    expect(parsed.input).toMatchObject({ kind: 'discount', amount: 0, percentBps: 1250, endsOn: '2026-12-31' });
    expect(ChargeInput.safeParse(parsed.input).success).toBe(true);
    expect(chargeInput(3, { ...values, endsOn: '2026-01-01' }, 'INR', 'en-IN').errors).toHaveProperty('endsOn');
  });

  it('refuses a missing amount, a bad SAC code and a bad tax rate, under their fields', () => {
    const values = {
      ...emptyChargeValues('addon', '2026-04-10'),
      description: 'Static IP',
      sacCode: '12',
      taxRate: 'x',
    };
    expect(Object.keys(chargeInput(3, values, 'INR', 'en-IN').errors ?? {}).sort()).toEqual([
      'amount',
      'sacCode',
      'taxRateBps',
    ]);
  });
});

describe('the billing run scope', () => {
  it('bills everyone as of today by default', () => {
    const parsed = runInput(emptyRunScope('2026-04-10'));
    expect(parsed.input).toEqual({ asOf: '2026-04-10', scope: { kind: 'all' } });
    expect(BillingRunInput.safeParse(parsed.input).success).toBe(true);
  });

  it('asks for what a narrower scope needs', () => {
    const base = emptyRunScope('2026-04-10');
    expect(runInput({ ...base, kind: 'customer' }).errors).toHaveProperty('customerId');
    expect(runInput({ ...base, kind: 'plan' }).errors).toHaveProperty('planId');
    expect(runInput({ ...base, kind: 'accessPoint', accessPoint: ' ' }).errors).toHaveProperty('accessPoint');
    expect(runInput({ ...base, asOf: '2206-04-10' }).errors).toHaveProperty('asOf');
    expect(runInput({ ...base, kind: 'customer', customerId: 9 }).input?.scope).toEqual({
      kind: 'customer',
      customerId: 9,
    });
  });
});
