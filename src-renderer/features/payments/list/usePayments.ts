import { useCallback } from 'react';
import type { PaymentListInput, PaymentPage } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One page of payments and refunds with the sums of the whole filtered set. */
export function usePayments(input: PaymentListInput) {
  const { kind, from, to, method, customerId, search, page, pageSize } = input;
  const load = useCallback(
    () => call('payments.list', { kind, from, to, method, customerId, search, page, pageSize }),
    [kind, from, to, method, customerId, search, page, pageSize],
  );
  const { data, loading, error, reload } = useLoader<PaymentPage>(load);
  useAppEvent('payments.changed', reload);
  return { data, loading, error, reload };
}
