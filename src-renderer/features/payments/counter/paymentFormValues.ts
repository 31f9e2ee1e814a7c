// The counter's payment form ⇄ payments.record's input. Amounts are parsed in the office's
// currency and locale by string arithmetic, never as floats.
import type { DocumentRow, PaymentInput, PaymentMethod } from '../../../../src-shared/contract';
import { isIsoDate } from '../../../../src-shared/dates';
import { MoneyError, parseMoney, toDecimalText } from '../../../../src-shared/money';
import { missingReference, REFERENCE_REQUIRED } from '../paymentText';

export interface PaymentValues {
  amount: string;
  method: PaymentMethod;
  reference: string;
  chequeBank: string;
  chequeDate: string;
  receivedOn: string;
  note: string;
  /** Oldest invoice first, or the invoices ticked with the amounts typed. */
  allocation: 'oldest_first' | 'chosen';
  /** Invoice id -> the amount typed for it; a ticked invoice is one present here. */
  chosen: Record<number, string>;
}

/** A fresh form for a customer: the amount is what they owe (blank when nothing), dated today. */
export function emptyPaymentValues(balance: number, today: string, currency: string): PaymentValues {
  return {
    amount: balance > 0 ? toDecimalText(balance, currency) : '',
    method: 'cash',
    reference: '',
    chequeBank: '',
    chequeDate: '',
    receivedOn: today,
    note: '',
    allocation: 'oldest_first',
    chosen: {},
  };
}

/** The amount typed, in minor units, or null when it does not read as one (the preview then shows nothing). */
export function typedAmount(text: string, currency: string, locale: string): number | null {
  try {
    const minor = parseMoney(text, currency, locale);
    return minor > 0 ? minor : null;
  } catch {
    return null;
  }
}

/** Where `amount` goes oldest first, as the back end does it: invoice id -> amount; the rest is credit. */
export function oldestFirstPreview(
  open: DocumentRow[],
  amount: number,
): { onInvoices: Map<number, number>; credit: number } {
  const onInvoices = new Map<number, number>();
  let left = amount;
  for (const invoice of open) {
    if (left <= 0) break;
    if (invoice.outstanding <= 0) continue;
    const take = Math.min(left, invoice.outstanding);
    onInvoices.set(invoice.id, take);
    left -= take;
  }
  return { onInvoices, credit: Math.max(0, left) };
}

/**
 * Ticking an invoice puts on it what it still owes, or what is left of the amount when that is
 * less (never below zero shown: a blank when nothing is left).
 */
export function amountForTicked(
  invoice: DocumentRow,
  values: PaymentValues,
  open: DocumentRow[],
  currency: string,
  locale: string,
): string {
  const total = typedAmount(values.amount, currency, locale);
  if (total === null) return toDecimalText(invoice.outstanding, currency);
  let used = 0;
  for (const other of open) {
    const text = values.chosen[other.id];
    if (other.id === invoice.id || text === undefined) continue;
    used += typedAmount(text, currency, locale) ?? 0;
  }
  const left = Math.max(0, total - used);
  const take = Math.min(left, invoice.outstanding);
  return take > 0 ? toDecimalText(take, currency) : '';
}

export type PaymentParse = { input: PaymentInput; errors: null } | { input: null; errors: Record<string, string> };

function money(text: string, currency: string, locale: string, blank: string): { minor: number } | { error: string } {
  if (!text.trim()) return { error: blank };
  try {
    const minor = parseMoney(text, currency, locale);
    return minor > 0 ? { minor } : { error: 'must be more than zero' };
  } catch (error) {
    return { error: error instanceof MoneyError ? error.message : String(error) };
  }
}

/**
 * The input for payments.record, or errors keyed as the contract's fields are ("amount",
 * "reference", "chequeBank", "chequeDate", "receivedOn", "chosen.<invoiceId>", "allocation").
 */
export function paymentInput(
  customerId: number,
  values: PaymentValues,
  open: DocumentRow[],
  today: string,
  currency: string,
  locale: string,
): PaymentParse {
  const errors: Record<string, string> = {};
  const amount = money(values.amount, currency, locale, 'Type the amount received');
  if ('error' in amount) errors.amount = amount.error;

  const reference = values.reference.trim();
  const method = values.method;
  if (REFERENCE_REQUIRED.has(method) && !reference) {
    errors.reference = missingReference(method);
  } else if (reference && !/^[A-Za-z0-9._/-]*$/.test(reference)) {
    errors.reference = 'may hold only letters, digits and - _ / .';
  }
  const chequeBank = method === 'cheque' ? values.chequeBank.trim() : '';
  if (method === 'cheque' && !chequeBank) errors.chequeBank = 'Type the bank the cheque is drawn on';
  const chequeDate = method === 'cheque' && values.chequeDate ? values.chequeDate : null;
  if (chequeDate && !isIsoDate(chequeDate)) errors.chequeDate = 'Pick the date written on the cheque';

  if (!isIsoDate(values.receivedOn)) errors.receivedOn = 'Pick the day the money came in';
  else if (values.receivedOn > today) errors.receivedOn = 'A payment is dated the day it came in, not later';

  let allocation: PaymentInput['allocation'] = { kind: 'oldest_first' };
  if (values.allocation === 'chosen') {
    const invoices: { invoiceId: number; amount: number }[] = [];
    let sum = 0;
    for (const invoice of open) {
      const text = values.chosen[invoice.id];
      if (text === undefined) continue;
      const parsed = money(text, currency, locale, 'Type an amount, or untick the invoice');
      if ('error' in parsed) {
        errors[`chosen.${invoice.id}`] = parsed.error;
      } else if (parsed.minor > invoice.outstanding) {
        errors[`chosen.${invoice.id}`] = `only ${toDecimalText(invoice.outstanding, currency)} is left to pay on it`;
      } else {
        invoices.push({ invoiceId: invoice.id, amount: parsed.minor });
        sum += parsed.minor;
      }
    }
    if (invoices.length === 0 && !Object.keys(errors).some((k) => k.startsWith('chosen.'))) {
      errors.allocation = 'Tick the invoices to put the money on, or choose “Oldest first”';
    } else if ('minor' in amount && sum > amount.minor) {
      errors.allocation = `The amounts on invoices add up to ${toDecimalText(sum, currency)}, more than the ${toDecimalText(amount.minor, currency)} received`;
    }
    allocation = { kind: 'chosen', invoices };
  }

  if (Object.keys(errors).length > 0 || 'error' in amount) return { input: null, errors };
  return {
    input: {
      customerId,
      amount: amount.minor,
      method,
      receivedOn: values.receivedOn,
      reference: method === 'cash' ? '' : reference,
      chequeBank,
      chequeDate,
      note: values.note.trim(),
      allocation,
    },
    errors: null,
  };
}

/**
 * A refused save's field errors (ApiError.fieldErrors()) in the form's keys: a chosen invoice's
 * issue ("allocation.invoices.2") becomes that invoice's row.
 */
export function formErrorsFromServer(fieldErrors: Record<string, string>, chosenIds: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const match = /^allocation\.invoices\.(\d+)/.exec(key);
    const id = match ? chosenIds[Number(match[1])] : undefined;
    if (id !== undefined) out[`chosen.${id}`] = message;
    else if (key.startsWith('allocation')) out.allocation = message;
    else out[key] = message;
  }
  return out;
}
