import { useMemo } from 'react';
import type { BillingPeriod } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { PER_PERIOD } from '../../plans/planText';
import { usePlans } from '../../plans/usePlans';
import { useSettings } from '../../settings/useSettings';

export interface PlanOption {
  value: string;
  label: string;
}

/** Active plans to choose from, plus the customer's current plan even if it is retired. */
export function usePlanOptions(currentPlanId: number | null): {
  options: PlanOption[];
  /** Plan id (as the Select's value) -> its billing period. */
  periods: Record<string, BillingPeriod>;
  loading: boolean;
} {
  const { plans, loading } = usePlans();
  const { settings } = useSettings();
  const options = useMemo(
    () =>
      (plans ?? [])
        .filter((plan) => plan.status === 'active' || plan.id === currentPlanId)
        .map((plan) => ({
          value: String(plan.id),
          label: `${plan.name} — ${formatMoney(plan.priceMinor, settings.currency, settings.locale)}${PER_PERIOD[plan.billingPeriod]}${plan.status === 'retired' ? ' (retired)' : ''}`,
        })),
    [plans, currentPlanId, settings.currency, settings.locale],
  );
  const periods = useMemo(
    () => Object.fromEntries((plans ?? []).map((plan) => [String(plan.id), plan.billingPeriod])),
    [plans],
  );
  return { options, periods, loading };
}
