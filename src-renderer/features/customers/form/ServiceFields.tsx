import { NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { billingDayText } from '../../plans/planText';
import { BillingFields } from './BillingFields';
import { textField, type CustomerFieldsProps } from './customerFieldProps';
import { usePlanOptions } from './usePlanOptions';

interface ServiceFieldsProps extends CustomerFieldsProps {
  currentPlanId: number | null;
}

export function ServiceFields({ currentPlanId, ...props }: ServiceFieldsProps) {
  const { values, errors, set } = props;
  const { options, periods, loading } = usePlanOptions(currentPlanId);
  const day = Number(values.billingDay);
  const period = values.planId === null ? null : (periods[values.planId] ?? null);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Plan"
          placeholder={loading ? 'Loading plans…' : options.length ? 'Choose a plan' : 'No active plans yet'}
          data={options}
          value={values.planId}
          error={errors.planId}
          onChange={(planId) => set('planId', planId)}
          clearable
          searchable
          nothingFoundMessage="No plan by that name"
        />
        <NumberInput
          label="Billing day"
          description={
            Number.isInteger(day) && day >= 1 && day <= 28 ? billingDayText(day, period) : 'Day 1 to 28 of the month'
          }
          min={1}
          max={28}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={values.billingDay}
          error={errors.billingDay}
          onChange={(typed) => set('billingDay', String(typed))}
        />
        <TextInput
          label="Installation date"
          type="date"
          description="When the CPE was installed"
          {...textField(props, 'installedOn')}
        />
      </SimpleGrid>
      <BillingFields {...props} />
      <Textarea label="Notes" autosize minRows={2} maxRows={6} {...textField(props, 'notes')} />
    </Stack>
  );
}
