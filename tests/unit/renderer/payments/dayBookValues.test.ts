// The day book's cash drawer as typed: amounts read without floats, the close's input, and how a difference reads.
import { describe, expect, it } from 'vitest';
import { CloseDayInput, type DayBook } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import {
  cashDrawerValues,
  dayFromParams,
  differenceText,
  expectedWith,
  readCash,
  toCloseDayInput,
} from '../../../../src-renderer/features/payments/daybook/dayBookValues';

const book: DayBook = {
  day: '2026-11-20',
  byMethod: [
    { method: 'cash', count: 2, amount: 100_000 },
    { method: 'upi', count: 1, amount: 49_900 },
  ],
  received: 149_900,
  reversed: 0,
  refunds: [{ method: 'cash', count: 1, amount: 20_000 }],
  payments: [],
  openingFloat: 150_000,
  cashReceived: 100_000,
  cashRefunded: 20_000,
  cashReversed: 5_000,
  cashExpected: 225_000,
  close: null,
};
const money = (minor: number) => formatMoney(minor, 'INR', 'en-IN');

describe('the cash drawer', () => {
  it('prefills the float from the book and leaves the count to the operator', () => {
    expect(cashDrawerValues(book, 'INR')).toEqual({ openingFloat: '1500.00', counted: '', note: '' });
    const closed = {
      ...book,
      close: { counted: 224_000, difference: -1_000, note: 'short', closedAt: '2026-11-20T13:00:00Z' },
    };
    expect(cashDrawerValues(closed, 'INR')).toEqual({ openingFloat: '1500.00', counted: '2240.00', note: 'short' });
  });

  it('works out what the drawer should hold with the float as typed', () => {
    expect(expectedWith(book, book.openingFloat)).toBe(book.cashExpected);
    expect(expectedWith(book, 0)).toBe(75_000);
  });

  it('reads amounts in the office currency, and says why one does not read', () => {
    expect(readCash('₹2,249.90', 'INR', 'en-IN')).toBe(224_990);
    expect(readCash('  ', 'INR', 'en-IN')).toBeNull();
    expect(readCash('-5', 'INR', 'en-IN')).toBe('cannot be negative');
    expect(readCash('lots', 'INR', 'en-IN')).toEqual(expect.any(String));
  });

  it('makes the close input the channel takes; the count is required', () => {
    const values = { openingFloat: '1500', counted: '2240', note: ' ₹10 short ' };
    const { input, errors } = toCloseDayInput('2026-11-20', values, 'INR', 'en-IN');
    expect(errors).toEqual({});
    expect(CloseDayInput.parse(input)).toEqual({
      day: '2026-11-20',
      openingFloat: 150_000,
      counted: 224_000,
      note: '₹10 short',
    });
    expect(toCloseDayInput('2026-11-20', { ...values, counted: '' }, 'INR', 'en-IN').errors).toEqual({
      counted: expect.stringMatching(/required/),
    });
    expect(toCloseDayInput('2026-11-20', { ...values, openingFloat: '' }, 'INR', 'en-IN').input?.openingFloat).toBe(0);
    expect(toCloseDayInput('2026-11-20', { ...values, openingFloat: 'x' }, 'INR', 'en-IN').errors).toHaveProperty(
      'openingFloat',
    );
  });

  it('says short in red with a minus, over in orange, exact in green', () => {
    expect(differenceText(-1_000, money)).toEqual({ text: '−₹10.00 short', color: 'red' });
    expect(differenceText(2_550, money)).toEqual({ text: '+₹25.50 over', color: 'orange' });
    expect(differenceText(0, money)).toEqual({ text: '₹0.00 exact', color: 'teal' });
  });

  it('reads the day from the address, or today when there is none or it is not a date', () => {
    expect(dayFromParams('day=2026-11-20')).toBe('2026-11-20');
    expect(dayFromParams('day=2026-02-30')).toBeNull();
    expect(dayFromParams('')).toBeNull();
  });
});
