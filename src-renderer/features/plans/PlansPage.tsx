import { Button, EmptyState, Paper } from '@mantine/core';
import { IconPlus, IconWifi } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../src-shared/contract';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { notifyError, notifySuccess } from '../../lib/notify';
import { PlanFormModal } from './PlanFormModal';
import { PlansTable } from './PlansTable';
import { usePlans } from './usePlans';

type PlanForm = { plan: Plan | null } | null;

export function PlansPage() {
  const { plans, reload } = usePlans();
  const [form, setForm] = useState<PlanForm>(null);
  const [busyPlanId, setBusyPlanId] = useState<number | null>(null);

  async function toggleStatus(plan: Plan) {
    setBusyPlanId(plan.id);
    try {
      const status = plan.status === 'active' ? 'retired' : 'active';
      const changed = await call('plans.setStatus', { id: plan.id, status });
      notifySuccess(
        status === 'retired' ? `${changed.name} retired: it takes no new customers` : `${changed.name} is active again`,
      );
      reload();
    } catch (error) {
      notifyError(error, 'Plan not changed');
    } finally {
      setBusyPlanId(null);
    }
  }

  const newPlanButton = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setForm({ plan: null })}>
      New plan
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Plans"
        description="Service plans: speeds, price and tax. Retired plans keep their customers but take no new ones."
        actions={plans?.length ? newPlanButton : undefined}
      />
      {!plans && <PageLoader label="Loading plans" />}
      {plans?.length === 0 && (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconWifi size={28} />}
            title="No plans yet"
            description="Create your first service plan — speeds, monthly price and GST — before signing up customers."
          >
            <EmptyState.Actions>{newPlanButton}</EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      {plans && plans.length > 0 && (
        <Paper withBorder>
          <PlansTable
            plans={plans}
            busyPlanId={busyPlanId}
            onEdit={(plan) => setForm({ plan })}
            onToggleStatus={(plan) => void toggleStatus(plan)}
          />
        </Paper>
      )}
      {form && <PlanFormModal plan={form.plan} onClose={() => setForm(null)} onSaved={reload} />}
    </>
  );
}
