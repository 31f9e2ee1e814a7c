import { describe, expect, it } from 'vitest';
import { numberRangeText, parseRate, plural, rateText } from '../../../../src-renderer/features/billing/billingText';

describe('billing words', () => {
  it('writes tax rates from basis points', () => {
    expect(rateText(1800)).toBe('18%');
    expect(rateText(1250)).toBe('12.5%');
    expect(rateText(25)).toBe('0.25%');
    expect(rateText(0)).toBe('0%');
  });

  it('reads typed percents as basis points without floats', () => {
    expect(parseRate('18')).toBe(1800);
    expect(parseRate(' 12.5 % ')).toBe(1250);
    expect(parseRate('0.25')).toBe(25);
    expect(parseRate('100')).toBe(10_000);
    expect(parseRate('101')).toBeNull();
    expect(parseRate('1.234')).toBeNull();
    expect(parseRate('')).toBeNull();
    expect(parseRate('ten')).toBeNull();
  });

  it('writes a run’s number range', () => {
    expect(numberRangeText('INV/26-27/00001', 'INV/26-27/00042')).toBe('INV/26-27/00001–INV/26-27/00042');
    expect(numberRangeText('INV/26-27/00007', 'INV/26-27/00007')).toBe('INV/26-27/00007');
    expect(numberRangeText(null, null)).toBeNull();
    expect(plural(1, 'invoice')).toBe('1 invoice');
    expect(plural(3, 'invoice')).toBe('3 invoices');
  });
});
