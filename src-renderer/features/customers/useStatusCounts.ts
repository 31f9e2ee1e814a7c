import { useCallback } from 'react';
import { call } from '../../api';
import { useAppEvent } from '../../hooks/useAppEvent';
import { useLoader } from '../../hooks/useLoader';

/** How many customers are active, suspended, disconnected, archived; live. */
export function useStatusCounts() {
  const loadCounts = useCallback(() => call('customers.countByStatus', {}), []);
  const { data, loading, reload } = useLoader(loadCounts);
  useAppEvent('customers.changed', reload);
  return { counts: data, loading, reload };
}
