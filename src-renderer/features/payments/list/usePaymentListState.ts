import { useCallback, useEffect, useMemo } from 'react';
import { replaceRoute, routeHref } from '../../../router/routes';
import { useHashRoute } from '../../../router/useHashRoute';
import {
  changePaymentList,
  paymentListFromParams,
  paymentListToParams,
  type PaymentListState,
} from './paymentListState';

const LAST_LIST_KEY = 'wispdesk.payments.lastList';

/** Where "Payments" on a payment's page goes back to: the list as the operator left it. */
export function lastPaymentListHref(): string {
  return routeHref({ page: 'payments', params: sessionStorage.getItem(LAST_LIST_KEY) ?? '' });
}

/** The Payments list's filters and page, kept in the address; a change replaces the history entry. */
export function usePaymentListState(): [PaymentListState, (change: Partial<PaymentListState>) => void] {
  const route = useHashRoute();
  const onList = route.page === 'payments';
  const params = onList ? (route.params ?? '') : '';
  const state = useMemo(() => paymentListFromParams(params), [params]);
  useEffect(() => {
    if (onList) sessionStorage.setItem(LAST_LIST_KEY, paymentListToParams(state));
  }, [onList, state]);
  const update = useCallback(
    (change: Partial<PaymentListState>) => {
      if (!onList) return;
      replaceRoute({ page: 'payments', params: paymentListToParams(changePaymentList(state, change)) });
    },
    [onList, state],
  );
  return [state, update];
}
