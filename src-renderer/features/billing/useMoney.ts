import { useCallback } from 'react';
import { formatMoney } from '../../../src-shared/money';
import { useSettings } from '../settings/useSettings';

/** Formats minor units in the office's currency and locale: 49900 -> "₹499.00". */
export function useMoney(): (minor: number) => string {
  const { settings } = useSettings();
  const currency = settings.currency || 'INR';
  const locale = settings.locale || 'en-IN';
  return useCallback((minor: number) => formatMoney(minor, currency, locale), [currency, locale]);
}
