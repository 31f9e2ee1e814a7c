import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src-renderer/api';
import { bannerMessages, isDirty, withoutError } from '../../../../src-renderer/lib/formErrors';
import { billingDayText, priceChangeReach, priceWithTax } from '../../../../src-renderer/features/plans/planText';
import { planFormErrors } from '../../../../src-renderer/features/plans/planFormValues';
import { remapPhoneErrors } from '../../../../src-renderer/features/customers/customerFormValues';

describe('price with tax', () => {
  it('adds GST by money.ts rounding, in the office currency', () => {
    expect(priceWithTax(59_900, 1800, 'INR', 'en-IN')).toBe('₹599.00 + 18% GST = ₹706.82');
    expect(priceWithTax(49_900, 1800, 'INR', 'en-IN')).toBe('₹499.00 + 18% GST = ₹588.82');
    // 0.5 paise rounds half up, not by a float's whim.
    expect(priceWithTax(1, 5000, 'INR', 'en-IN')).toBe('₹0.01 + 50% GST = ₹0.02');
    expect(priceWithTax(1_000, 1850, 'GBP', 'en-GB')).toBe('£10.00 + 18.5% tax = £11.85');
    expect(priceWithTax(49_900, 0, 'INR', 'en-IN')).toBe('₹499.00, no GST');
  });
});

describe('billing day in the words of the plan period', () => {
  it('says which months', () => {
    expect(billingDayText(9, 'monthly')).toBe('Day 9 of each month');
    expect(billingDayText(9, 'quarterly')).toBe('Day 9 of every third month');
    expect(billingDayText(1, 'yearly')).toBe('Day 1 of the same month each year');
    expect(billingDayText(9, null)).toBe('Day 9 of the month');
  });
});

describe("a plan's price change", () => {
  it('says how many customers it reaches', () => {
    expect(priceChangeReach(34)).toBe('34 customers are on this plan: their next invoices use the new price');
    expect(priceChangeReach(1)).toBe('1 customer is on this plan: their next invoice uses the new price');
    expect(priceChangeReach(0)).toBeNull();
  });
});

describe('form errors', () => {
  it('every back-end issue, each under its own field path; one with no field under ""', () => {
    const error = new ApiError({
      code: 'validation',
      message: 'Check the input: customer.phones.0: must be a phone number; customer.staticIp: taken',
      details: {
        field: 'customer.phones.0',
        issues: [
          { path: ['customer', 'phones', 0], message: 'must be a phone number' },
          { path: ['customer', 'staticIp'], message: 'is taken' },
        ],
      },
    });
    expect(remapPhoneErrors(error.fieldErrors(), [1])).toEqual({
      'phones.1': 'must be a phone number',
      staticIp: 'is taken',
    });
    expect(new ApiError({ code: 'plan_retired', message: 'Home 20 is retired' }).fieldErrors()).toEqual({
      '': 'Home 20 is retired',
    });
  });

  it("a plan update's paths and burst paths land on the form's inputs", () => {
    expect(
      planFormErrors({
        'plan.priceMinor': 'too big',
        'plan.burst.downloadKbps': 'must be above the download speed',
        'burst.thresholdUploadKbps': 'must be below the burst upload',
      }),
    ).toEqual({
      price: 'too big',
      burstDownload: 'must be above the download speed',
      burstThresholdUpload: 'must be below the burst upload',
    });
  });

  it('clears one field, and the banner has words, never a path', () => {
    const errors = { name: 'is required', price: 'bad' };
    expect(withoutError(errors, 'name')).toEqual({ price: 'bad' });
    expect(withoutError(errors, 'email')).toBe(errors);
    const banner = bannerMessages(
      { name: 'x', '': 'Plan is retired', burst: 'odd', 'a.b': 'deep' },
      new Set(['name']),
      {
        burst: 'Burst',
      },
    );
    expect(banner).toEqual(['Plan is retired', 'Burst: odd', 'deep']);
  });

  it('is dirty only when a value differs from the start', () => {
    expect(isDirty({ a: '1', p: [''] }, { a: '1', p: [''] })).toBe(false);
    expect(isDirty({ a: '1', p: ['', ''] }, { a: '1', p: [''] })).toBe(true);
  });
});
