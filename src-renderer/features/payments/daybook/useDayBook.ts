import { useCallback } from 'react';
import type { DayBook } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One day's payments, totals and cash drawer (today when `day` is null); fresh after any payment. */
export function useDayBook(day: string | null) {
  const load = useCallback(() => call('payments.dayBook', { day }), [day]);
  const { data, loading, error, reload } = useLoader<DayBook>(load);
  useAppEvent('payments.changed', reload);
  return { data, loading, error, reload };
}
