import { useCallback } from 'react';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One customer, reloaded when the back end says it changed. */
export function useCustomer(id: number) {
  const loadCustomer = useCallback(() => call('customers.get', { id }), [id]);
  const { data, error, loading, reload } = useLoader(loadCustomer);
  useAppEvent('customers.changed', ({ ids }) => {
    if (ids === 'many' || ids.includes(id)) reload();
  });
  return { customer: data, error, loading, reload };
}
