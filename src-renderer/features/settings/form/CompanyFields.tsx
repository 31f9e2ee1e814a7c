import { Autocomplete, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { phoneCountryOptions } from '../../../../src-shared/phones';
import type { SettingsFormApi } from './settingsFormApi';

const CURRENCIES = Intl.supportedValuesOf('currency');
const COUNTRIES = phoneCountryOptions();
// Some runtimes list only old names (Asia/Calcutta): offer the current ones too.
const TIME_ZONES = [...new Set(['UTC', 'Asia/Kolkata', ...Intl.supportedValuesOf('timeZone')])].sort();
const LOCALES = [
  'en-IN',
  'hi-IN',
  'mr-IN',
  'ta-IN',
  'te-IN',
  'bn-IN',
  'gu-IN',
  'en-US',
  'en-GB',
  'en-AU',
  'fr-FR',
  'de-DE',
];

/** Who the company is: printed at the top of every invoice and receipt. */
export function CompanyFields({ form }: { form: SettingsFormApi }) {
  const { values, errors, set, field } = form;
  return (
    <>
      <TextInput label="Company name" required autoFocus {...field('companyName')} />
      <Textarea label="Address" autosize minRows={2} {...field('address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Phone" type="tel" {...field('phone')} />
        <TextInput label="E-mail" type="email" {...field('email')} />
        <TextInput label="GSTIN / tax ID" description="Leave empty if not registered" {...field('taxId')} />
        <TextInput
          label="GST state code"
          description="Two digits, e.g. 27 for Maharashtra"
          maxLength={2}
          {...field('stateCode')}
        />
        <Select
          label="Currency"
          description="Prices and invoices are in this currency"
          data={CURRENCIES}
          searchable
          allowDeselect={false}
          value={values.currency}
          error={errors.currency}
          onChange={(currency) => currency && set('currency', currency)}
        />
        <Autocomplete
          label="Locale"
          description="How numbers, money and dates are written"
          data={LOCALES}
          value={values.locale}
          error={errors.locale}
          onChange={(locale) => set('locale', locale)}
        />
        <Select
          label="Time zone"
          description="Billing days, due dates and the day book follow the office's clock"
          data={TIME_ZONES.includes(values.timeZone) ? TIME_ZONES : [values.timeZone, ...TIME_ZONES]}
          searchable
          allowDeselect={false}
          value={values.timeZone}
          error={errors.timeZone}
          onChange={(timeZone) => timeZone && set('timeZone', timeZone)}
        />
        <Select
          label="Country"
          description="Phone numbers without a country code are read as this country's"
          data={COUNTRIES}
          searchable
          allowDeselect={false}
          value={values.country}
          error={errors.country}
          onChange={(country) => country && set('country', country)}
        />
        <TextInput
          label="Account number prefix"
          description='"WD-" gives account numbers like WD-000123'
          {...field('accountPrefix')}
        />
      </SimpleGrid>
    </>
  );
}
