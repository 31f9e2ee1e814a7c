import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mulDivHalfUp,
  allocate,
  assertMinor,
  formatMoney,
  isMinor,
  MONEY_LIMIT,
  MoneyError,
  minorDigits,
  parseMoney,
  taxOn,
  toDecimalText,
} from '../../../src-shared/money';

describe('parseMoney', () => {
  it.each([
    ['1,234.50', 123_450],
    ['₹ 499', 49_900],
    ['₹1,23,456.00', 12_345_600],
    ['-20', -2_000],
    ['0.5', 50],
    ['.75', 75],
    ['12.', 1_200],
    [' 7 ', 700],
    ['-0', 0],
    ['-₹499.00', -49_900],
    ['₹-499', -49_900],
  ])('reads %j as %i paise', (text, minor) => {
    expect(parseMoney(text, 'INR')).toBe(minor);
  });

  it('returns +0, never -0', () => {
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
  });

  it.each(['1.234', 'abc', '', '   ', '-', '.', '1.2.3', '1e5', '12abc', '--5', '-₹', '₹-₹5'])(
    'refuses %j for INR',
    (text) => {
      expect(() => parseMoney(text, 'INR')).toThrow(MoneyError);
    },
  );

  it('refuses float-looking text with more digits than the currency has', () => {
    expect(() => parseMoney('0.1000000000000000055511151231257827')).toThrow(MoneyError);
    expect(() => parseMoney('5.5', 'JPY')).toThrow(/decimal places/);
  });

  it('uses the digits of the currency: JPY has none, BHD three', () => {
    expect(parseMoney('1,500', 'JPY')).toBe(1_500);
    expect(parseMoney('1.234', 'BHD')).toBe(1_234);
  });

  it('refuses amounts too large to be exact', () => {
    expect(() => parseMoney('99999999999999999')).toThrow(MoneyError);
    expect(() => parseMoney('100000000000000000000')).toThrow(/too large/);
  });

  it('reads large amounts exactly, without float rounding', () => {
    expect(parseMoney('11258999068426.23')).toBe(1_125_899_906_842_623);
  });
});

