import { useCallback } from 'react';
import type { DuesInput, DuesReport } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One page of the dues with the ageing totals over everyone; fresh after any payment or invoice. */
export function useDues(input: DuesInput) {
  const { dueWithinDays, bucket, toSuspendOnly, search, page, pageSize } = input;
  const load = useCallback(
    () => call('payments.dues', { dueWithinDays, bucket, toSuspendOnly, search, page, pageSize }),
    [dueWithinDays, bucket, toSuspendOnly, search, page, pageSize],
  );
  const { data, loading, error, reload } = useLoader<DuesReport>(load);
  useAppEvent('payments.changed', reload);
  useAppEvent('billing.changed', reload);
  useAppEvent('customers.changed', reload);
  useAppEvent('settings.changed', reload);
  return { data, loading, error, reload };
}
