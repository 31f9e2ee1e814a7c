import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { BillingFields } from './BillingFields';
import { textField, type CustomerFieldsProps } from './customerFieldProps';
import { usePlanOptions } from './usePlanOptions';

const BILLING_DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));

interface ServiceFieldsProps extends CustomerFieldsProps {
  currentPlanId: number | null;
}

export function ServiceFields({ currentPlanId, ...props }: ServiceFieldsProps) {
  const { values, errors, set } = props;
  const { options, loading } = usePlanOptions(currentPlanId);
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
        <Select
          label="Billing day"
          description="Day of the month the bill is made"
          data={BILLING_DAYS}
          value={values.billingDay}
          error={errors.billingDay}
          allowDeselect={false}
          onChange={(day) => day && set('billingDay', day)}
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
