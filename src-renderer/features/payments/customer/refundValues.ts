// The refund dialog's values ⇄ payments.refund's input.
import type { PaymentMethod, RefundInput } from '../../../../src-shared/contract';
import { MoneyError, parseMoney, toDecimalText } from '../../../../src-shared/money';

export interface RefundValues {
  amount: string;
  method: PaymentMethod;
  reference: string;
  reason: string;
}

export function emptyRefundValues(credit: number, currency: string): RefundValues {
  return { amount: credit > 0 ? toDecimalText(credit, currency) : '', method: 'cash', reference: '', reason: '' };
}

export type RefundParse = { input: RefundInput; errors: null } | { input: null; errors: Record<string, string> };

/** The input for a refund of at most the customer's credit, or errors keyed by field. */
export function refundInput(
  customerId: number,
  credit: number,
  values: RefundValues,
  currency: string,
  locale: string,
): RefundParse {
  const errors: Record<string, string> = {};
  let amount = 0;
  if (!values.amount.trim()) errors.amount = 'Type the amount to pay back';
  else {
    try {
      amount = parseMoney(values.amount, currency, locale);
      if (amount <= 0) errors.amount = 'must be more than zero';
      else if (amount > credit) errors.amount = `at most the credit, ${toDecimalText(Math.max(credit, 0), currency)}`;
    } catch (error) {
      errors.amount = error instanceof MoneyError ? error.message : String(error);
    }
  }
  const reference = values.reference.trim();
  if (reference && !/^[A-Za-z0-9._/-]*$/.test(reference))
    errors.reference = 'may hold only letters, digits and - _ / .';
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'Say why: it is kept with the refund';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: { customerId, amount, method: values.method, reference: values.method === 'cash' ? '' : reference, reason },
    errors: null,
  };
}
