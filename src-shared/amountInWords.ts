// An amount in words, as Indian invoices and cheques print it:
// 12345650 paise -> "One Lakh Twenty-Three Thousand Four Hundred Fifty-Six Rupees and Fifty Paise Only".
// Rupees count in lakhs and crores; other currencies in thousands, millions, billions.
import { assertMinor, minorDigits, type Minor } from './money';

const ONES = [
  'Zero',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 0 < n < 1000: "Four Hundred Fifty-Six" (no "and", as Indian invoices write it). */
function belowThousand(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(`${ONES[hundreds]} Hundred`);
  if (rest > 0 && rest < 20) words.push(ONES[rest]!);
  else if (rest >= 20) words.push(rest % 10 ? `${TENS[Math.floor(rest / 10)]}-${ONES[rest % 10]}` : TENS[rest / 10]!);
  return words.join(' ');
}

interface Scale {
  value: number;
  name: string;
}
// The largest scale takes everything above it, so 10^12 rupees is "One Lakh Crore".
const INDIAN: Scale[] = [
  { value: 10_000_000, name: 'Crore' },
  { value: 100_000, name: 'Lakh' },
  { value: 1_000, name: 'Thousand' },
];
const INTERNATIONAL: Scale[] = [
  { value: 1_000_000_000_000, name: 'Trillion' },
  { value: 1_000_000_000, name: 'Billion' },
  { value: 1_000_000, name: 'Million' },
  { value: 1_000, name: 'Thousand' },
];

/** A whole number (0 ≤ n ≤ 2^53) in words. */
export function numberInWords(n: number, system: 'indian' | 'international' = 'international'): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`numberInWords needs a whole number, got ${n}`);
  if (n === 0) return ONES[0]!;
  const scales = system === 'indian' ? INDIAN : INTERNATIONAL;
  const words: string[] = [];
  let rest = n;
  scales.forEach((scale, i) => {
    const count = Math.floor(rest / scale.value);
    if (count === 0) return;
    rest %= scale.value;
    // Only the top scale can count past its own range ("Twenty-Two Lakh Crore").
    words.push(`${i === 0 ? numberInWords(count, system) : belowThousand(count)} ${scale.name}`);
  });
  if (rest > 0) words.push(belowThousand(rest));
  return words.join(' ');
}

interface CurrencyNames {
  one: string;
  many: string;
  minorOne: string;
  minorMany: string;
}
/** What a currency and its minor unit are called; others take their name from Intl and print the fraction as "50/100". */
const CURRENCY_NAMES: Record<string, CurrencyNames> = {
  INR: { one: 'Rupee', many: 'Rupees', minorOne: 'Paisa', minorMany: 'Paise' },
  USD: { one: 'Dollar', many: 'Dollars', minorOne: 'Cent', minorMany: 'Cents' },
  EUR: { one: 'Euro', many: 'Euros', minorOne: 'Cent', minorMany: 'Cents' },
  GBP: { one: 'Pound', many: 'Pounds', minorOne: 'Penny', minorMany: 'Pence' },
  AED: { one: 'Dirham', many: 'Dirhams', minorOne: 'Fil', minorMany: 'Fils' },
  NPR: { one: 'Nepalese Rupee', many: 'Nepalese Rupees', minorOne: 'Paisa', minorMany: 'Paise' },
  LKR: { one: 'Sri Lankan Rupee', many: 'Sri Lankan Rupees', minorOne: 'Cent', minorMany: 'Cents' },
  BDT: { one: 'Taka', many: 'Taka', minorOne: 'Poisha', minorMany: 'Poisha' },
};

const titleCase = (text: string) =>
  text.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/** The currency's English name, singular or plural, from CLDR through Intl ("Kenyan Shillings"). */
function intlCurrencyName(currency: string, count: 1 | 2): string {
  // Whole numbers: CLDR calls "1.000" plural ("1.000 Bahraini dinars").
  const part = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    currencyDisplay: 'name',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  })
    .formatToParts(count)
    .find((p) => p.type === 'currency');
  return titleCase(part?.value ?? currency);
}

/** Lakhs and crores for rupees, or wherever the office is in India. */
function usesIndianSystem(currency: string, locale: string): boolean {
  return currency === 'INR' || /-IN\b/i.test(locale);
}

/**
 * Minor units in words for a document's "Amount in words": 100 INR -> "One Rupee Only",
 * 5050 INR -> "Fifty Rupees and Fifty Paise Only", 50 INR -> "Fifty Paise Only",
 * -100 -> "Minus One Rupee Only". Exact for every amount within ±2^51.
 */
export function amountInWords(minor: Minor, currency = 'INR', locale = 'en-IN'): string {
  assertMinor(minor);
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / unit);
  const fraction = abs % unit;
  const system = usesIndianSystem(currency, locale) ? 'indian' : 'international';
  const names = CURRENCY_NAMES[currency];

  const wholeName =
    whole === 1 ? (names?.one ?? intlCurrencyName(currency, 1)) : (names?.many ?? intlCurrencyName(currency, 2));
  const wholeWords = `${numberInWords(whole, system)} ${wholeName}`;
  let words: string;
  if (fraction === 0) words = wholeWords;
  else if (!names) words = `${wholeWords} and ${String(fraction).padStart(digits, '0')}/${unit}`;
  else {
    const fractionWords = `${numberInWords(fraction, system)} ${fraction === 1 ? names.minorOne : names.minorMany}`;
    words = whole === 0 ? fractionWords : `${wholeWords} and ${fractionWords}`;
  }
  return `${minor < 0 ? 'Minus ' : ''}${words} Only`;
}
