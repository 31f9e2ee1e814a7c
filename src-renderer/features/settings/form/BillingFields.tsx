import { Input, SegmentedControl, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import type { BillingTiming, FirstInvoice, LateFeeMode } from '../settingsFormValues';
import type { SettingsFormApi } from './settingsFormApi';

const TIMING_HELP: Record<BillingTiming, string> = {
  advance: 'Each period is invoiced as it starts: November’s invoice on 1 November.',
  arrears: 'Each period is invoiced after it ends: November’s invoice on 1 December.',
};
const FIRST_INVOICE_HELP: Record<FirstInvoice, string> = {
  separate: 'A customer who starts mid-period gets a short invoice for the days left.',
  combined: 'The days left are added to the first full period’s invoice.',
};
const LATE_FEE_HELP: Record<LateFeeMode, string> = {
  none: 'Overdue invoices get no fee.',
  flat: 'The same amount on every invoice paid late.',
  percent: 'A share of what is overdue.',
};

export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

function Choice<T extends string>({
  label,
  help,
  value,
  data,
  onChange,
}: {
  label: string;
  help: string;
  value: T;
  data: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <Input.Wrapper label={label} description={help} inputWrapperOrder={['label', 'input', 'description']}>
      <SegmentedControl
        aria-label={label}
        fullWidth
        mt={4}
        mb={4}
        value={value}
        onChange={(v) => onChange(v as T)}
        data={data}
      />
    </Input.Wrapper>
  );
}

const days = (
  <Text size="sm" c="dimmed">
    days
  </Text>
);

/** When invoices are made and due, and what paying late costs. */
export function BillingFields({ form }: { form: SettingsFormApi }) {
  const { values, set, field } = form;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Choice
          label="Bill"
          help={TIMING_HELP[values.billingTiming]}
          value={values.billingTiming}
          data={[
            { value: 'advance', label: 'In advance' },
            { value: 'arrears', label: 'In arrears' },
          ]}
          onChange={(timing) => set('billingTiming', timing)}
        />
        <Choice
          label="First, partial period"
          help={FIRST_INVOICE_HELP[values.firstInvoice]}
          value={values.firstInvoice}
          data={[
            { value: 'separate', label: 'Its own invoice' },
            { value: 'combined', label: 'With the next' },
          ]}
          onChange={(first) => set('firstInvoice', first)}
        />
      </SimpleGrid>
      <Switch
        label="Credit the days a customer is suspended"
        description="A suspension within a billed period gets a credit note for the days without service"
        checked={values.creditSuspendedDays}
        onChange={(event) => set('creditSuspendedDays', event.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Payment due after"
          description="Days from the invoice date; 0 means due on receipt"
          inputMode="numeric"
          rightSection={days}
          rightSectionWidth={48}
          {...field('dueDays')}
        />
      </SimpleGrid>
      <Choice
        label="Late fee"
        help={LATE_FEE_HELP[values.lateFeeMode]}
        value={values.lateFeeMode}
        data={[
          { value: 'none', label: 'None' },
          { value: 'flat', label: 'Flat amount' },
          { value: 'percent', label: 'Percent of overdue' },
        ]}
        onChange={(mode) => set('lateFeeMode', mode)}
      />
      {values.lateFeeMode !== 'none' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {values.lateFeeMode === 'flat' ? (
            <TextInput
              label="Late fee amount"
              description="Added to each invoice paid late"
              placeholder="100.00"
              inputMode="decimal"
              leftSection={<Text size="sm">{currencySymbol(values.currency, values.locale)}</Text>}
              {...field('lateFee')}
            />
          ) : (
            <TextInput
              label="Late fee percent"
              description="Of the overdue amount, e.g. 2 or 2.5"
              placeholder="2"
              inputMode="decimal"
              rightSection={<Text size="sm">%</Text>}
              {...field('lateFeePercent')}
            />
          )}
          <TextInput
            label="Grace period"
            description="Days after the due date before the fee is added"
            inputMode="numeric"
            rightSection={days}
            rightSectionWidth={48}
            {...field('lateFeeGraceDays')}
          />
        </SimpleGrid>
      )}
    </>
  );
}
