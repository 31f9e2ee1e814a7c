// The Payments list's state as the address holds it (#/payments?from=…&method=upi&page=2),
// each key left out when it is the default, like the Invoices list.
import { PaymentMethod, type PaymentListInput } from '../../../../src-shared/contract';
import { isIsoDate } from '../../../../src-shared/dates';
import { routeHref } from '../../../router/routes';

export const PAYMENT_PAGE_SIZES = [25, 50, 100];

export interface PaymentListState {
  kind: 'payment' | 'refund' | null;
  from: string | null;
  to: string | null;
  method: PaymentMethod | null;
  customerId: number | null;
  /** Part of a receipt number or a reference. */
  search: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAYMENT_LIST: PaymentListState = {
  kind: null,
  from: null,
  to: null,
  method: null,
  customerId: null,
  search: '',
  page: 1,
  pageSize: 50,
};

const MAX_PAGE = 1_000_000;

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

function isoDate(text: string | null): string | null {
  return text && isIsoDate(text) ? text : null;
}

/** Reads the state from a query string; anything unknown or malformed is the default. */
export function paymentListFromParams(params: string | URLSearchParams): PaymentListState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const kind = p.get('kind');
  const method = PaymentMethod.safeParse(p.get('method'));
  const size = positiveInt(p.get('size'));
  return {
    kind: kind === 'payment' || kind === 'refund' ? kind : null,
    from: isoDate(p.get('from')),
    to: isoDate(p.get('to')),
    method: method.success ? method.data : null,
    customerId: positiveInt(p.get('customer')),
    search: (p.get('q') ?? '').trim().slice(0, 60),
    page: Math.min(positiveInt(p.get('page')) ?? 1, MAX_PAGE),
    pageSize: size !== null && PAYMENT_PAGE_SIZES.includes(size) ? size : DEFAULT_PAYMENT_LIST.pageSize,
  };
}

/** The query string for a state, defaults left out. */
export function paymentListToParams(state: PaymentListState): string {
  const p = new URLSearchParams();
  if (state.kind) p.set('kind', state.kind);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.method) p.set('method', state.method);
  if (state.customerId !== null) p.set('customer', String(state.customerId));
  if (state.search.trim()) p.set('q', state.search.trim());
  if (state.page > 1) p.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAYMENT_LIST.pageSize) p.set('size', String(state.pageSize));
  return p.toString();
}

/** A change of filter goes back to page one; a change of page alone keeps the rest. */
export function changePaymentList(state: PaymentListState, change: Partial<PaymentListState>): PaymentListState {
  const onlyPage = Object.keys(change).every((key) => key === 'page');
  return { ...state, ...change, page: onlyPage ? (change.page ?? state.page) : 1 };
}

/** What payments.list is asked for this state. */
export function paymentListInput(state: PaymentListState): PaymentListInput {
  return {
    kind: state.kind,
    from: state.from,
    to: state.to,
    method: state.method,
    customerId: state.customerId,
    search: state.search.trim(),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** True when any filter narrows the list (the empty state then says "no match", not "no payments yet"). */
export function isFiltered(state: PaymentListState): boolean {
  return !!(state.kind || state.from || state.to || state.method || state.customerId !== null || state.search.trim());
}

/** A link to the Payments page in a given state, e.g. one customer's payments. */
export function paymentListHref(change: Partial<PaymentListState>): string {
  return routeHref({ page: 'payments', params: paymentListToParams({ ...DEFAULT_PAYMENT_LIST, ...change }) });
}
