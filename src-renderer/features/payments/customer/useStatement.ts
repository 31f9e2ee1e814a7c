import { useCallback } from 'react';
import type { Statement } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** A customer's statement for a date range, kept fresh as payments and invoices change. */
export function useStatement(customerId: number, from: string | null, to: string | null) {
  const load = useCallback(() => call('payments.statement', { customerId, from, to }), [customerId, from, to]);
  const { data, error, loading, reload } = useLoader<Statement>(load);
  const mine = ({ customerIds }: { customerIds: number[] | 'many' }) => {
    if (customerIds === 'many' || customerIds.includes(customerId)) reload();
  };
  useAppEvent('payments.changed', mine);
  useAppEvent('billing.changed', mine);
  return { statement: data, error, loading };
}
