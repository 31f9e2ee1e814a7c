import { useCallback } from 'react';
import { call } from '../../../api';
import { useLoader } from '../../../hooks/useLoader';

/**
 * How many archived customers match a filter that found no current one, so the list can say
 * so instead of a bare "nothing found". Asks only when `ask` is true; null until it knows.
 */
export function useArchivedMatchCount(query: string, planId: number | null, ask: boolean): number | null {
  const load = useCallback(
    async () =>
      ask ? (await call('customers.list', { query, planId, status: 'archived', page: 1, pageSize: 1 })).total : null,
    [query, planId, ask],
  );
  const { data, loading } = useLoader<number | null>(load);
  return ask && !loading ? (data ?? null) : null;
}
