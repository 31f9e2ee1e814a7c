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

/** Intl builds a formatter in about a millisecond: once per currency is enough. */
const digitsCache = new Map<string, number>();

/** How many minor digits a currency has (INR 2, JPY 0, BHD 3), from Intl. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** How offices write a currency that Intl does not spell: "Rs. 499". */
const EXTRA_CURRENCY_TOKENS: Record<string, string[]> = {
  INR: ['Rs.', 'Rs', '₨'],
  USD: ['US$', '$US'],
  JPY: ['￥'],
};
/** Locales whose symbols for a currency are accepted whatever the office's locale (en-IN: "JP¥"). */
const TOKEN_LOCALES = ['en', 'en-IN', 'en-US', 'fr-FR'];

const tokenCache = new Map<string, string[]>();

/** Every way of writing `currency` that parseMoney accepts before or after the number, longest first. */
function currencyTokens(currency: string, locale: string): string[] {
  const key = `${currency}|${locale}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    const found = new Set<string>([currency, ...(EXTRA_CURRENCY_TOKENS[currency] ?? [])]);
    for (const loc of [locale, ...TOKEN_LOCALES]) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
        const part = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay })
          .formatToParts(1)
          .find((p) => p.type === 'currency');
        if (part?.value.trim()) found.add(part.value.trim());
      }
    }
    tokens = [...found].sort((a, b) => b.length - a.length);
    tokenCache.set(key, tokens);
  }
  return tokens;
}

const separatorCache = new Map<string, { group: string; decimal: string }>();

/** The group and decimal separators of a locale, from Intl ("1.234.567,5" in de-DE). */
function separators(locale: string): { group: string; decimal: string } {
  let found = separatorCache.get(locale);
  if (!found) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1_234_567.5);
    } catch {
      throw new MoneyError(`"${locale}" is not a known locale`);
    }
    found = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, found);
  }
  return found;
}

const startsWithToken = (text: string, token: string) =>
  text.slice(0, token.length).toLowerCase() === token.toLowerCase();
const endsWithToken = (text: string, token: string) =>
  text.length >= token.length && text.slice(text.length - token.length).toLowerCase() === token.toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses what an operator types ("1,234.50", "₹ 499", "Rs. 499", "-20") into minor units
 * by string arithmetic, so no float is ever involved. The currency may be written before or
 * after the number as a whole token (₹, Rs., INR, and what Intl writes for it), in any case.
 * Separators are the locale's ("1.234,50 €" in de-DE); without a locale, "," groups and "."
 * is the decimal point. Text that could be misread (digits grouped oddly, another currency,
 * other letters) is refused rather than guessed at.
 */
export function parseMoney(text: string, currency = 'INR', locale?: string): Minor {
  const digits = minorDigits(currency);
  const { group, decimal } = locale ? separators(locale) : { group: ',', decimal: '.' };
  const tokens = currencyTokens(currency, locale ?? 'en-IN');
  const notAnAmount = () => new MoneyError(`"${text}" is not an amount`);

  let rest = text.replace(/\u2212/g, '-').trim();
  let negative = false;
  const takeSign = () => {
    if (!rest.startsWith('-')) return;
    if (negative) throw notAnAmount();
    negative = true;
    rest = rest.slice(1).trimStart();
  };
  // A symbol may come after the sign, as formatMoney writes it ("-₹499.00"), or before it ("₹-499").
  takeSign();
  const prefix = tokens.find((t) => startsWithToken(rest, t));
  if (prefix) {
    rest = rest.slice(prefix.length).trimStart();
    takeSign();
  } else {
    const suffix = tokens.find((t) => endsWithToken(rest, t));
    if (suffix) rest = rest.slice(0, rest.length - suffix.length).trimEnd();
  }
  if (/[\p{L}\p{Sc}]/u.test(rest)) {
    const example = formatMoney(499 * 10 ** digits, currency, locale ?? 'en-IN');
    throw new MoneyError(
      `"${text}" has letters or a currency sign that is not ${currency}: type an amount like ${example}`,
    );
  }

  const decimalAt = rest.indexOf(decimal);
  const integerPart = decimalAt < 0 ? rest : rest.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : rest.slice(decimalAt + decimal.length);
  if (!/^[0-9]*$/.test(fraction)) throw notAnAmount();
  const groups = integerPart.split(new RegExp(`[\\s_]|${escapeRegExp(group)}`));
  if (groups.some((g) => !/^[0-9]*$/.test(g))) throw notAnAmount();
  if (groups.length > 1) {
    // 1,234,567 or 12,34,567 (Indian): a misplaced separator means the text is from another locale.
    const [first = '', ...others] = groups;
    const last = others.pop() ?? '';
    const middleLength = others[0]?.length ?? 3;
    const grouped =
      first.length >= 1 &&
      first.length <= 3 &&
      last.length === 3 &&
      (middleLength === 2 || middleLength === 3) &&
      others.every((g) => g.length === middleLength);
    if (!grouped) {
      throw new MoneyError(
        `"${text}" does not read as an amount: "${decimal}" is the decimal separator and ${/\s/.test(group) ? 'a space' : `"${group}"`} groups thousands`,
      );
    }
  }
  const whole = groups.join('');
  if (whole === '' && fraction === '') throw notAnAmount();
  if (fraction.length > digits) {
    throw new MoneyError(`"${text}" has more than ${digits} decimal places for ${currency}`);
  }
  const minorText = (whole || '0') + fraction.padEnd(digits, '0');
  if (minorText.replace(/^0+/, '').length > 16) {
    throw new MoneyError(`"${text}" is too large`);
  }
  const value = Number(minorText) * (negative ? -1 : 1);
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

/**
 * `value × numerator / denominator` rounded half-up (half away from zero, so a discount's
 * tax is exactly minus the tax of the same amount charged), in exact integer arithmetic.
 * Proration (price × days charged / days in the period) and tax splits go through here.
 */
export function mulDivHalfUp(value: Minor, numerator: number, denominator: number): Minor {
  assertMinor(value);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new MoneyError('proration needs whole numbers and a positive denominator');
  }
  const exact = value * numerator;
  let result: number;
  if (Number.isSafeInteger(exact)) {
    // Exact in doubles (a billing run does this 200,000 times: BigInt would cost ~10× more).
    let q = Math.trunc(exact / denominator);
    let r = exact - q * denominator;
    // The float division may land one off when the quotient is within an ulp of an integer.
    if (r >= denominator || (r > 0 && exact < 0)) [q, r] = [q + 1, r - denominator];
    else if (r <= -denominator || (r < 0 && exact > 0)) [q, r] = [q - 1, r + denominator];
    // `|| 0`: never a negative zero (SQLite would store it as a real, not an integer).
    result = (2 * r >= denominator ? q + 1 : 2 * r <= -denominator ? q - 1 : q) || 0;
  } else {
    const product = BigInt(value) * BigInt(numerator);
    const d = BigInt(denominator);
    const q = product / d;
    const r = product % d;
    result = Number(r * 2n >= d ? q + 1n : r * 2n <= -d ? q - 1n : q);
  }
  assertMinor(result);
  return result;
}
