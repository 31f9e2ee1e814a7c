// The Dues list's state as the address holds it (#/dues?bucket=d31_60&suspend=1&page=2), each key
// left out when it is the default, like the Invoices list.
import { AgeingBucket, type DuesInput } from '../../../../src-shared/contract';

export const DUES_PAGE_SIZES = [25, 50, 100];
/** The "due within" input's bounds, as the contract takes them. */
export const DUE_WITHIN_MAX = 90;

export interface DuesState {
  bucket: AgeingBucket | null;
  toSuspendOnly: boolean;
  dueWithinDays: number;
  search: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_DUES: DuesState = {
  bucket: null,
  toSuspendOnly: false,
  dueWithinDays: 7,
  search: '',
  page: 1,
  pageSize: 50,
};

const MAX_PAGE = 1_000_000;

function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

/** Reads the state from a query string; anything unknown or malformed is the default. */
export function duesFromParams(params: string | URLSearchParams): DuesState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const bucket = AgeingBucket.safeParse(p.get('bucket'));
  const within = wholeNumber(p.get('within'));
  const page = wholeNumber(p.get('page'));
  const size = wholeNumber(p.get('size'));
  return {
    bucket: bucket.success ? bucket.data : null,
    toSuspendOnly: p.get('suspend') === '1',
    dueWithinDays: within !== null && within <= DUE_WITHIN_MAX ? within : DEFAULT_DUES.dueWithinDays,
    search: (p.get('q') ?? '').trim().slice(0, 100),
    page: page !== null && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    pageSize: size !== null && DUES_PAGE_SIZES.includes(size) ? size : DEFAULT_DUES.pageSize,
  };
}

/** The query string for a state, defaults left out. */
export function duesToParams(state: DuesState): string {
  const p = new URLSearchParams();
  if (state.bucket) p.set('bucket', state.bucket);
  if (state.toSuspendOnly) p.set('suspend', '1');
  if (state.dueWithinDays !== DEFAULT_DUES.dueWithinDays) p.set('within', String(state.dueWithinDays));
  if (state.search.trim()) p.set('q', state.search.trim());
  if (state.page > 1) p.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_DUES.pageSize) p.set('size', String(state.pageSize));
  return p.toString();
}

/** A change of filter goes back to page one; a change of page alone keeps the rest. */
export function changeDues(state: DuesState, change: Partial<DuesState>): DuesState {
  const onlyPage = Object.keys(change).every((key) => key === 'page');
  return { ...state, ...change, page: onlyPage ? (change.page ?? state.page) : 1 };
}

/** The filter without paging: what the CSV and the reminder letters are asked for. */
export function duesFilter(state: DuesState): Omit<DuesInput, 'page' | 'pageSize'> {
  return {
    dueWithinDays: state.dueWithinDays,
    bucket: state.bucket,
    toSuspendOnly: state.toSuspendOnly,
    search: state.search.trim(),
  };
}

/** What payments.dues is asked for this state. */
export function duesInput(state: DuesState): DuesInput {
  return { ...duesFilter(state), page: state.page, pageSize: state.pageSize };
}

/** True when a filter narrows the list (the empty state then says "no match", not "nobody owes"). */
export function isDuesFiltered(state: DuesState): boolean {
  return !!(state.bucket || state.toSuspendOnly || state.search.trim());
}

/** The "due within" box as typed: a whole number of days 0–90, else null. */
export function readDueWithin(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n <= DUE_WITHIN_MAX ? n : null;
}
