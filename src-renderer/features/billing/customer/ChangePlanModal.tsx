import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PlanChangeInput } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { usePlans } from '../../plans/usePlans';
import { useMoney } from '../useMoney';

type When = NonNullable<PlanChangeInput['when']>;

interface ChangePlanModalProps {
  customerId: number;
  currentPlanId: number | null;
  onClose: () => void;
}

/** Moves a customer to another plan now (credit the old plan's unused days, bill the new one's) or next period. */
export function ChangePlanModal({ customerId, currentPlanId, onClose }: ChangePlanModalProps) {
  const { plans } = usePlans();
  const money = useMoney();
  const [planId, setPlanId] = useState<string | null>(null);
  const [when, setWhen] = useState<When>('next_period');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Retired plans are not offered: nobody new goes onto them.
  const options = (plans ?? [])
    .filter((p) => p.status === 'active' && p.id !== currentPlanId)
    .map((p) => ({ value: String(p.id), label: `${p.name} — ${money(p.priceMinor)}` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (planId === null) {
      setError('Pick the new plan');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const { creditNote, invoice } = await call('billing.changePlan', { customerId, planId: Number(planId), when });
      const issued = [creditNote && `credit note ${creditNote.number}`, invoice && `invoice ${invoice.number}`]
        .filter(Boolean)
        .join(' and ');
      notifySuccess(issued ? `Plan changed: ${issued} issued` : 'Plan changes from the next period');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Change plan" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" title="Plan not changed">
              {error}
            </Alert>
          )}
          <Select
            label="New plan"
            placeholder={options.length ? 'Pick a plan' : 'No other active plan'}
            searchable
            data={options}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setError(null);
            }}
            nothingFoundMessage="No active plan matches"
            data-autofocus
          />
          <Radio.Group label="From when" value={when} onChange={(v) => setWhen(v as When)}>
            <Stack gap="sm" mt={6}>
              <Radio
                value="next_period"
                label="From the next period"
                description="Nothing is issued now. The next billing run bills the new plan; this period stays as billed."
              />
              <Radio
                value="now"
                label="Now"
                description="A credit note gives back the old plan's unused days of this period, and an invoice bills the new plan for the rest of it."
              />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            Plan changes are recorded on the customer's timeline.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Change plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
