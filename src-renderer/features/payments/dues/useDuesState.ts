import { useCallback, useMemo } from 'react';
import { replaceRoute } from '../../../router/routes';
import { useHashRoute } from '../../../router/useHashRoute';
import { changeDues, duesFromParams, duesToParams, type DuesState } from './duesState';

/** The Dues list's filters and page, kept in the address; a change replaces the history entry. */
export function useDuesState(): [DuesState, (change: Partial<DuesState>) => void] {
  const route = useHashRoute();
  const onList = route.page === 'dues';
  const params = onList ? (route.params ?? '') : '';
  const state = useMemo(() => duesFromParams(params), [params]);
  const update = useCallback(
    (change: Partial<DuesState>) => {
      if (!onList) return;
      replaceRoute({ page: 'dues', params: duesToParams(changeDues(state, change)) });
    },
    [onList, state],
  );
  return [state, update];
}
