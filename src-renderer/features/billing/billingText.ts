// Words and numbers for billing screens: statuses, tax rates, number ranges, periods.
import type { DocumentKind, DocumentStatus, LineKind } from '../../../src-shared/contract';
import { formatPercent, parsePercent } from '../../../src-shared/percent';

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  unpaid: 'Unpaid',
  partly_paid: 'Partly paid',
  paid: 'Paid',
  cancelled: 'Cancelled',
  issued: 'Issued',
};

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  unpaid: 'orange',
  partly_paid: 'yellow',
  paid: 'teal',
  cancelled: 'gray',
  issued: 'blue',
};

export const KIND_LABELS: Record<DocumentKind, string> = { invoice: 'Invoice', credit_note: 'Credit note' };

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  plan: 'Plan',
  addon: 'Add-on',
  one_time: 'One-time',
  discount: 'Discount',
  late_fee: 'Late fee',
};

/** 1800 -> "18%", 1250 -> "12.5%", 0 -> "0%". */
export function rateText(bps: number): string {
  return `${formatPercent(bps)}%`;
}

/** A percent typed by the operator ("12.5", "18 %") -> basis points, or null when it is not one. */
export const parseRate = parsePercent;

/** "INV/26-27/00001–INV/26-27/00042", one number alone, or null for none. */
export function numberRangeText(first: string | null, last: string | null): string | null {
  if (!first) return null;
  return !last || last === first ? first : `${first}–${last}`;
}

/** "1 invoice", "3 invoices". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "5 Mar 2026 – 4 Apr 2026" from two formatted days; a dash when there is no period. */
export function periodText(start: string | null, end: string | null, format: (d: string | null) => string): string {
  if (!start && !end) return '—';
  return `${format(start)} – ${format(end)}`;
}
