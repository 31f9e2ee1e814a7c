import { useCallback, useEffect, useMemo } from 'react';
import { replaceRoute, routeHref } from '../../../router/routes';
import { useHashRoute } from '../../../router/useHashRoute';
import {
  changeInvoiceList,
  invoiceListFromParams,
  invoiceListToParams,
  type InvoiceListState,
} from './invoiceListState';

const LAST_LIST_KEY = 'wispdesk.invoices.lastList';

/** Where "Invoices" on an invoice's page goes back to: the list as the operator left it. */
export function lastInvoiceListHref(): string {
  return routeHref({ page: 'invoices', params: sessionStorage.getItem(LAST_LIST_KEY) ?? '' });
}

/** The Invoices list's filters and page, kept in the address; a change replaces the history entry. */
export function useInvoiceListState(): [InvoiceListState, (change: Partial<InvoiceListState>) => void] {
  const route = useHashRoute();
  const onList = route.page === 'invoices';
  const params = onList ? (route.params ?? '') : '';
  const state = useMemo(() => invoiceListFromParams(params), [params]);
  useEffect(() => {
    if (onList) sessionStorage.setItem(LAST_LIST_KEY, invoiceListToParams(state));
  }, [onList, state]);
  const update = useCallback(
    (change: Partial<InvoiceListState>) => {
      if (!onList) return;
      replaceRoute({ page: 'invoices', params: invoiceListToParams(changeInvoiceList(state, change)) });
    },
    [onList, state],
  );
  return [state, update];
}
