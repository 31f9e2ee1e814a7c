import { Input, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { ReceiptFormat } from '../settingsFormValues';
import { sampleDocumentNumber } from '../settingsFormValues';
import { currencySymbol } from './BillingFields';
import { DIGITS, NumberExample } from './NumberingFields';
import type { SettingsFormApi } from './settingsFormApi';

const FORMAT_HELP: Record<ReceiptFormat, string> = {
  a4: 'A full page, like the invoices: for a laser or inkjet printer.',
  thermal80: 'A narrow slip for an 80 mm thermal receipt printer at the counter.',
};

const days = (
  <Text size="sm" c="dimmed">
    days
  </Text>
);

/** How receipts and refunds are numbered and printed, what a bounced cheque costs, and when to chase. */
export function ReceiptFields({ form }: { form: SettingsFormApi }) {
  const { values, errors, set, field } = form;
  const sample = (prefix: string, digits: string) =>
    sampleDocumentNumber(prefix, digits, values.fyStartMonth, values.timeZone);
  const prefixHelp = 'Letters, digits, / and -; {FY} becomes the year';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Receipt prefix" description={prefixHelp} {...field('receiptPrefix')} />
        <Select
          label="Receipt number digits"
          description="Receipts are numbered on their own, from 1 each year"
          data={DIGITS}
          allowDeselect={false}
          value={values.receiptDigits}
          error={errors.receiptDigits}
          onChange={(digits) => digits && set('receiptDigits', digits)}
        />
      </SimpleGrid>
      <NumberExample kind="Receipts" number={sample(values.receiptPrefix, values.receiptDigits)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Refund prefix" description={prefixHelp} {...field('refundPrefix')} />
        <Select
          label="Refund number digits"
          description="Refund vouchers have their own series"
          data={DIGITS}
          allowDeselect={false}
          value={values.refundDigits}
          error={errors.refundDigits}
          onChange={(digits) => digits && set('refundDigits', digits)}
        />
      </SimpleGrid>
      <NumberExample kind="Refunds" number={sample(values.refundPrefix, values.refundDigits)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Input.Wrapper
          label="Receipt paper"
          description={FORMAT_HELP[values.receiptFormat]}
          inputWrapperOrder={['label', 'input', 'description']}
        >
          <SegmentedControl
            aria-label="Receipt paper"
            fullWidth
            mt={4}
            mb={4}
            value={values.receiptFormat}
            onChange={(v) => set('receiptFormat', v as ReceiptFormat)}
            data={[
              { value: 'a4', label: 'A4 page' },
              { value: 'thermal80', label: '80 mm roll' },
            ]}
          />
        </Input.Wrapper>
        <TextInput
          label="Bounced cheque charge"
          description="Added to the customer's account when a cheque bounces; blank for none"
          placeholder="0.00"
          inputMode="decimal"
          leftSection={<Text size="sm">{currencySymbol(values.currency, values.locale)}</Text>}
          {...field('bouncedChequeCharge')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Suspend after"
          description={'Days overdue before a customer is flagged "to suspend" on Dues'}
          inputMode="numeric"
          rightSection={days}
          rightSectionWidth={48}
          {...field('suspendAfterDays')}
        />
        <TextInput
          label="Remind prepaid customers"
          description="Days before a prepaid customer's service ends to remind them"
          inputMode="numeric"
          rightSection={days}
          rightSectionWidth={48}
          {...field('prepaidReminderDays')}
        />
      </SimpleGrid>
    </>
  );
}
