import { useCallback } from 'react';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** A customer's timeline, reloaded when the customer changes. */
export function useCustomerHistory(id: number) {
  const load = useCallback(() => call('customers.history', { id }), [id]);
  const { data, reload } = useLoader(load);
  useAppEvent('customers.changed', ({ ids }) => {
    if (ids === 'many' || ids.includes(id)) reload();
  });
  return { events: data, reload };
}
