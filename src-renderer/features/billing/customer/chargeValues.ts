// The charge dialogs (one-time charge, add-on, discount) ⇄ billing.addCharge's input.
import type { ChargeInput, ChargeKind } from '../../../../src-shared/contract';
import { MoneyError, parseMoney } from '../../../../src-shared/money';
import { parseRate } from '../billingText';

export interface ChargeValues {
  kind: ChargeKind;
  description: string;
  /** A discount: a fixed amount per period or a percent of the plan line. */
  discountBy: 'fixed' | 'percent';
  amount: string;
  percent: string;
  sacCode: string;
  taxRate: string;
  startsOn: string;
  endsOn: string;
  billNow: boolean;
}

export function emptyChargeValues(kind: ChargeKind, today: string): ChargeValues {
  return {
    kind,
    description: kind === 'discount' ? 'Discount' : '',
    discountBy: 'fixed',
    amount: '',
    percent: '',
    sacCode: kind === 'discount' ? '' : '998422',
    taxRate: '18',
    startsOn: today,
    endsOn: '',
    billNow: false,
  };
}

export type ChargeParse = { input: ChargeInput; errors: null } | { input: null; errors: Record<string, string> };

/** The input for a charge, or errors keyed by the contract's field names; money never as a float. */
export function chargeInput(customerId: number, values: ChargeValues, currency: string, locale: string): ChargeParse {
  const errors: Record<string, string> = {};
  const description = values.description.trim();
  if (!description) errors.description = 'Say what it is: it is printed on the invoice';
  const percentDiscount = values.kind === 'discount' && values.discountBy === 'percent';
  let amount = 0;
  let percentBps: number | null = null;
  if (percentDiscount) {
    const bps = parseRate(values.percent);
    if (bps === null || bps === 0 || bps > 10_000) errors.percentBps = 'Type a percent between 0.01 and 100';
    else percentBps = bps;
  } else {
    try {
      amount = parseMoney(values.amount, currency, locale);
      if (amount <= 0) errors.amount = 'must be more than zero';
    } catch (error) {
      errors.amount = error instanceof MoneyError ? error.message : String(error);
    }
  }
  const taxRateBps = parseRate(values.taxRate);
  if (values.kind !== 'discount' && taxRateBps === null) errors.taxRateBps = 'Type a rate such as 18 or 12.5';
  const sacCode = values.sacCode.trim();
  if (sacCode && !/^\d{4,8}$/.test(sacCode)) errors.sacCode = 'must be a 4–8 digit SAC or HSN code';
  const recurring = values.kind !== 'one_time';
  if (recurring && values.startsOn && values.endsOn && values.endsOn < values.startsOn) {
    errors.endsOn = 'must not be before the start';
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      customerId,
      kind: values.kind,
      description,
      amount,
      percentBps,
      sacCode,
      taxRateBps: taxRateBps ?? 1800,
      startsOn: values.startsOn || null,
      endsOn: recurring ? values.endsOn || null : null,
      billNow: values.kind === 'one_time' && values.billNow,
    },
    errors: null,
  };
}
