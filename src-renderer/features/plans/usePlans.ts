import { useCallback } from 'react';
import type { Plan } from '../../../src-shared/contract';
import { call } from '../../api';
import { useAppEvent } from '../../hooks/useAppEvent';
import { useLoader } from '../../hooks/useLoader';

/** Every plan (retired too), refreshed when plans or customer counts change. */
export function usePlans(): { plans: Plan[] | undefined; loading: boolean; reload: () => void } {
  const loadPlans = useCallback(() => call('plans.list', { includeRetired: true }), []);
  const { data, loading, reload } = useLoader(loadPlans);
  useAppEvent('plans.changed', reload);
  useAppEvent('customers.changed', reload);
  return { plans: data, loading, reload };
}
