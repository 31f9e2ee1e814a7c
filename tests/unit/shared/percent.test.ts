import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercent } from '../../../src-shared/percent';

describe('parsePercent', () => {
  it.each([
    ['2.5', 250],
    ['18', 1800],
    ['18.00', 1800],
    ['0.05', 5],
    ['0.1', 10],
    [' 2.5 % ', 250],
    ['2.5%', 250],
    ['2,5', 250],
    ['100', 10_000],
    ['0', 0],
    ['7.', 700],
    // A float would give 28.999999999999996 for 0.29 * 100.
    ['0.29', 29],
    ['1.15', 115],
  ])('%j → %i basis points', (text, bps) => {
    expect(parsePercent(text)).toBe(bps);
  });

  it.each([[''], ['%'], ['abc'], ['-1'], ['2.555'], ['100.01'], ['1000'], ['.5'], ['1e2'], ['2 .5'], ['2.5.1']])(
    'refuses %j',
    (text) => {
      expect(parsePercent(text)).toBeNull();
    },
  );
});

describe('formatPercent', () => {
  it.each([
    [250, '2.5'],
    [1800, '18'],
    [5, '0.05'],
    [29, '0.29'],
    [0, '0'],
    [10_000, '100'],
    [1_234, '12.34'],
  ])('%i → %j', (bps, text) => {
    expect(formatPercent(bps)).toBe(text);
  });

  it('reads back to the same value for every rate', () => {
    for (let bps = 0; bps <= 10_000; bps += 1) expect(parsePercent(formatPercent(bps))).toBe(bps);
  });

  it('refuses what is not whole basis points', () => {
    expect(() => formatPercent(2.5)).toThrow(RangeError);
    expect(() => formatPercent(-1)).toThrow(RangeError);
  });
});