describe('parseMoney: currency words and symbols', () => {
  it.each([
    ['Rs. 50', 5_000],
    ['Rs.50', 5_000],
    ['Rs.499', 49_900],
    ['Rs 499.50', 49_950],
    ['rs. 1,234', 123_400],
    ['RS.50', 5_000],
    ['INR 499', 49_900],
    ['inr499', 49_900],
    ['499 INR', 49_900],
    ['499INR', 49_900],
    ['499 Rs.', 49_900],
    ['₹499', 49_900],
    ['499 ₹', 49_900],
    ['₨ 10', 1_000],
    ['-Rs. 50', -5_000],
    ['Rs. -50', -5_000],
    ['-₹499.00', -49_900],
    ['₹-499', -49_900],
    ['-499 ₹', -49_900],
    ['\u2212₹499', -49_900], // a typographic minus sign
  ])('reads %j as %i paise', (text, minor) => {
    expect(parseMoney(text, 'INR')).toBe(minor);
  });

  it.each([
    ['$5', 'USD', 500],
    ['US$ 5', 'USD', 500],
    ['usd 5.25', 'USD', 525],
    ['5 $US', 'USD', 500],
    ['€ 5', 'EUR', 500],
    ['5 eur', 'EUR', 500],
    ['¥1,500', 'JPY', 1_500],
    ['￥1,500', 'JPY', 1_500],
    ['BHD 1.234', 'BHD', 1_234],
  ])('reads %j in %s as %i', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  // "50 rupees" is refused: a list of spelled-out words never ends (rupee, rupaye, रुपये), and the
  // message says what to type instead.
  it.each(['50 rupees', 'Rupees 50', 'Rsx 50', 'Rs. 50 Rs.', 'INRR 50', '50 INR ₹', '5O', 'abc 50'])(
    'refuses %j with a message about the letters',
    (text) => {
      expect(() => parseMoney(text, 'INR')).toThrow(/letters or a currency sign/);
    },
  );

  it('refuses the symbol of another currency', () => {
    expect(() => parseMoney('$50', 'INR')).toThrow(/not INR/);
    expect(() => parseMoney('Rs. 50', 'USD')).toThrow(MoneyError);
    expect(() => parseMoney('€5', 'USD')).toThrow(MoneyError);
    expect(() => parseMoney('₹5', 'EUR')).toThrow(MoneyError);
  });
});

describe('parseMoney: separators of a locale', () => {
  it('reads de-DE and fr-FR amounts when given the locale', () => {
    expect(parseMoney('1.234,50 €', 'EUR', 'de-DE')).toBe(123_450);
    expect(parseMoney('-1.234,50 €', 'EUR', 'de-DE')).toBe(-123_450);
    expect(parseMoney('1234,5', 'EUR', 'de-DE')).toBe(123_450);
    expect(parseMoney(',75', 'EUR', 'de-DE')).toBe(75);
    expect(parseMoney('1\u202f234,50\u00a0€', 'EUR', 'fr-FR')).toBe(123_450);
    expect(parseMoney('1 234,50 €', 'EUR', 'fr-FR')).toBe(123_450);
    expect(parseMoney('1,234.50', 'INR', 'en-IN')).toBe(123_450);
    expect(parseMoney('12,34,567.50', 'INR', 'en-IN')).toBe(123_456_750);
  });

  it('never misreads an amount written for another locale: it is refused', () => {
    // Read with the wrong separators these would be 1.23450 or 123450000.
    expect(() => parseMoney('1.234,50 €', 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney('1.234,50', 'INR', 'en-IN')).toThrow(MoneyError);
    expect(() => parseMoney('1,234.50', 'EUR', 'de-DE')).toThrow(MoneyError);
    expect(() => parseMoney('1.50', 'EUR', 'de-DE')).toThrow(MoneyError);
    expect(() => parseMoney('1.234.5', 'EUR', 'de-DE')).toThrow(MoneyError);
    expect(() => parseMoney('12,34', 'INR', 'en-IN')).toThrow(MoneyError);
    expect(() => parseMoney('1,2345', 'INR')).toThrow(MoneyError);
    expect(() => parseMoney('1,,234', 'INR')).toThrow(MoneyError);
    expect(() => parseMoney('1.234,50', 'EUR', 'fr-FR')).toThrow(MoneyError);
  });

  it('reads "1,234" under en-IN as 1234 rupees', () => {
    expect(parseMoney('1,234', 'INR', 'en-IN')).toBe(123_400);
    expect(parseMoney('1,234', 'INR')).toBe(123_400);
  });

  it('refuses an unknown locale as a money error', () => {
    expect(() => parseMoney('5', 'INR', 'not a locale!')).toThrow(MoneyError);
  });

  const LOCALES = ['en-IN', 'en-US', 'de-DE', 'fr-FR'];
  const CURRENCIES = ['INR', 'USD', 'EUR', 'JPY', 'BHD'];
  const minor = fc.integer({ min: -MONEY_LIMIT, max: MONEY_LIMIT });
  const small = fc.integer({ min: -2_000_000, max: 2_000_000 });

  it.each(LOCALES.flatMap((locale) => CURRENCIES.map((currency) => [locale, currency])))(
    'parseMoney(formatMoney(v)) === v in %s %s, with and without the symbol',
    (locale, currency) => {
      fc.assert(
        fc.property(fc.oneof(minor, small), fc.boolean(), (v, symbol) => {
          const text = formatMoney(v, currency, locale, { symbol });
          expect(parseMoney(text, currency, locale), text).toBe(v);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('formatMoney', () => {
  it('groups Indian style: 12345600 INR en-IN is ₹1,23,456.00', () => {
    expect(formatMoney(12_345_600, 'INR', 'en-IN')).toBe('₹1,23,456.00');
  });

  it('formats negatives and zero', () => {
    expect(formatMoney(-49_900, 'INR', 'en-IN')).toBe('-₹499.00');
    expect(formatMoney(0, 'INR', 'en-IN')).toBe('₹0.00');
    expect(formatMoney(5, 'INR', 'en-IN')).toBe('₹0.05');
  });

  it('keeps every digit of large values', () => {
    expect(formatMoney(2 ** 51, 'INR', 'en-IN', { symbol: false })).toBe('2,25,17,99,81,36,852.48');
    expect(formatMoney(1_125_899_906_842_623, 'USD', 'en-US')).toBe('$11,258,999,068,426.23');
    expect(formatMoney(-(2 ** 51) + 1, 'USD', 'en-US', { symbol: false })).toBe('-22,517,998,136,852.47');
  });

  it('formats JPY with no minor digits', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(1_500, 'JPY', 'ja-JP')).toMatch(/^[¥￥]1,500$/);
  });

  it('can leave out the symbol', () => {
    expect(formatMoney(123_450, 'INR', 'en-IN', { symbol: false })).toBe('1,234.50');
  });

  it('refuses non-integers', () => {
    expect(() => formatMoney(1.5)).toThrow(MoneyError);
  });

  it('round-trips with parseMoney', () => {
    for (const minor of [0, 1, 99, 100, 123_456_789, -5, MONEY_LIMIT]) {
      expect(parseMoney(formatMoney(minor, 'INR', 'en-IN'), 'INR')).toBe(minor);
    }
  });
});

describe('toDecimalText', () => {
  it('writes plain decimals for CSV', () => {
    expect(toDecimalText(49_900)).toBe('499.00');
    expect(toDecimalText(-5)).toBe('-0.05');
    expect(toDecimalText(1_500, 'JPY')).toBe('1500');
  });
});

describe('assertMinor', () => {
  it.each([1.5, NaN, Infinity, -Infinity, 2 ** 51 + 1, -(2 ** 51) - 1, '100', null, undefined, 10n])(
    'refuses %s',
    (value) => {
      expect(() => assertMinor(value)).toThrow(MoneyError);
      expect(isMinor(value)).toBe(false);
    },
  );

  it.each([0, -1, 2 ** 51, -(2 ** 51), 49_900])('accepts %s', (value) => {
    expect(() => assertMinor(value)).not.toThrow();
    expect(isMinor(value)).toBe(true);
  });
});

describe('allocate', () => {
  it('splits so the parts add up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
  });

  it('sums exactly for awkward totals and weights', () => {
    const cases: [number, number[]][] = [
      [1, [1, 1, 1, 1]],
      [99_999, [3, 7, 11, 13]],
      [MONEY_LIMIT, [1, 2, 3, 5, 7]],
      [-(2 ** 51) + 7, [2, 2, 9]],
      [12_345_678, [1800, 900, 900]],
    ];
    for (const [total, weights] of cases) {
      const parts = allocate(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      for (const p of parts) expect(Number.isInteger(p)).toBe(true);
    }
  });

  it('gives remainders to the largest fractions first', () => {
    // 10 * 1/6 = 1.67, 10 * 2/6 = 3.33, 10 * 3/6 = 5: the 0.67 gets the extra unit.
    expect(allocate(10, [1, 2, 3])).toEqual([2, 3, 5]);
  });

  it('refuses bad weights and totals', () => {
    expect(() => allocate(10, [])).toThrow(MoneyError);
    expect(() => allocate(10, [0, 0])).toThrow(MoneyError);
    expect(() => allocate(10, [1, -1])).toThrow(MoneyError);
    expect(() => allocate(10, [0.5, 1])).toThrow(MoneyError);
    expect(() => allocate(1.5, [1])).toThrow(MoneyError);
  });
});

describe('taxOn', () => {
  it('computes 18% GST', () => {
    expect(taxOn(49_900, 1800)).toBe(8_982);
  });

  it('rounds half up', () => {
    expect(taxOn(25, 1800)).toBe(5); // 4.5 -> 5
    expect(taxOn(1, 5000)).toBe(1); // 0.5 -> 1
    expect(taxOn(1, 4999)).toBe(0); // 0.4999 -> 0
    expect(taxOn(3, 5000)).toBe(2); // 1.5 -> 2
  });

  it('rounds negatives (credit notes) half away from zero, mirroring positives', () => {
    expect(taxOn(-25, 1800)).toBe(-5);
    expect(taxOn(-1, 4999)).toBe(0);
  });

  it('is exact for large amounts', () => {
    expect(taxOn(MONEY_LIMIT, 1800)).toBe(405_323_966_463_345);
  });

  it('refuses fractional or negative rates and non-integer amounts', () => {
    expect(() => taxOn(100, 18.5)).toThrow(MoneyError);
    expect(() => taxOn(100, -1)).toThrow(MoneyError);
    expect(() => taxOn(100.5, 1800)).toThrow(MoneyError);
  });
});

describe('mulDivHalfUp', () => {
  it('rounds value × numerator / denominator half away from zero, exactly, small or huge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 51), max: 2 ** 51 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (value, numerator, denominator) => {
          const product = BigInt(value) * BigInt(numerator);
          const d = BigInt(denominator);
          const q = product / d;
          const r = product % d;
          const expected = r * 2n >= d ? q + 1n : r * 2n <= -d ? q - 1n : q;
          if (expected > BigInt(2 ** 51) || expected < -BigInt(2 ** 51)) return;
          expect(mulDivHalfUp(value, numerator, denominator)).toBe(Number(expected));
        },
      ),
      { numRuns: 5000 },
    );
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(-5, 1, 2)).toBe(-3);
    expect(mulDivHalfUp(2 ** 51, 3, 4)).toBe(3 * 2 ** 49);
  });
});
