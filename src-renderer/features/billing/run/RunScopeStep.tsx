import { Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useCallback, type FormEvent } from 'react';
import { call } from '../../../api';
import { useLoader } from '../../../hooks/useLoader';
import { usePlans } from '../../plans/usePlans';
import { CustomerPicker } from '../CustomerPicker';
import type { RunScopeValues, ScopeKind } from './runScope';

interface RunScopeStepProps {
  values: RunScopeValues;
  errors: Record<string, string>;
  today: string;
  loading: boolean;
  onChange: (change: Partial<RunScopeValues>, field: string) => void;
  onPreview: () => void;
}

/** Step 1: the date to bill as of and who. Enter previews. */
export function RunScopeStep({ values, errors, today, loading, onChange, onPreview }: RunScopeStepProps) {
  const { plans } = usePlans();
  const planOptions = (plans ?? [])
    .filter((p) => p.status === 'active' || p.id === values.planId)
    .map((p) => ({ value: String(p.id), label: p.name }));

  const loadAccessPoints = useCallback(() => call('customers.accessPoints', {}), []);
  const { data: accessPoints } = useLoader(loadAccessPoints);
  const accessPointOptions = (accessPoints ?? []).map((a) => ({
    value: a.name,
    label: `${a.name} (${a.customers.toLocaleString()} customers)`,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPreview();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560} gap="md">
        <TextInput
          label="Bill as of"
          description={
            values.asOf === today
              ? 'Today in the office. Every period that has started by this date is billed, missed ones too.'
              : 'Every period that has started by this date is billed, missed ones too.'
          }
          type="date"
          value={values.asOf}
          error={errors.asOf}
          onChange={(e) => onChange({ asOf: e.currentTarget.value }, 'asOf')}
          styles={{ wrapper: { maxWidth: 220 } }}
          data-autofocus
          autoFocus
        />
        <Radio.Group label="Who" value={values.kind} onChange={(kind) => onChange({ kind: kind as ScopeKind }, 'kind')}>
          <Group mt={6} gap="lg">
            <Radio value="all" label="Everyone" />
            <Radio value="accessPoint" label="One access point" />
            <Radio value="plan" label="One plan" />
            <Radio value="customer" label="One customer" />
          </Group>
        </Radio.Group>
        {values.kind === 'accessPoint' && (
          <Select
            label="Access point"
            placeholder="Pick an access point"
            searchable
            nothingFoundMessage="No customer is on such an access point"
            data={accessPointOptions}
            value={values.accessPoint || null}
            error={errors.accessPoint}
            onChange={(name) => onChange({ accessPoint: name ?? '' }, 'accessPoint')}
            autoFocus
          />
        )}
        {values.kind === 'plan' && (
          <Select
            label="Plan"
            placeholder="Pick a plan"
            searchable
            data={planOptions}
            value={values.planId === null ? null : String(values.planId)}
            error={errors.planId}
            onChange={(id) => onChange({ planId: id === null ? null : Number(id) }, 'planId')}
            autoFocus
          />
        )}
        {values.kind === 'customer' && (
          <CustomerPicker
            label="Customer"
            placeholder="Name, account no or phone"
            value={values.customerId}
            error={errors.customerId}
            onChange={(customerId) => onChange({ customerId }, 'customerId')}
            autoFocus
          />
        )}
        <Text size="sm" c="dimmed">
          The preview issues nothing: you see every invoice before you confirm.
        </Text>
        <Group>
          <Button type="submit" loading={loading} leftSection={<IconEye size={18} />}>
            Preview
          </Button>
          {loading && (
            <Text size="sm" c="dimmed" role="status">
              Working out every invoice… a few seconds for a few thousand customers.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
