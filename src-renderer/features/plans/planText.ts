import { BILLING_PERIODS, type BillingPeriod } from '../../../src-shared/contract';
import { formatMoney, taxOn } from '../../../src-shared/money';

/** kbit/s in one Mbit/s, as RouterOS counts it (10M is 10,000k) and plans are stored. */
export const KBPS_PER_MBPS = 1000;

export const BILLING_PERIOD_LABELS: Record<BillingPeriod, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  half_yearly: 'Half-yearly',
  yearly: 'Yearly',
};

export const BILLING_PERIOD_OPTIONS = BILLING_PERIODS.map((value) => ({ value, label: BILLING_PERIOD_LABELS[value] }));

export const PER_PERIOD: Record<BillingPeriod, string> = {
  monthly: '/month',
  quarterly: '/quarter',
  half_yearly: '/half-year',
  yearly: '/year',
};

/** 50000 -> "50 Mbit/s", 512 -> "512 kbit/s". */
export function formatSpeed(kbps: number): string {
  if (kbps < KBPS_PER_MBPS) return `${kbps} kbit/s`;
  const mbps = Math.round((kbps / KBPS_PER_MBPS) * 100) / 100;
  return `${mbps} Mbit/s`;
}

/** "18" or "18.5" percent -> 1800 or 1850 basis points, by string arithmetic (no float). */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/%$/, '').trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/** 1850 -> "18.5". */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export type SpeedUnit = 'mbps' | 'kbps';

/** "2.5" Mbit/s -> 2500 kbit/s; the decimals are read as text, never through a float. */
export function speedToKbps(text: string, unit: SpeedUnit): number | null {
  const match = /^(\d{1,9})(?:\.(\d{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  if (unit === 'kbps') return match[2] && /[1-9]/.test(match[2]) ? null : Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(3, '0');
  return Number(match[1]) * KBPS_PER_MBPS + Math.round((Number(fraction) * KBPS_PER_MBPS) / 1000);
}

/** The friendliest way to show a speed in the form: whole Mbit/s when it divides evenly. */
export function kbpsToSpeedText(kbps: number): { text: string; unit: SpeedUnit } {
  const mbps = kbps / KBPS_PER_MBPS;
  // Only when it reads back exactly: 2500 -> "2.5" Mbit/s, but 1234 stays "1234" kbit/s.
  if (kbps >= KBPS_PER_MBPS && Number.isInteger(mbps * 1000) && speedToKbps(String(mbps), 'mbps') === kbps) {
    return { text: String(mbps), unit: 'mbps' };
  }
  return { text: String(kbps), unit: 'kbps' };
}

/** What the tax is called on a price: GST in India (INR), tax elsewhere. */
export function taxName(currency: string): string {
  return currency === 'INR' ? 'GST' : 'tax';
}

/** The price the customer pays: tax rounded by money.ts. */
export function withTax(priceMinor: number, taxRateBps: number): number {
  return priceMinor + taxOn(priceMinor, taxRateBps);
}

/** 59900 at 1800 bps -> "₹599.00 + 18% GST = ₹706.82": the rounding is money.ts's, never a float. */
export function priceWithTax(priceMinor: number, taxRateBps: number, currency: string, locale: string): string {
  const price = formatMoney(priceMinor, currency, locale);
  if (taxRateBps === 0) return `${price}, no ${taxName(currency)}`;
  const total = formatMoney(withTax(priceMinor, taxRateBps), currency, locale);
  return `${price} + ${bpsToPercent(taxRateBps)}% ${taxName(currency)} = ${total}`;
}

const EVERY_NTH_MONTH: Record<BillingPeriod, string> = {
  monthly: 'of each month',
  quarterly: 'of every third month',
  half_yearly: 'of every sixth month',
  yearly: 'of the same month each year',
};

/** The billing day as the plan's period makes it: "Day 9 of every third month". */
export function billingDayText(day: number, period: BillingPeriod | null): string {
  return `Day ${day} ${period ? EVERY_NTH_MONTH[period] : 'of the month'}`;
}

/** Said while a plan's price is edited: who the new price reaches. */
export function priceChangeReach(customerCount: number): string | null {
  if (customerCount === 0) return null;
  return customerCount === 1
    ? '1 customer is on this plan: their next invoice uses the new price'
    : `${customerCount.toLocaleString('en')} customers are on this plan: their next invoices use the new price`;
}
