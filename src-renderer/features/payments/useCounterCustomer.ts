import { useCallback } from 'react';
import type { CounterCustomer } from '../../../src-shared/contract';
import { call } from '../../api';
import { useAppEvent } from '../../hooks/useAppEvent';
import { useLoader } from '../../hooks/useLoader';

/** A customer as the counter sees them (balance, credit, open invoices, last payments), kept fresh. */
export function useCounterCustomer(customerId: number) {
  const load = useCallback(() => call('payments.counter', { customerId }), [customerId]);
  const { data, error, loading, reload } = useLoader<CounterCustomer>(load);
  const mine = ({ customerIds }: { customerIds: number[] | 'many' }) => {
    if (customerIds === 'many' || customerIds.includes(customerId)) reload();
  };
  useAppEvent('payments.changed', mine);
  useAppEvent('billing.changed', mine);
  return { counter: data, error, loading, reload };
}
