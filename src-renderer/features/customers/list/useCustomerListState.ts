import { useCallback, useEffect, useMemo } from 'react';
import { replaceRoute, routeHref } from '../../../router/routes';
import { useHashRoute } from '../../../router/useHashRoute';
import { changeListState, listStateFromParams, listStateToParams, type CustomerListState } from './customerListState';

const LAST_LIST_KEY = 'wispdesk.customers.lastList';

/** Where "Customers" on a customer's page goes back to: the list as the operator left it. */
export function lastCustomerListHref(): string {
  return routeHref({ page: 'customers', params: sessionStorage.getItem(LAST_LIST_KEY) ?? '' });
}

/**
 * The customer list's filter, sort and page, kept in the address (#/customers?q=…&page=3):
 * a change replaces the current history entry, so Back from a customer and a reload return
 * to the same list, and Back does not step through every keystroke.
 */
export function useCustomerListState(): [CustomerListState, (change: Partial<CustomerListState>) => void] {
  const route = useHashRoute();
  const onList = route.page === 'customers';
  const params = onList ? (route.params ?? '') : '';
  const state = useMemo(() => listStateFromParams(params), [params]);
  // Only while the list is the screen: on the way out this hook may see the next screen's address.
  useEffect(() => {
    if (onList) sessionStorage.setItem(LAST_LIST_KEY, listStateToParams(state));
  }, [onList, state]);
  const update = useCallback(
    (change: Partial<CustomerListState>) => {
      if (!onList) return;
      replaceRoute({ page: 'customers', params: listStateToParams(changeListState(state, change)) });
    },
    [onList, state],
  );
  return [state, update];
}
