import { useCallback } from 'react';
import type { DocumentListInput, DocumentPage } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

/** One page of invoices and credit notes with the sums of the whole filtered set. */
export function useDocuments(input: DocumentListInput) {
  const { kind, from, to, status, customerId, number, page, pageSize } = input;
  const load = useCallback(
    () => call('billing.documents', { kind, from, to, status, customerId, number, page, pageSize }),
    [kind, from, to, status, customerId, number, page, pageSize],
  );
  const { data, loading, error, reload } = useLoader<DocumentPage>(load);
  useAppEvent('billing.changed', reload);
  return { data, loading, error, reload };
}
