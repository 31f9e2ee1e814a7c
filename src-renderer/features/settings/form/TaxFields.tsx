import { Input, SegmentedControl, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { minorDigits } from '../../../../src-shared/money';
import type { TaxMode } from '../settingsFormValues';
import type { SettingsFormApi } from './settingsFormApi';

const TAX_MODES: { value: TaxMode; label: string }[] = [
  { value: 'gst', label: 'GST' },
  { value: 'vat', label: 'VAT or sales tax' },
  { value: 'none', label: 'No tax (Bill of Supply)' },
];

const TAX_MODE_HELP: Record<TaxMode, string> = {
  gst: 'CGST + SGST for customers in your state, IGST for others, at each plan’s rate.',
  vat: 'One tax at each plan’s rate, printed under the name below.',
  none: 'Not registered for tax: documents are printed as a Bill of Supply, with no tax on them.',
};

/** How tax is worked out and printed. */
export function TaxFields({ form }: { form: SettingsFormApi }) {
  const { values, set, field } = form;
  const noTax = values.taxMode === 'none';
  const wholeUnit = minorDigits(values.currency) > 0;
  return (
    <>
      <Input.Wrapper
        label="Tax type"
        description={TAX_MODE_HELP[values.taxMode]}
        inputWrapperOrder={['label', 'input', 'description']}
      >
        <SegmentedControl
          aria-label="Tax type"
          fullWidth
          mt={4}
          mb={4}
          value={values.taxMode}
          onChange={(mode) => set('taxMode', mode as TaxMode)}
          data={TAX_MODES}
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {values.taxMode === 'vat' && (
          <TextInput
            label="Tax name"
            description='Printed on invoices, e.g. "VAT" or "Sales tax"'
            maxLength={20}
            {...field('taxLabel')}
          />
        )}
        {values.taxMode === 'gst' && (
          <TextInput
            label="SAC code"
            description="Printed on each line; 998422 is internet access. Empty to leave it out"
            inputMode="numeric"
            maxLength={8}
            {...field('sacCode')}
          />
        )}
      </SimpleGrid>
      <Switch
        label="Plan prices include tax"
        description={
          noTax
            ? 'No tax is charged, so prices are what the customer pays'
            : 'On: a plan’s price is what the customer pays, tax inside it. Off: tax is added on top of the price'
        }
        disabled={noTax}
        checked={values.pricesIncludeTax}
        onChange={(event) => set('pricesIncludeTax', event.currentTarget.checked)}
      />
      {wholeUnit && (
        <Switch
          label={`Round totals to the whole ${values.currency === 'INR' ? 'rupee' : 'unit'}`}
          description="The difference is shown on a Round off line"
          checked={values.roundOff}
          onChange={(event) => set('roundOff', event.currentTarget.checked)}
        />
      )}
    </>
  );
}
