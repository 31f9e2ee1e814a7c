// Money is an integer count of minor units (paise, cents) everywhere.
// Every conversion between text and minor units happens here, never in the UI.

/** The largest magnitude we accept: well inside Number.MAX_SAFE_INTEGER. */
export const MONEY_LIMIT = 2 ** 51;

export type Minor = number;

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** Throws unless `value` is an integer number of minor units within ±2^51. */
export function assertMinor(value: unknown): asserts value is Minor {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MoneyError(`money must be an integer number of minor units, got ${String(value)}`);
  }
  if (Math.abs(value) > MONEY_LIMIT) {
    throw new MoneyError(`money ${value} is past the limit of ±2^51 minor units`);
  }
}

export function isMinor(value: unknown): value is Minor {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MONEY_LIMIT;
}

/** How many minor digits a currency has (INR 2, JPY 0, BHD 3), from Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits as number;
}

/**
 * Parses what an operator types ("1,234.50", "₹ 499", "-20") into minor units
 * by string arithmetic, so no float is ever involved.
 */
export function parseMoney(text: string, currency = 'INR'): Minor {
  const digits = minorDigits(currency);
  const cleaned = text
    .trim()
    .replace(/[\s,_]/g, '')
    // A currency symbol may follow the sign, as formatMoney writes it: "-₹499.00".
    .replace(/^(-?)[^\d.-]+/, '$1');
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new MoneyError(`"${text}" is not an amount`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyError(`"${text}" has more than ${digits} decimal places for ${currency}`);
  }
  const minorText = (whole || '0') + fraction.padEnd(digits, '0');
  if (minorText.replace(/^0+/, '').length > 16) {
    throw new MoneyError(`"${text}" is too large`);
  }
  const value = Number(minorText) * (sign ? -1 : 1);
  assertMinor(value);
  return value === 0 ? 0 : value;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string, withSymbol: boolean): Intl.NumberFormat {
  const key = `${currency}|${locale}|${withSymbol}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: withSymbol ? 'currency' : 'decimal',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats minor units for display: 12345600 INR en-IN -> "₹1,23,456.00".
 * Uses BigInt-free exact decimal text so large values keep every digit.
 */
export function formatMoney(
  minor: Minor,
  currency = 'INR',
  locale = 'en-IN',
  options: { symbol?: boolean } = {},
): string {
  assertMinor(minor);
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  // Intl formats a decimal string exactly (no float rounding) when given one.
  const decimal = digits > 0 ? `${negative ? '-' : ''}${whole}.${fraction}` : `${negative ? '-' : ''}${whole}`;
  return formatter(currency, locale, options.symbol ?? true).format(decimal as unknown as number);
}

/** Minor units as plain decimal text for CSV and forms: 49900 INR -> "499.00". */
export function toDecimalText(minor: Minor, currency = 'INR'): string {
  assertMinor(minor);
  const digits = minorDigits(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${minor < 0 ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * Splits `total` into parts proportional to `weights`, largest remainder first,
 * so the parts always add up to the total exactly.
 */
export function allocate(total: Minor, weights: number[]): Minor[] {
  assertMinor(total);
  if (weights.length === 0) throw new MoneyError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) {
    throw new MoneyError('allocate weights must be non-negative integers');
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new MoneyError('allocate weights must not all be zero');
  const sign = total < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(total));
  const big = weights.map((w) => BigInt(w));
  const bigSum = BigInt(sum);
  const parts = big.map((w) => (abs * w) / bigSum);
  const remainders = big.map((w, i) => ({ i, r: (abs * w) % bigSum }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p) * sign);
}

/** Tax on an amount at a rate in basis points (1800 = 18%), rounded half-up. */
export function taxOn(amount: Minor, rateBps: number): Minor {
  assertMinor(amount);
  if (!Number.isInteger(rateBps) || rateBps < 0) throw new MoneyError('tax rate must be whole basis points');
  const product = BigInt(amount) * BigInt(rateBps);
  const q = product / 10000n;
  const r = product % 10000n;
  const rounded = r * 2n >= 10000n ? q + 1n : r * 2n <= -10000n ? q - 1n : q;
  return Number(rounded);
}
