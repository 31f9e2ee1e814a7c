import { Button, Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChargeKind } from '../../../../src-shared/contract';
import { todayIn } from '../../../../src-shared/dates';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { bannerMessages, focusFirstError, withoutError } from '../../../lib/formErrors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSettings } from '../../settings/useSettings';
import { chargeInput, emptyChargeValues, type ChargeValues } from './chargeValues';

const TITLES: Record<ChargeKind, string> = {
  one_time: 'Add a one-time charge',
  addon: 'Add an add-on',
  discount: 'Add a discount',
};

const SHOWN = new Set(['description', 'amount', 'percentBps', 'sacCode', 'taxRateBps', 'startsOn', 'endsOn']);

const numeric = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };

interface ChargeModalProps {
  customerId: number;
  kind: ChargeKind;
  onClose: () => void;
}

/** A one-time charge (next invoice or billed now), a recurring add-on, or a discount per period. */
export function ChargeModal({ customerId, kind, onClose }: ChargeModalProps) {
  const { settings } = useSettings();
  const [values, setValues] = useState(() => emptyChargeValues(kind, todayIn(settings.timeZone)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (change: Partial<ChargeValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => withoutError(withoutError(e, field), ''));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = chargeInput(customerId, values, settings.currency, settings.locale);
    if (parsed.errors) {
      setErrors(parsed.errors);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const { invoice } = await call('billing.addCharge', parsed.input);
      notifySuccess(invoice ? `Invoice ${invoice.number} issued` : `${values.description.trim()} added`);
      onClose();
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : { '': errorMessage(error) });
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const percent = kind === 'discount' && values.discountBy === 'percent';
  const recurring = kind !== 'one_time';
  return (
    <Modal opened onClose={onClose} title={TITLES[kind]} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormBanner messages={bannerMessages(errors, SHOWN)} />
          <TextInput
            label="Description"
            description="Printed on the invoice"
            placeholder={kind === 'one_time' ? 'e.g. Installation, router' : kind === 'addon' ? 'e.g. Static IP' : ''}
            required
            maxLength={120}
            value={values.description}
            error={errors.description}
            onChange={(e) => set({ description: e.currentTarget.value }, 'description')}
            data-autofocus
          />
          {kind === 'discount' && (
            <SegmentedControl
              aria-label="Discount by"
              value={values.discountBy}
              onChange={(v) => set({ discountBy: v as ChargeValues['discountBy'] }, 'percentBps')}
              data={[
                { value: 'fixed', label: 'Fixed amount per period' },
                { value: 'percent', label: 'Percent of the plan' },
              ]}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {percent ? (
              <TextInput
                label="Percent"
                placeholder="10"
                rightSection="%"
                inputMode="decimal"
                value={values.percent}
                error={errors.percentBps}
                onChange={(e) => set({ percent: e.currentTarget.value }, 'percentBps')}
                styles={numeric}
              />
            ) : (
              <TextInput
                label={kind === 'one_time' ? 'Amount' : kind === 'addon' ? 'Price per period' : 'Off per period'}
                description={
                  settings.pricesIncludeTax ? 'Including tax, as prices are set' : 'Before tax, as prices are set'
                }
                placeholder="0.00"
                inputMode="decimal"
                required
                value={values.amount}
                error={errors.amount}
                onChange={(e) => set({ amount: e.currentTarget.value }, 'amount')}
                styles={numeric}
              />
            )}
            {kind !== 'discount' && (
              <TextInput
                label="Tax rate"
                rightSection="%"
                inputMode="decimal"
                value={values.taxRate}
                error={errors.taxRateBps}
                onChange={(e) => set({ taxRate: e.currentTarget.value }, 'taxRateBps')}
                styles={numeric}
              />
            )}
          </SimpleGrid>
          {kind !== 'discount' && (
            <TextInput
              label="SAC / HSN code"
              description="998422 for internet access; an HSN code for goods such as a router"
              inputMode="numeric"
              maxLength={8}
              value={values.sacCode}
              error={errors.sacCode}
              onChange={(e) => set({ sacCode: e.currentTarget.value }, 'sacCode')}
              w={220}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={recurring ? 'Starts on' : 'Date'}
              type="date"
              value={values.startsOn}
              error={errors.startsOn}
              onChange={(e) => set({ startsOn: e.currentTarget.value }, 'startsOn')}
            />
            {recurring && (
              <TextInput
                label="Ends on (optional)"
                description="Blank: until cancelled"
                type="date"
                value={values.endsOn}
                error={errors.endsOn}
                onChange={(e) => set({ endsOn: e.currentTarget.value }, 'endsOn')}
              />
            )}
          </SimpleGrid>
          {kind === 'one_time' && (
            <Checkbox
              label="Bill now"
              description="Issue an invoice for it at once, instead of a line on the next invoice"
              checked={values.billNow}
              onChange={(e) => set({ billNow: e.currentTarget.checked }, 'billNow')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {kind === 'one_time' && values.billNow ? 'Add and issue invoice' : 'Add'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
