// The Invoices list's state as the address holds it (#/invoices?from=…&status=unpaid&page=2),
// each key left out when it is the default, like the customer list.
import { DocumentKind, DocumentStatus, type DocumentListInput } from '../../../../src-shared/contract';
import { isIsoDate } from '../../../../src-shared/dates';
import { routeHref } from '../../../router/routes';

export const INVOICE_PAGE_SIZES = [25, 50, 100];

export interface InvoiceListState {
  kind: DocumentKind | null;
  from: string | null;
  to: string | null;
  status: DocumentStatus | null;
  customerId: number | null;
  number: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_INVOICE_LIST: InvoiceListState = {
  kind: null,
  from: null,
  to: null,
  status: null,
  customerId: null,
  number: '',
  page: 1,
  pageSize: 50,
};

const MAX_PAGE = 1_000_000;

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

/** A real calendar date "YYYY-MM-DD", else null. */
function isoDate(text: string | null): string | null {
  return text && isIsoDate(text) ? text : null;
}

/** Reads the state from a query string; anything unknown or malformed is the default. */
export function invoiceListFromParams(params: string | URLSearchParams): InvoiceListState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const kind = DocumentKind.safeParse(p.get('kind'));
  const status = DocumentStatus.safeParse(p.get('status'));
  const size = positiveInt(p.get('size'));
  return {
    kind: kind.success ? kind.data : null,
    from: isoDate(p.get('from')),
    to: isoDate(p.get('to')),
    status: status.success ? status.data : null,
    customerId: positiveInt(p.get('customer')),
    number: (p.get('number') ?? '').trim().slice(0, 40),
    page: Math.min(positiveInt(p.get('page')) ?? 1, MAX_PAGE),
    pageSize: size !== null && INVOICE_PAGE_SIZES.includes(size) ? size : DEFAULT_INVOICE_LIST.pageSize,
  };
}

/** The query string for a state, defaults left out. */
export function invoiceListToParams(state: InvoiceListState): string {
  const p = new URLSearchParams();
  if (state.kind) p.set('kind', state.kind);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.status) p.set('status', state.status);
  if (state.customerId !== null) p.set('customer', String(state.customerId));
  if (state.number.trim()) p.set('number', state.number.trim());
  if (state.page > 1) p.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_INVOICE_LIST.pageSize) p.set('size', String(state.pageSize));
  return p.toString();
}

/** A change of filter goes back to page one; a change of page alone keeps the rest. */
export function changeInvoiceList(state: InvoiceListState, change: Partial<InvoiceListState>): InvoiceListState {
  const onlyPage = Object.keys(change).every((key) => key === 'page');
  return { ...state, ...change, page: onlyPage ? (change.page ?? state.page) : 1 };
}

/** What billing.documents is asked for this state. */
export function invoiceListInput(state: InvoiceListState): DocumentListInput {
  return {
    kind: state.kind,
    from: state.from,
    to: state.to,
    status: state.status,
    customerId: state.customerId,
    number: state.number.trim(),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** True when any filter narrows the list (the empty state then says "no match", not "no invoices yet"). */
export function isFiltered(state: InvoiceListState): boolean {
  return !!(state.kind || state.from || state.to || state.status || state.customerId !== null || state.number.trim());
}

/** A link to the Invoices page in a given state, e.g. one customer's documents. */
export function invoiceListHref(change: Partial<InvoiceListState>): string {
  return routeHref({ page: 'invoices', params: invoiceListToParams({ ...DEFAULT_INVOICE_LIST, ...change }) });
}
