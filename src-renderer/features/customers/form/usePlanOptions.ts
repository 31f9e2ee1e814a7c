import { useMemo } from 'react';
import { formatMoney } from '../../../../src-shared/money';
import { PER_PERIOD } from '../../plans/planText';
import { usePlans } from '../../plans/usePlans';
import { useSettings } from '../../settings/useSettings';

export interface PlanOption {
  value: string;
  label: string;
}

/** Active plans to choose from, plus the customer's current plan even if it is retired. */
export function usePlanOptions(currentPlanId: number | null): { options: PlanOption[]; loading: boolean } {
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
  return { options, loading };
}
