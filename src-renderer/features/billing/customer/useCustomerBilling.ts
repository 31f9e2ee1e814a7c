import { useCallback } from 'react';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** The customer's Billing section: balance, upcoming bill, documents, charges. */
export function useCustomerBilling(customerId: number) {
  const load = useCallback(() => call('billing.customer', { customerId }), [customerId]);
  const { data, error, loading, reload } = useLoader(load);
  useAppEvent('billing.changed', ({ customerIds }) => {
    if (customerIds === 'many' || customerIds.includes(customerId)) reload();
  });
  return { billing: data, error, loading, reload };
}
