// The counter's prepaid recharge form ⇄ payments.recharge's input.
import type { PaymentMethod, RechargeInput } from '../../../../src-shared/contract';
import { isIsoDate } from '../../../../src-shared/dates';
import { MoneyError, parseMoney } from '../../../../src-shared/money';
import { missingReference, REFERENCE_REQUIRED } from '../paymentText';

export interface RechargeValues {
  /** '' is the customer's own plan. */
  planId: string;
  periods: number;
  amount: string;
  /** True once the operator typed an amount: a new quote no longer overwrites it. */
  amountTyped: boolean;
  method: PaymentMethod;
  reference: string;
  chequeBank: string;
  chequeDate: string;
  note: string;
}

export const EMPTY_RECHARGE: RechargeValues = {
  planId: '',
  periods: 1,
  amount: '',
  amountTyped: false,
  method: 'cash',
  reference: '',
  chequeBank: '',
  chequeDate: '',
  note: '',
};

export const RECHARGE_PERIODS = Array.from({ length: 12 }, (_, i) => i + 1);

export type RechargeParse = { input: RechargeInput; errors: null } | { input: null; errors: Record<string, string> };

export function rechargeInput(
  customerId: number,
  values: RechargeValues,
  currency: string,
  locale: string,
): RechargeParse {
  const errors: Record<string, string> = {};
  let amount = 0;
  if (!values.amount.trim()) errors.amount = 'Type the amount received';
  else {
    try {
      amount = parseMoney(values.amount, currency, locale);
      if (amount <= 0) errors.amount = 'must be more than zero';
    } catch (error) {
      errors.amount = error instanceof MoneyError ? error.message : String(error);
    }
  }
  if (!Number.isInteger(values.periods) || values.periods < 1 || values.periods > 12) {
    errors.periods = 'Pick 1 to 12 periods';
  }
  const reference = values.reference.trim();
  if (REFERENCE_REQUIRED.has(values.method) && !reference) {
    errors.reference = missingReference(values.method);
  } else if (reference && !/^[A-Za-z0-9._/-]*$/.test(reference)) {
    errors.reference = 'may hold only letters, digits and - _ / .';
  }
  const cheque = values.method === 'cheque';
  const chequeBank = cheque ? values.chequeBank.trim() : '';
  if (cheque && !chequeBank) errors.chequeBank = 'Type the bank the cheque is drawn on';
  const chequeDate = cheque && values.chequeDate ? values.chequeDate : null;
  if (chequeDate && !isIsoDate(chequeDate)) errors.chequeDate = 'Pick the date written on the cheque';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      customerId,
      planId: values.planId ? Number(values.planId) : null,
      periods: values.periods,
      method: values.method,
      amount,
      reference: values.method === 'cash' ? '' : reference,
      chequeBank,
      chequeDate,
      note: values.note.trim(),
    },
    errors: null,
  };
}
