// Percentages as operators type them ("2.5", "18 %") and basis points as the app stores them
// (250, 1800): converted by string arithmetic, so no float ever rounds a rate.

/** Two decimals: a basis point is 0.01%. */
const PERCENT = /^(\d{1,3})(?:[.,](\d{0,2}))?$/;

/**
 * "2.5" → 250, "18" → 1800, "0.25 %" → 25, ",5" is not read. Null for text that is not a
 * percentage with at most two decimals between 0 and 100.
 */
export function parsePercent(text: string): number | null {
  const match = PERCENT.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/** 250 → "2.5", 1800 → "18", 5 → "0.05": the shortest text parsePercent reads back to the same value. */
export function formatPercent(bps: number): string {
  if (!Number.isInteger(bps) || bps < 0) throw new RangeError(`${bps} is not a whole number of basis points`);
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
