// Tax on one line. Tax is computed per line and an invoice's total is the sum of its lines'
// totals (plus the round-off, when the office rounds totals), never a tax on the sum.
import { mulDivHalfUp, type Minor } from '../../../src-shared/money';

/**
 * GST within one state (CGST + SGST), GST across states (IGST), a one-rate VAT or sales tax,
 * or no tax (an unregistered business: a Bill of Supply).
 */
export type TaxRegime = 'cgst_sgst' | 'igst' | 'vat' | 'none';

export interface LineAmounts {
  taxable: Minor;
  cgst: Minor;
  sgst: Minor;
  igst: Minor;
  vat: Minor;
  total: Minor;
}

/**
 * Splits what a line charges into taxable value and tax.
 * - Exclusive prices: CGST and SGST are each round_half_up(taxable × rate / 2); IGST and VAT
 *   round_half_up(taxable × rate).
 * - Inclusive prices: the customer pays exactly `amount`; taxable = round_half_up(amount ×
 *   10000 / (10000 + rate)), tax = amount − taxable, CGST = round_half_up(tax / 2), SGST = the rest.
 * Rounding is half away from zero, so a discount's tax is exactly minus a charge's.
 */
export function taxLine(amount: Minor, rateBps: number, regime: TaxRegime, inclusive: boolean): LineAmounts {
  const zero = { cgst: 0, sgst: 0, igst: 0, vat: 0 };
  if (regime === 'none' || rateBps === 0) return { taxable: amount, ...zero, total: amount };
  if (inclusive) {
    const taxable = mulDivHalfUp(amount, 10_000, 10_000 + rateBps);
    const tax = amount - taxable;
    if (regime === 'cgst_sgst') {
      const cgst = mulDivHalfUp(tax, 1, 2);
      return { taxable, ...zero, cgst, sgst: tax - cgst, total: amount };
    }
    return { taxable, ...zero, [regime]: tax, total: amount };
  }
  return taxOnTaxable(amount, rateBps, regime);
}

/** Tax on a taxable value (exclusive): what a credit note of part of a line carries. */
export function taxOnTaxable(taxable: Minor, rateBps: number, regime: TaxRegime): LineAmounts {
  const zero = { cgst: 0, sgst: 0, igst: 0, vat: 0 };
  if (regime === 'none' || rateBps === 0) return { taxable, ...zero, total: taxable };
  if (regime === 'cgst_sgst') {
    const half = mulDivHalfUp(taxable, rateBps, 20_000);
    return { taxable, ...zero, cgst: half, sgst: half, total: taxable + 2 * half };
  }
  const tax = mulDivHalfUp(taxable, rateBps, 10_000);
  return { taxable, ...zero, [regime]: tax, total: taxable + tax };
}

/** The round-off that brings a total to whole currency units (half-up): 1179.50 → +0.50. */
export function roundOffFor(total: Minor, minorDigits: number): Minor {
  const unit = 10 ** minorDigits;
  if (unit === 1) return 0;
  return mulDivHalfUp(total, 1, unit) * unit - total;
}
