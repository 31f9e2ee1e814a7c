import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  addDays,
  addMonths,
  daysBetween,
  financialYearOf,
  isIsoDate,
  isTimeZone,
  localDateOf,
  todayIn,
} from '../../../src-shared/dates';

describe('the office’s own dates', () => {
  it('knows the days of every month, leap years by the Gregorian rule', () => {
    expect([2026, 2024, 2000, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28, 28]);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }),
    );
  });

  it('at 00:30 on 1 April in Kolkata (19:00 UTC on 31 March) it is the new financial year', () => {
    const now = new Date('2026-03-31T19:00:00Z');
    expect(now.toISOString().slice(0, 10)).toBe('2026-03-31'); // what UTC would have said
    const today = todayIn('Asia/Kolkata', now);
    expect(today).toBe('2026-04-01');
    expect(financialYearOf(today)).toEqual({ label: '2026-27', start: '2026-04-01', end: '2027-03-31' });
    expect(financialYearOf(todayIn('UTC', now)).label).toBe('2025-26');
  });

  it('converts instants to local dates on both sides of midnight', () => {
    expect(localDateOf('2026-11-26T18:29:59Z', 'Asia/Kolkata')).toBe('2026-11-26');
    expect(localDateOf('2026-11-26T18:30:00Z', 'Asia/Kolkata')).toBe('2026-11-27');
    expect(localDateOf('2026-11-27T04:00:00Z', 'America/New_York')).toBe('2026-11-26');
    expect(() => localDateOf('yesterday', 'UTC')).toThrow(/not an instant/);
  });

  it('knows real zones and dates', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-3')).toBe(false);
  });

  it('adds months the way billing periods run, clamped to the month’s end', () => {
    expect(addMonths('2026-11-05', 1)).toBe('2026-12-05');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-05', '2026-12-05')).toBe(30);
    expect(daysBetween('2026-12-05', '2026-11-05')).toBe(-30);
  });

  it('financial years: every date falls in exactly the year that contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 200 }), (offset) => {
        const date = addDays('1950-01-01', offset);
        const fy = financialYearOf(date);
        expect(fy.start <= date && date <= fy.end).toBe(true);
        expect(daysBetween(fy.start, fy.end) + 1).toBeOneOf([365, 366]);
        expect(fy.start.slice(5)).toBe('04-01');
      }),
    );
  });

  it('addDays and daysBetween agree for every date and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 200 }), fc.integer({ min: -4000, max: 4000 }), (start, n) => {
        const date = addDays('1950-01-01', start);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});
