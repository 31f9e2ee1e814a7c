import { Box, Button, Divider, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { ApiError, call } from '../../api';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { FormBanner } from '../../components/FormBanner';
import { useNavigationGuard } from '../../hooks/useNavigationGuard';
import { bannerMessages, focusFirstError, isDirty, withoutError } from '../../lib/formErrors';
import { notifyError } from '../../lib/notify';
import { BillingFields } from './form/BillingFields';
import { CompanyFields } from './form/CompanyFields';
import { FormSection } from './form/FormSection';
import { NumberingFields } from './form/NumberingFields';
import { PaymentFields } from './form/PaymentFields';
import { ReceiptFields } from './form/ReceiptFields';
import type { SettingsFormApi } from './form/settingsFormApi';
import { TaxFields } from './form/TaxFields';
import {
  SETTINGS_LABELS,
  settingsFormErrors,
  settingsValues,
  toSettingsInput,
  type SettingsFormValues,
} from './settingsFormValues';

/** Inputs only the Settings page shows: on the first-run screen they keep their defaults. */
const BILLING_FIELDS = new Set<string>([
  'taxMode',
  'taxLabel',
  'pricesIncludeTax',
  'roundOff',
  'sacCode',
  'fyStartMonth',
  'invoicePrefix',
  'invoiceDigits',
  'creditNotePrefix',
  'creditNoteDigits',
  'billingTiming',
  'firstInvoice',
  'creditSuspendedDays',
  'dueDays',
  'lateFeeMode',
  'lateFee',
  'lateFeePercent',
  'lateFeeGraceDays',
  'upiId',
  'bankDetails',
  'paymentInstructions',
  'invoiceFooter',
  'receiptPrefix',
  'receiptDigits',
  'refundPrefix',
  'refundDigits',
  'receiptFormat',
  'bouncedChequeCharge',
  'suspendAfterDays',
  'prepaidReminderDays',
]);

interface SettingsFormProps {
  settings: Settings;
  submitLabel: string;
  onSaved: (settings: Settings) => void;
  /** The tax, numbering, billing and payment sections: the Settings page shows them, the first run does not. */
  billing?: boolean;
  /** More buttons beside Save (the first-run screen offers the demo ISP). */
  extraActions?: ReactNode;
}

/** Company details, and on the Settings page how billing works: one form, one Save. */
export function SettingsForm({ settings, submitLabel, onSaved, billing = false, extraActions }: SettingsFormProps) {
  const [values, setValues] = useState<SettingsFormValues>(() => settingsValues(settings));
  // What is saved: leaving the page asks only while the form differs from it.
  const [saved, setSaved] = useState<SettingsFormValues>(values);
  const guard = useNavigationGuard(isDirty(values, saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Focus goes to the first refused input once the errors are on screen: the form is long enough
  // that a frame can come before React has drawn them.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals) focusFirstError(formRef.current);
  }, [refusals]);

  const form: SettingsFormApi = {
    values,
    errors,
    set: (name, value) => {
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((current) => withoutError(current, name));
    },
    field: (name) => ({
      value: values[name],
      error: errors[name],
      onChange: (event) => form.set(name, event.currentTarget.value),
    }),
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const { input, errors: localErrors } = toSettingsInput(values);
    setErrors(localErrors);
    if (!input) {
      setRefusals((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const result = await call('settings.save', input);
      // The form reads back what was kept (trimmed text, an upper-cased GSTIN), so it is clean again.
      const kept = settingsValues(result);
      setValues(kept);
      setSaved(kept);
      onSaved(result);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(settingsFormErrors(error.fieldErrors()));
        setRefusals((n) => n + 1);
      } else notifyError(error, 'Settings not saved');
    } finally {
      setSaving(false);
    }
  }

  const shown = Object.keys(values).filter((name) => billing || !BILLING_FIELDS.has(name));
  const banner = bannerMessages(errors, new Set(shown), SETTINGS_LABELS);
  const actions = (
    <Group justify="flex-end">
      {extraActions}
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
  return (
    <>
      <DiscardChangesDialog {...guard} />
      <form ref={formRef} onSubmit={save} noValidate aria-label="Settings">
        {billing ? (
          <Stack gap="xl">
            <FormBanner messages={banner} />
            <FormSection id="company" title="Company" description="Printed at the top of every invoice and receipt.">
              <CompanyFields form={form} />
            </FormSection>
            <Divider />
            <FormSection id="tax" title="Tax" description="How tax is worked out and printed on invoices.">
              <TaxFields form={form} />
            </FormSection>
            <Divider />
            <FormSection
              id="numbering"
              title="Invoice numbering"
              description="Numbers start again at 1 each financial year. GST allows 16 characters in all, the year and the digits included."
            >
              <NumberingFields form={form} />
            </FormSection>
            <Divider />
            <FormSection
              id="billing"
              title="Billing"
              description="When invoices are made, when they are due, and late fees."
            >
              <BillingFields form={form} />
            </FormSection>
            <Divider />
            <FormSection
              id="payment"
              title="Payment details"
              description="How customers can pay you: printed at the foot of every invoice."
            >
              <PaymentFields form={form} />
            </FormSection>
            <Divider />
            <FormSection
              id="receipts"
              title="Receipts and collections"
              description="How receipts and refunds are numbered and printed, and when a customer who owes is flagged."
            >
              <ReceiptFields form={form} />
            </FormSection>
            {/* Save stays in reach at the foot of the window however far the form is scrolled. */}
            <Box
              pos="sticky"
              bottom={0}
              py="sm"
              style={{
                zIndex: 2,
                background: 'var(--mantine-color-body)',
                borderTop: '1px solid var(--mantine-color-default-border)',
              }}
            >
              {actions}
            </Box>
          </Stack>
        ) : (
          <Stack gap="md">
            <FormBanner messages={banner} />
            <CompanyFields form={form} />
            <Box mt="sm">{actions}</Box>
          </Stack>
        )}
      </form>
    </>
  );
}
