import {
  Alert,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { FormBanner } from '../../components/FormBanner';
import { ModalFooter } from '../../components/ModalFooter';
import type { BillingPeriod, Plan } from '../../../src-shared/contract';
import { parseMoney } from '../../../src-shared/money';
import { ApiError, call } from '../../api';
import { useDiscardGuard } from '../../hooks/useDiscardGuard';
import { bannerMessages, focusFirstError, isDirty, withoutError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSettings } from '../settings/useSettings';
import { emptyPlanValues, planFormErrors, planValues, toPlanInput, type PlanFormValues } from './planFormValues';
import {
  BILLING_PERIOD_OPTIONS,
  PER_PERIOD,
  percentToBps,
  priceChangeReach,
  priceWithTax,
  type SpeedUnit,
} from './planText';

type TextField = Exclude<keyof PlanFormValues, 'speedUnit' | 'burstEnabled' | 'billingPeriod'>;

interface PlanFormModalProps {
  plan: Plan | null;
  onClose: () => void;
  onSaved: (plan: Plan) => void;
}

function currencySymbol(currency: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/** Words for a server path no input shows (a burst setting while burst is switched off). */
const BANNER_LABELS: Record<string, string> = {
  burst: 'Burst',
  burstDownload: 'Burst download',
  burstUpload: 'Burst upload',
  burstThresholdDownload: 'Burst threshold download',
  burstThresholdUpload: 'Burst threshold upload',
  burstTime: 'Burst time',
};

/** The typed price in minor units, or null while it is not an amount yet. */
function readPrice(text: string, currency: string): number | null {
  try {
    const minor = parseMoney(text, currency);
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

export function PlanFormModal({ plan, onClose, onSaved }: PlanFormModalProps) {
  const { settings } = useSettings();
  const [initial] = useState<PlanFormValues>(() => (plan ? planValues(plan, settings.currency) : emptyPlanValues()));
  const [values, setValues] = useState<PlanFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useDiscardGuard(isDirty(values, initial), onClose);
  const unit = values.speedUnit === 'mbps' ? 'Mbit/s' : 'kbit/s';

  const set = <K extends keyof PlanFormValues>(field: K, value: PlanFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // The unit reads every speed afresh, so their errors go with it.
    setErrors((current) => (field === 'speedUnit' ? {} : withoutError(current, field)));
  };
  const field = (name: TextField) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value),
  });
  const speedField = (name: TextField) => ({
    ...field(name),
    rightSection: (
      <Text size="xs" c="dimmed">
        {unit}
      </Text>
    ),
    rightSectionWidth: 52,
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    const { input, errors: localErrors } = toPlanInput(values, settings.currency);
    setErrors(localErrors);
    if (!input) return;
    setSaving(true);
    try {
      const saved = plan ? await call('plans.update', { id: plan.id, plan: input }) : await call('plans.create', input);
      notifySuccess(`Plan ${saved.name} saved`);
      onSaved(saved);
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(planFormErrors(error.fieldErrors()));
        focusFirstError(formRef.current);
      } else notifyError(error, 'Plan not saved');
    } finally {
      setSaving(false);
    }
  }

  const shownFields = new Set<string>(
    Object.keys(values).filter((name) => values.burstEnabled || !/^burst/.test(name)),
  );
  const banner = bannerMessages(errors, shownFields, BANNER_LABELS);
  const priceMinor = readPrice(values.price, settings.currency);
  const taxRateBps = percentToBps(values.taxPercent);
  const reach =
    plan && priceMinor !== null && priceMinor !== plan.priceMinor ? priceChangeReach(plan.customerCount) : null;
  return (
    <Modal
      opened
      onClose={guard.requestClose}
      closeOnEscape={!guard.asking}
      size="lg"
      title={plan ? `Edit plan ${plan.name}` : 'New plan'}
    >
      <DiscardChangesDialog {...guard} />
      <form ref={formRef} onSubmit={save} noValidate>
        <Stack gap="sm">
          <FormBanner messages={banner} />
          <TextInput label="Plan name" required data-autofocus placeholder="e.g. Home 50" {...field('name')} />
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              Speeds
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Speed unit"
              value={values.speedUnit}
              onChange={(value) => set('speedUnit', value as SpeedUnit)}
              data={[
                { value: 'mbps', label: 'Mbit/s' },
                { value: 'kbps', label: 'kbit/s' },
              ]}
            />
          </Group>
          <SimpleGrid cols={2}>
            <TextInput label="Download speed" required {...speedField('download')} />
            <TextInput label="Upload speed" required {...speedField('upload')} />
          </SimpleGrid>
          <Switch
            label="Burst"
            description="Allow short bursts above the plan speed (RouterOS burst-limit)"
            checked={values.burstEnabled}
            onChange={(event) => set('burstEnabled', event.currentTarget.checked)}
          />
          {values.burstEnabled && (
            <SimpleGrid cols={2}>
              <TextInput label="Burst download" {...speedField('burstDownload')} />
              <TextInput label="Burst upload" {...speedField('burstUpload')} />
              <TextInput label="Burst threshold download" {...speedField('burstThresholdDownload')} />
              <TextInput label="Burst threshold upload" {...speedField('burstThresholdUpload')} />
              <TextInput label="Burst time (seconds)" {...field('burstTime')} />
            </SimpleGrid>
          )}
          <Divider label="Price" labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Price"
              required
              placeholder="499.00"
              description="Before tax, per billing period"
              leftSection={<Text size="sm">{currencySymbol(settings.currency, settings.locale)}</Text>}
              inputMode="decimal"
              {...field('price')}
            />
            <Select
              label="Billing period"
              description="How often it is billed"
              data={BILLING_PERIOD_OPTIONS}
              value={values.billingPeriod}
              allowDeselect={false}
              onChange={(period) => period && set('billingPeriod', period as BillingPeriod)}
            />
            <TextInput
              label="Tax rate (%)"
              description="GST is usually 18"
              inputMode="decimal"
              {...field('taxPercent')}
            />
          </SimpleGrid>
          {priceMinor !== null && taxRateBps !== null && (
            <Text size="sm" aria-live="polite">
              {priceWithTax(priceMinor, taxRateBps, settings.currency, settings.locale)}
              {PER_PERIOD[values.billingPeriod]}
            </Text>
          )}
          {reach && (
            <Alert color="blue" variant="light" role="status" py="xs">
              {reach}
            </Alert>
          )}
          <Divider label="Router and notes" labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Data cap (GB per month)" placeholder="Unlimited" {...field('dataCapGb')} />
            <TextInput
              label="RouterOS profile"
              placeholder="Uses the plan's speeds when empty"
              {...field('routerosProfile')}
            />
          </SimpleGrid>
          <TextInput label="Description" {...field('description')} />
          <ModalFooter onCancel={guard.requestClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
