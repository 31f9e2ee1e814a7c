// The customer list's state as the address holds it: `q`, `status`, `plan`, `sort`, `page`, `size`,
// each left out when it is the default, so a plain #/customers is the list as it first opens.
// Later lists (invoices, payments) copy this: parse leniently, write only what differs.
import {
  CUSTOMER_SORT_COLUMNS,
  CustomerStatusFilter,
  type CustomerStatusFilter as StatusFilter,
} from '../../../../src-shared/contract';
import { routeHref } from '../../../router/routes';

export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100];

export interface CustomerListState {
  query: string;
  status: StatusFilter;
  planId: number | null;
  sort: { column: CustomerSortColumn; direction: SortDirection };
  page: number;
  pageSize: number;
}

export const DEFAULT_LIST_STATE: CustomerListState = {
  query: '',
  status: 'current',
  planId: null,
  sort: { column: 'accountNo', direction: 'asc' },
  page: 1,
  pageSize: 50,
};

const MAX_PAGE = 1_000_000;

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\d{1,7}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

function parseSort(text: string | null): CustomerListState['sort'] {
  const [column, direction] = (text ?? '').split('.');
  const known = (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(column ?? '');
  if (!known) return DEFAULT_LIST_STATE.sort;
  return { column: column as CustomerSortColumn, direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** Reads the list's state from a query string; anything unknown or malformed falls back to the default. */
export function listStateFromParams(params: string | URLSearchParams): CustomerListState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const status = CustomerStatusFilter.safeParse(p.get('status'));
  const size = positiveInt(p.get('size'));
  return {
    query: (p.get('q') ?? '').trim().slice(0, 200),
    status: status.success ? status.data : DEFAULT_LIST_STATE.status,
    planId: positiveInt(p.get('plan')),
    sort: parseSort(p.get('sort')),
    page: Math.min(positiveInt(p.get('page')) ?? 1, MAX_PAGE),
    pageSize: size !== null && PAGE_SIZES.includes(size) ? size : DEFAULT_LIST_STATE.pageSize,
  };
}

/** The query string for a state, defaults left out ('' for the list as it first opens). */
export function listStateToParams(state: CustomerListState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_LIST_STATE;
  if (state.query.trim()) p.set('q', state.query.trim());
  if (state.status !== d.status) p.set('status', state.status);
  if (state.planId !== null) p.set('plan', String(state.planId));
  if (state.sort.column !== d.sort.column || state.sort.direction !== d.sort.direction) {
    p.set('sort', `${state.sort.column}.${state.sort.direction}`);
  }
  if (state.page > 1) p.set('page', String(state.page));
  if (state.pageSize !== d.pageSize) p.set('size', String(state.pageSize));
  return p.toString();
}

/**
 * The list after a change of filter, sort or page size: back to page one, since the old page
 * number means nothing in the new order. A change of page alone keeps everything else.
 */
export function changeListState(state: CustomerListState, change: Partial<CustomerListState>): CustomerListState {
  const onlyPage = Object.keys(change).every((key) => key === 'page');
  return { ...state, ...change, page: onlyPage ? (change.page ?? state.page) : 1 };
}

/** A click on a column header: the same column flips direction; a new column starts ascending. */
export function sortByColumn(
  current: CustomerListState['sort'],
  column: CustomerSortColumn,
): CustomerListState['sort'] {
  if (current.column !== column) return { column, direction: 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** A link to the customer list in a given state, e.g. the suspended ones from the dashboard. */
export function customerListHref(change: Partial<CustomerListState>): string {
  return routeHref({ page: 'customers', params: listStateToParams({ ...DEFAULT_LIST_STATE, ...change }) });
}
