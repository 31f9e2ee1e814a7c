// The office's own dates. Instants (when something happened) are stored in UTC; business dates
// (billing days, due dates, the financial year, the day book) are local ISO dates (YYYY-MM-DD)
// in the office's time zone, and every one of them is computed here. Between 00:00 and 05:30 in
// India, UTC still says yesterday: "today" never comes from toISOString().
// Date-only arithmetic works on the calendar (UTC midnights), never through a time zone.

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows ("Asia/Kolkata", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The time zone of the machine we run on. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The local date in `timeZone` at the instant `at` (a Date or an ISO timestamp). */
export function localDateOf(at: Date | string, timeZone: string): IsoDate {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`"${String(at)}" is not an instant`);
  const parts = dayFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Today's date in the office: `todayIn('Asia/Kolkata')`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return localDateOf(now, timeZone);
}

const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

function parse(date: IsoDate): { y: number; m: number; d: number } {
  // By character codes: billing runs parse a few hundred thousand dates.
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || Number.isNaN(y + m + d)) {
    throw new RangeError(`"${date}" is not a date like 2026-04-01`);
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`"${date}" is not a real date`);
  return { y, m, d };
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Days in month `m` (1–12) of year `y`. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  // Gregorian leap years: every 4th, but not centuries unless divisible by 400 (billing runs call this a lot).
  if (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1]!;
}

export function isIsoDate(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

export interface FinancialYear {
  /** "2026-27" as Indian offices and GST returns write it. */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/**
 * The financial year a business date falls in; India's runs 1 April – 31 March
 * (`startMonth` 4). A calendar-year office passes 1.
 */
export function financialYearOf(date: IsoDate, startMonth = 4): FinancialYear {
  const { y, m } = parse(date);
  const first = m >= startMonth ? y : y - 1;
  const start = iso(first, startMonth, 1);
  const end = addDays(addMonths(start, 12), -1);
  const label = startMonth === 1 ? String(first) : `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
  return { label, start, end };
}
