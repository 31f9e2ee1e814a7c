// Words for payment screens: methods, what each method's reference is called, kinds, balances.
import type { PaymentDetail, PaymentMethod, PaymentRow, StatementEntry } from '../../../src-shared/contract';

export type PaymentAllocation = PaymentDetail['allocations'][number];

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  upi: 'UPI',
  bank: 'Bank transfer',
  card: 'Card',
  cheque: 'Cheque',
  gateway: 'Online gateway',
};

/** The methods in the order the counter offers them, cash first. */
export const METHOD_OPTIONS = (Object.keys(METHOD_LABELS) as PaymentMethod[]).map((value) => ({
  value,
  label: METHOD_LABELS[value],
}));

/** What the reference field is called for each method; cash has none. */
export const REFERENCE_LABELS: Record<PaymentMethod, string | null> = {
  cash: null,
  upi: 'UPI transaction id',
  bank: 'Bank UTR',
  card: 'Card slip / approval code',
  cheque: 'Cheque number',
  gateway: 'Gateway reference',
};

/** Methods whose reference must be typed (the contract refuses them without one). */
export const REFERENCE_REQUIRED: ReadonlySet<PaymentMethod> = new Set(['upi', 'cheque', 'gateway']);

/** What the form says when a required reference is missing. */
export function missingReference(method: PaymentMethod): string {
  return `Type the ${method === 'upi' ? 'UPI transaction id' : (REFERENCE_LABELS[method] ?? 'reference').toLowerCase()}`;
}

export const KIND_LABELS: Record<PaymentRow['kind'], string> = { payment: 'Payment', refund: 'Refund' };

export const SOURCE_LABELS: Record<PaymentRow['source'], string> = {
  counter: 'At the counter',
  import: 'From a bank statement',
  recharge: 'Prepaid recharge',
};

export const ALLOCATION_KIND_LABELS: Record<PaymentAllocation['kind'], string> = {
  payment: 'Paid at the counter',
  credit: 'Applied from credit',
  release: 'Released by a credit note',
  reversal: 'Undone by the reversal',
};

export const ENTRY_KIND_LABELS: Record<StatementEntry['kind'], string> = {
  invoice: 'Invoice',
  credit_note: 'Credit note',
  payment: 'Payment',
  reversal: 'Reversal',
  refund: 'Refund',
};

/** A balance in words: "Owes ₹499.00", "In credit ₹100.00", "Nothing owed". */
export function balanceWords(minor: number, money: (minor: number) => string): string {
  if (minor > 0) return `Owes ${money(minor)}`;
  if (minor < 0) return `In credit ${money(-minor)}`;
  return 'Nothing owed';
}
