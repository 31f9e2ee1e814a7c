import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Settings, SettingsInput } from '../../../src-shared/contract';
import { machineTimeZone } from '../../../src-shared/dates';
import { phoneCountryOptions } from '../../../src-shared/phones';
import { ApiError, call } from '../../api';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { FormBanner } from '../../components/FormBanner';
import { useNavigationGuard } from '../../hooks/useNavigationGuard';
import { bannerMessages, focusFirstError, isDirty, withoutError } from '../../lib/formErrors';
import { notifyError } from '../../lib/notify';

type SettingsValues = Required<{ [K in keyof SettingsInput]: string }>;

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

function valuesFrom(settings: Settings | null): SettingsValues {
  return {
    companyName: settings?.companyName ?? '',
    address: settings?.address ?? '',
    phone: settings?.phone ?? '',
    email: settings?.email ?? '',
    taxId: settings?.taxId ?? '',
    currency: settings?.currency || 'INR',
    locale: settings?.locale || 'en-IN',
    stateCode: settings?.stateCode ?? '',
    accountPrefix: settings?.configured ? settings.accountPrefix : settings?.accountPrefix || 'WD-',
    timeZone: settings?.timeZone || machineTimeZone(),
    country: settings?.country || 'IN',
  };
}

interface SettingsFormProps {
  settings: Settings | null;
  submitLabel: string;
  onSaved: (settings: Settings) => void;
  /** More buttons beside Save (the first-run screen offers the demo ISP). */
  extraActions?: ReactNode;
}

/** Company details: used on the first-run screen and on the Settings page. */
export function SettingsForm({ settings, submitLabel, onSaved, extraActions }: SettingsFormProps) {
  const [values, setValues] = useState<SettingsValues>(() => valuesFrom(settings));
  // What is saved: leaving the page asks only while the form differs from it.
  const [saved, setSaved] = useState<SettingsValues>(values);
  const guard = useNavigationGuard(isDirty(values, saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (name: keyof SettingsValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((current) => withoutError(current, name));
  };
  const field = (name: keyof SettingsValues) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const result = await call('settings.save', values);
      setSaved(values);
      onSaved(result);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        focusFirstError(formRef.current);
      } else notifyError(error, 'Settings not saved');
    } finally {
      setSaving(false);
    }
  }

  const banner = bannerMessages(errors, new Set(Object.keys(values)));
  return (
    <>
      <DiscardChangesDialog {...guard} />
      <form ref={formRef} onSubmit={save} noValidate>
        <Stack gap="md">
          <FormBanner messages={banner} />
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
          <Group justify="flex-end" mt="sm">
            {extraActions}
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
