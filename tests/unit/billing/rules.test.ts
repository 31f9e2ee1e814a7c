// Each billing rule where it lives, with numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { mulDivHalfUp } from '../../../src-shared/money';
import { prorate } from '../../../src-main/billing/engine';
import { daysIn, periodContaining } from '../../../src-main/billing/rules/periods';
import { roundOffFor, taxLine, taxOnTaxable } from '../../../src-main/billing/rules/tax';
import { Timeline } from '../../../src-main/billing/rules/timeline';
import { documentNumber } from '../../../src-shared/contract';

describe('periods', () => {
  it('run from the billing day to the day before the same day a period later', () => {
    expect(periodContaining('2026-11-05', 5, 1)).toEqual({ start: '2026-11-05', end: '2026-12-04' });
    expect(periodContaining('2026-11-20', 5, 1)).toEqual({ start: '2026-11-05', end: '2026-12-04' });
    expect(periodContaining('2026-11-03', 5, 1)).toEqual({ start: '2026-10-05', end: '2026-11-04' });
    expect(periodContaining('2026-11-05', 5, 3)).toEqual({ start: '2026-11-05', end: '2027-02-04' });
    expect(periodContaining('2027-01-10', 10, 12)).toEqual({ start: '2027-01-10', end: '2028-01-09' });
  });

  it('count their real days: 28 to 31 a month, 89 to 92 a quarter', () => {
    expect(daysIn(periodContaining('2027-02-01', 1, 1))).toBe(28);
    expect(daysIn(periodContaining('2028-02-01', 1, 1))).toBe(29);
    expect(daysIn(periodContaining('2026-10-01', 1, 1))).toBe(31);
    expect(daysIn(periodContaining('2027-01-01', 1, 3))).toBe(90); // Jan 31 + Feb 28 + Mar 31
    expect(daysIn(periodContaining('2026-11-01', 1, 3))).toBe(92); // Nov 30 + Dec 31 + Jan 31
    expect(daysIn(periodContaining('2028-01-01', 1, 3))).toBe(91); // leap February
  });
});

describe('proration', () => {
  it('charges round_half_up(price × days / days in the whole period)', () => {
    // 49900 × 15 / 30 = 24950 exactly; 49900 × 10 / 31 = 16096.77 → 16097; 59900 × 1 / 28 = 2139.28 → 2139.
    expect(prorate(49_900, 15, 30)).toBe(24_950);
    expect(prorate(49_900, 10, 31)).toBe(16_097);
    expect(prorate(59_900, 1, 28)).toBe(2_139);
    // Exactly half rounds up: 1 × 1 / 2 = 0.5 → 1; and away from zero for discounts.
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
    expect(mulDivHalfUp(-1, 1, 2)).toBe(-1);
    expect(prorate(49_900, 30, 30)).toBe(49_900);
  });
});

describe('tax per line', () => {
  it('splits GST into CGST and SGST, each round_half_up(taxable × rate / 2)', () => {
    // 29950 × 9% = 2695.5 → 2696 each.
    expect(taxLine(29_950, 1800, 'cgst_sgst', false)).toEqual({
      taxable: 29_950,
      cgst: 2_696,
      sgst: 2_696,
      igst: 0,
      vat: 0,
      total: 35_342,
    });
  });
  it('charges IGST round_half_up(taxable × rate) across states', () => {
    // 29950 × 18% = 5391.
    expect(taxLine(29_950, 1800, 'igst', false)).toMatchObject({ igst: 5_391, total: 35_341 });
  });
  it('takes tax out of a tax-inclusive price so the customer pays exactly the price', () => {
    // 59900 × 10000 / 11800 = 50762.71 → 50763; tax 9137; CGST round(4568.5) = 4569, SGST 4568.
    expect(taxLine(59_900, 1800, 'cgst_sgst', true)).toEqual({
      taxable: 50_763,
      cgst: 4_569,
      sgst: 4_568,
      igst: 0,
      vat: 0,
      total: 59_900,
    });
    expect(taxLine(59_900, 1800, 'igst', true)).toMatchObject({ taxable: 50_763, igst: 9_137, total: 59_900 });
  });
  it('charges one-rate VAT, and nothing on a Bill of Supply', () => {
    // 10000 × 7.5% = 750.
    expect(taxLine(10_000, 750, 'vat', false)).toMatchObject({ vat: 750, total: 10_750 });
    expect(taxLine(10_000, 1800, 'none', false)).toEqual({
      taxable: 10_000,
      cgst: 0,
      sgst: 0,
      igst: 0,
      vat: 0,
      total: 10_000,
    });
  });
  it('gives a discount exactly minus the tax of the same charge', () => {
    expect(taxOnTaxable(-29_950, 1800, 'cgst_sgst')).toMatchObject({ cgst: -2_696, sgst: -2_696, total: -35_342 });
  });
  it('rounds a total to the whole unit with its own round-off', () => {
    expect(roundOffFor(35_342, 2)).toBe(-42); // 353.42 → 353.00
    expect(roundOffFor(35_350, 2)).toBe(50); // 353.50 → 354.00
    expect(roundOffFor(1_234, 0)).toBe(0); // yen have no minor unit
  });
});

describe('the timeline from history', () => {
  it('cuts a period where status or plan changed, the last change of a day counting', () => {
    const t = new Timeline('active', 1)
      .status('2026-11-10', 'suspended')
      .status('2026-11-20', 'active')
      .plan('2026-11-25', 2);
    expect(t.segments({ start: '2026-11-05', end: '2026-12-04' })).toEqual([
      { start: '2026-11-05', end: '2026-11-09', status: 'active', planId: 1 },
      { start: '2026-11-10', end: '2026-11-19', status: 'suspended', planId: 1 },
      { start: '2026-11-20', end: '2026-11-24', status: 'active', planId: 1 },
      { start: '2026-11-25', end: '2026-12-04', status: 'active', planId: 2 },
    ]);
    const sameDay = new Timeline('active', 1).status('2026-11-10', 'suspended').status('2026-11-10', 'active');
    expect(sameDay.statusOn('2026-11-10')).toBe('active');
  });
});

describe('document numbers', () => {
  it('carry the financial year and a zero-padded number', () => {
    expect(documentNumber('INV/{FY}/', '2026-27', 42, 5)).toBe('INV/26-27/00042');
    expect(documentNumber('CN/{FY}/', '2026-27', 7, 4)).toBe('CN/26-27/0007');
    expect(documentNumber('SW-', '2026', 3, 4)).toBe('SW-0003');
  });
});
