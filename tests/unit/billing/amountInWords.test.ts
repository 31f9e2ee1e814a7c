import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from '../../../src-shared/amountInWords';
import { MONEY_LIMIT } from '../../../src-shared/money';

describe('amountInWords in rupees (lakhs and crores)', () => {
  it.each([
    [12345650, 'One Lakh Twenty-Three Thousand Four Hundred Fifty-Six Rupees and Fifty Paise Only'],
    [117900, 'One Thousand One Hundred Seventy-Nine Rupees Only'],
    [100, 'One Rupee Only'],
    [101, 'One Rupee and One Paisa Only'],
    [50, 'Fifty Paise Only'],
    [0, 'Zero Rupees Only'],
    [1_00_00_000_00, 'One Crore Rupees Only'],
    [
      12_34_56_789_05,
      'Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine Rupees and Five Paise Only',
    ],
    [99_99_999_99, 'Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine Rupees and Ninety-Nine Paise Only'],
    [1_00_000_00_00_000_00, 'One Lakh Crore Rupees Only'],
    [2_000_10_00, 'Two Lakh Ten Rupees Only'],
    [-49900, 'Minus Four Hundred Ninety-Nine Rupees Only'],
  ])('%i paise -> %s', (minor, words) => {
    expect(amountInWords(minor, 'INR', 'en-IN')).toBe(words);
  });

  it('spells the largest amount money allows, 2^51 paise', () => {
    // 2^51 = 2,251,799,813,685,248 paise = ₹22,51,799,81,36,852.48: 22,51,799 crore and 81,36,852.
    expect(amountInWords(MONEY_LIMIT)).toBe(
      'Twenty-Two Lakh Fifty-One Thousand Seven Hundred Ninety-Nine Crore ' +
        'Eighty-One Lakh Thirty-Six Thousand Eight Hundred Fifty-Two Rupees and Forty-Eight Paise Only',
    );
    expect(amountInWords(-MONEY_LIMIT)).toMatch(/^Minus Twenty-Two Lakh .* Forty-Eight Paise Only$/);
  });

  it('refuses what is not money', () => {
    expect(() => amountInWords(1.5)).toThrow(/integer/);
    expect(() => amountInWords(MONEY_LIMIT + 2)).toThrow(/limit/);
  });
});

describe('amountInWords in other currencies (thousands, millions)', () => {
  it.each([
    [
      123456750,
      'USD',
      'en-US',
      'One Million Two Hundred Thirty-Four Thousand Five Hundred Sixty-Seven Dollars and Fifty Cents Only',
    ],
    [100, 'USD', 'en-US', 'One Dollar Only'],
    [1, 'USD', 'en-US', 'One Cent Only'],
    [250, 'GBP', 'en-GB', 'Two Pounds and Fifty Pence Only'],
    [1500, 'JPY', 'ja-JP', 'One Thousand Five Hundred Japanese Yen Only'],
    [12345, 'KES', 'en-KE', 'One Hundred Twenty-Three Kenyan Shillings and 45/100 Only'],
    [1234, 'BHD', 'en-BH', 'One Bahraini Dinar and 234/1000 Only'],
  ])('%i %s -> %s', (minor, currency, locale, words) => {
    expect(amountInWords(minor, currency, locale)).toBe(words);
  });

  it('counts past a trillion', () => {
    expect(numberInWords(5_000_000_000_000_000)).toBe('Five Thousand Trillion');
    expect(numberInWords(1_000_000_000_001)).toBe('One Trillion One');
  });
});

/** Reads words back into a number: the top scale multiplies all before it, the others add. */
function parseWords(words: string, system: 'indian' | 'international'): number {
  const small = new Map<string, number>();
  [
    'Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen',
    'Seventeen Eighteen Nineteen',
  ]
    .join(' ')
    .split(' ')
    .forEach((w, i) => small.set(w, i));
  'Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety'.split(' ').forEach((w, i) => small.set(w, 20 + 10 * i));
  const top = system === 'indian' ? ['Crore', 1e7] : ['Trillion', 1e12];
  const scales: Record<string, number> =
    system === 'indian' ? { Lakh: 1e5, Thousand: 1e3 } : { Billion: 1e9, Million: 1e6, Thousand: 1e3 };
  let total = 0;
  let current = 0;
  for (const token of words.split(' ')) {
    if (token === 'Hundred') current *= 100;
    else if (token === top[0]) {
      total = (total + current) * (top[1] as number);
      current = 0;
    } else if (scales[token]) {
      total += current * scales[token];
      current = 0;
    } else {
      const value = token.split('-').reduce((sum, part) => {
        const n = small.get(part);
        if (n === undefined) throw new Error(`not a number word: ${part} in "${words}"`);
        return sum + n;
      }, 0);
      current += value;
    }
  }
  return total + current;
}

describe('amountInWords for any amount', () => {
  const amount = fc.oneof(
    fc.integer({ min: -MONEY_LIMIT, max: MONEY_LIMIT }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }),
  );

  it('reads back to the same rupees and paise, with clean spacing', () => {
    fc.assert(
      fc.property(amount, (minor) => {
        const words = amountInWords(minor, 'INR', 'en-IN');
        expect(words).not.toMatch(/\s{2}|^\s|\s$|--/);
        expect(words.endsWith(' Only')).toBe(true);
        const body = words.replace(/^Minus /, '').replace(/ Only$/, '');
        let back = 0;
        for (const part of body.split(' and ')) {
          const [, number = '', unit = ''] = /^(.+) (Rupees?|Paisa|Paise)$/.exec(part) ?? [];
          back += parseWords(number, 'indian') * (unit.startsWith('Rupee') ? 100 : 1);
        }
        expect(back * (minor < 0 ? -1 : 1)).toBe(minor === 0 ? 0 : minor);
        expect(words.startsWith('Minus ')).toBe(minor < 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back in the international system too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = numberInWords(n, 'international');
        expect(words).not.toMatch(/\s{2}/);
        expect(parseWords(words, 'international')).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
