// Service periods. A customer's period starts on their billing day and lasts their plan's
// months, ending the day before the same billing day that many months later: billing day 5 on
// a monthly plan gives 5 Nov – 4 Dec, on a quarterly plan 5 Nov – 4 Feb.
import { addDays, addMonths, daysBetween, type IsoDate } from '../../../src-shared/dates';

export type BillingPeriod = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export const PERIOD_MONTHS: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export interface Span {
  start: IsoDate;
  end: IsoDate;
}

/** Days from start to end, both counted: 5 Nov – 4 Dec is 30. */
export function daysIn(span: Span): number {
  return daysBetween(span.start, span.end) + 1;
}

/** The last billing day on or before `date` (billing days are 1–28, so every month has one). */
export function billingDayOnOrBefore(date: IsoDate, billingDay: number): IsoDate {
  const sameMonth = `${date.slice(0, 8)}${String(billingDay).padStart(2, '0')}`;
  return sameMonth <= date ? sameMonth : addMonths(sameMonth, -1);
}

/** The whole period that starts on `start` and lasts `months`. */
export function wholePeriod(start: IsoDate, months: number): Span {
  return { start, end: addDays(addMonths(start, months), -1) };
}

/**
 * The period billing from `from` falls in: the one that began on the last billing day on or
 * before it. Billing from a billing day covers the whole period; from any other day (a new
 * connection on 20 Nov with billing day 5) only `from` to the period's end, prorated against
 * the whole period's real length.
 */
export function periodContaining(from: IsoDate, billingDay: number, months: number): Span {
  return wholePeriod(billingDayOnOrBefore(from, billingDay), months);
}

/** The days two spans share, or null. */
export function overlap(a: Span, b: Span): Span | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}
