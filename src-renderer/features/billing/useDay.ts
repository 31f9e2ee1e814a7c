import { useCallback } from 'react';
import { formatDay } from '../../lib/formatDate';
import { useSettings } from '../settings/useSettings';

/** Formats a business date ("2026-03-05" -> "5 Mar 2026") in the office's locale. */
export function useDay(): (isoDate: string | null) => string {
  const { settings } = useSettings();
  const locale = settings.locale || 'en-IN';
  return useCallback((isoDate: string | null) => formatDay(isoDate, locale), [locale]);
}
