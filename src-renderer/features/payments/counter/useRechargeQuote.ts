import { useCallback, useEffect, useRef } from 'react';
import type { RechargeQuote } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { useLoader } from '../../../hooks/useLoader';

/**
 * What a recharge of `periods` of a plan (null: theirs) costs this customer now, after their
 * credit; asked again when the credit changes.
 */
export function useRechargeQuote(customerId: number, planId: number | null, periods: number, credit: number) {
  const load = useCallback(
    () => call('payments.rechargeQuote', { customerId, planId, periods }),
    [customerId, planId, periods],
  );
  const { data, error, loading, reload } = useLoader<RechargeQuote>(load);
  const lastCredit = useRef(credit);
  useEffect(() => {
    if (lastCredit.current === credit) return;
    lastCredit.current = credit;
    reload();
  }, [credit, reload]);
  return { quote: data, error, loading };
}
