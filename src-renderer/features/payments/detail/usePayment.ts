import { useCallback } from 'react';
import type { PaymentDetail } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One payment or refund in full, reloaded when payments or billing change for its customer. */
export function usePayment(id: number) {
  const load = useCallback(() => call('payments.get', { id }), [id]);
  const { data, error, reload } = useLoader<PaymentDetail>(load);
  const mine = ({ customerIds }: { customerIds: number[] | 'many' }) => {
    if (customerIds === 'many' || (data && customerIds.includes(data.customerId))) reload();
  };
  useAppEvent('payments.changed', mine);
  useAppEvent('billing.changed', mine);
  return { payment: data, error, reload };
}
