import { useCallback } from 'react';
import type { CustomerFilter, CustomerRow } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { useLoader } from '../../../hooks/useLoader';

export interface CustomerPage {
  records: CustomerRow[];
  total: number;
}

/** One page of customers from the back end; the rest never reaches the UI. */
export function useCustomerList(filter: CustomerFilter, page: number, pageSize: number) {
  const { query, status, planId, sort } = filter;
  const column = sort?.column;
  const direction = sort?.direction;
  const loadPage = useCallback(
    () =>
      call('customers.list', {
        query,
        status,
        planId,
        sort: column && direction ? { column, direction } : undefined,
        page,
        pageSize,
      }),
    [query, status, planId, column, direction, page, pageSize],
  );
  const { data, loading, reload } = useLoader<CustomerPage>(loadPage);
  useAppEvent('customers.changed', reload);
  return { records: data?.records ?? [], total: data?.total ?? 0, loaded: data !== undefined, loading, reload };
}
