import { useCallback } from 'react';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One issued document in full, reloaded when billing changes for its customer. */
export function useDocument(id: number) {
  const load = useCallback(() => call('billing.document', { id }), [id]);
  const { data, error, reload } = useLoader(load);
  useAppEvent('billing.changed', ({ customerIds }) => {
    if (customerIds === 'many' || (data && customerIds.includes(data.customerId))) reload();
  });
  return { document: data, error, reload };
}
