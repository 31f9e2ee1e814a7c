// The day book's cash drawer as typed: the opening float and the cash counted as text, read into
// minor units on close; the day kept in the address (#/daybook?day=2026-11-20).
import type { CloseDayInput, DayBook } from '../../../../src-shared/contract';
import { isIsoDate } from '../../../../src-shared/dates';
import { MoneyError, parseMoney, toDecimalText } from '../../../../src-shared/money';

export interface CashDrawerValues {
  openingFloat: string;
  counted: string;
  note: string;
}

/** The drawer for a day as the book has it: the float prefilled (last close's count), nothing counted yet. */
export function cashDrawerValues(book: DayBook, currency: string): CashDrawerValues {
  return {
    openingFloat: toDecimalText(book.openingFloat, currency),
    counted: book.close ? toDecimalText(book.close.counted, currency) : '',
    note: book.close?.note ?? '',
  };
}

/** An amount typed into the drawer: null when blank, else minor units or the reason it does not read. */
export function readCash(text: string, currency: string, locale: string): number | string | null {
  if (!text.trim()) return null;
  try {
    const minor = parseMoney(text, currency, locale);
    return minor < 0 ? 'cannot be negative' : minor;
  } catch (error) {
    return error instanceof MoneyError ? error.message : 'must be an amount like 1500.00';
  }
}

/** What the drawer should hold with the float as typed (the book's figure is for the book's float). */
export function expectedWith(book: DayBook, openingFloat: number): number {
  return openingFloat + book.cashReceived - book.cashRefunded - book.cashReversed;
}

/** Reads the drawer into payments.closeDay's input, or errors by field. */
export function toCloseDayInput(
  day: string,
  values: CashDrawerValues,
  currency: string,
  locale: string,
): { input?: CloseDayInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const float = readCash(values.openingFloat, currency, locale);
  if (typeof float === 'string') errors.openingFloat = float;
  const counted = readCash(values.counted, currency, locale);
  if (counted === null) errors.counted = 'is required: count the cash in the drawer and type the total';
  else if (typeof counted === 'string') errors.counted = counted;
  if (values.note.length > 200) errors.note = 'must be at most 200 characters';
  if (Object.keys(errors).length) return { errors };
  return {
    input: { day, openingFloat: (float as number | null) ?? 0, counted: counted as number, note: values.note.trim() },
    errors,
  };
}

/** Short, over or exact: how a difference reads and its colour. */
export function differenceText(difference: number, money: (minor: number) => string): { text: string; color: string } {
  if (difference < 0) return { text: `−${money(-difference)} short`, color: 'red' };
  if (difference > 0) return { text: `+${money(difference)} over`, color: 'orange' };
  return { text: `${money(0)} exact`, color: 'teal' };
}

/** The day asked for in the address, or null for today. */
export function dayFromParams(params: string): string | null {
  const day = new URLSearchParams(params).get('day');
  return day && isIsoDate(day) ? day : null;
}
