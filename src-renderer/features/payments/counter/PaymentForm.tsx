import { Anchor, Button, Card, Group, Kbd, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CounterCustomer, DocumentRow, PaymentDetail } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { bannerMessages, focusFirstError, withoutError } from '../../../lib/formErrors';
import { errorMessage } from '../../../lib/notify';
import { routeHref } from '../../../router/routes';
import { useMoney } from '../../billing/useMoney';
import { useSettings } from '../../settings/useSettings';
import { MethodFields, type MethodValues } from '../MethodFields';
import { OpenInvoicesTable } from './OpenInvoicesTable';
import {
  amountForTicked,
  emptyPaymentValues,
  formErrorsFromServer,
  oldestFirstPreview,
  paymentInput,
  typedAmount,
  type PaymentValues,
} from './paymentFormValues';

interface PaymentFormProps {
  counter: CounterCustomer;
  today: string;
  onSaved: (payment: PaymentDetail) => void;
  /** Only a prepaid customer's form may start closed (the recharge comes first). */
  autoFocus?: boolean;
}

const SHOWN = new Set([
  'amount',
  'method',
  'reference',
  'chequeBank',
  'chequeDate',
  'receivedOn',
  'note',
  'allocation',
]);
const LABELS = { customerId: 'Customer' };

/** Money in: the amount (what is due, prefilled), how it came, when, and which invoices it pays. */
export function PaymentForm({ counter, today, onSaved, autoFocus = true }: PaymentFormProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const { currency, locale } = settings;
  const [values, setValues] = useState<PaymentValues>(() => emptyPaymentValues(counter.balance, today, currency));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reusedOn, setReusedOn] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);

  // The amount is ready to be typed over: Enter alone takes what is due.
  useEffect(() => {
    if (!autoFocus) return;
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [autoFocus]);

  const open = counter.openInvoices;
  const amount = typedAmount(values.amount, currency, locale);
  const preview = useMemo(() => oldestFirstPreview(open, amount ?? 0), [open, amount]);
  const chosenSum = Object.values(values.chosen).reduce(
    (sum, text) => sum + (typedAmount(text, currency, locale) ?? 0),
    0,
  );
  const ticked = Object.keys(values.chosen).length > 0;
  const credit =
    values.allocation === 'chosen' ? (ticked ? Math.max(0, (amount ?? 0) - chosenSum) : 0) : preview.credit;

  const set = (change: Partial<PaymentValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => withoutError(withoutError(e, field), ''));
    if (field === 'reference' || field === 'method' || field === 'chequeBank') setReusedOn(null);
  };

  function tick(invoice: DocumentRow, ticked: boolean) {
    const chosen = { ...(values.allocation === 'chosen' ? values.chosen : {}) };
    if (ticked) chosen[invoice.id] = amountForTicked(invoice, { ...values, chosen }, open, currency, locale);
    else delete chosen[invoice.id];
    set({ allocation: 'chosen', chosen }, 'allocation');
    setErrors((e) => withoutError(e, `chosen.${invoice.id}`));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = paymentInput(counter.customerId, values, open, today, currency, locale);
    if (parsed.errors) {
      setErrors(parsed.errors);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const payment = await call('payments.record', parsed.input);
      onSaved(payment);
    } catch (error) {
      if (error instanceof ApiError) {
        const chosenIds =
          parsed.input.allocation?.kind === 'chosen' ? parsed.input.allocation.invoices.map((i) => i.invoiceId) : [];
        setErrors(formErrorsFromServer(error.fieldErrors(), chosenIds));
        const paymentId = error.details?.paymentId;
        setReusedOn(typeof paymentId === 'number' ? paymentId : null);
      } else {
        setErrors({ '': errorMessage(error) });
      }
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const methodValues: MethodValues = values;
  return (
    <Card component="section" aria-label="Take payment">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={4}>Take payment</Title>
          <FormBanner messages={bannerMessages(errors, SHOWN, LABELS)} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              ref={amountRef}
              size="md"
              label="Amount received"
              description={
                counter.balance > 0 ? `Due: ${money(counter.balance)}` : 'Nothing is due: it all becomes credit'
              }
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              required
              inputMode="decimal"
              value={values.amount}
              error={errors.amount}
              onChange={(e) => set({ amount: e.currentTarget.value }, 'amount')}
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontVariantNumeric: 'tabular-nums', fontWeight: 600 } }}
              w={220}
            />
            <TextInput
              size="md"
              label="Received on"
              type="date"
              max={today}
              value={values.receivedOn}
              error={errors.receivedOn}
              onChange={(e) => set({ receivedOn: e.currentTarget.value }, 'receivedOn')}
              w={180}
            />
            <TextInput
              size="md"
              label="Note"
              placeholder="Optional"
              value={values.note}
              error={errors.note}
              onChange={(e) => set({ note: e.currentTarget.value }, 'note')}
              maxLength={200}
              style={{ flex: 1 }}
              miw={200}
            />
          </Group>
          <MethodFields
            values={methodValues}
            errors={errors}
            onChange={(change, field) => set(change, field)}
            referenceHint={
              reusedOn !== null ? (
                <Anchor href={routeHref({ page: 'payment', id: reusedOn })} size="xs">
                  Open the receipt it is on
                </Anchor>
              ) : undefined
            }
          />
          {open.length > 0 ? (
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" fw={500} id="put-on-label">
                    Put it on
                  </Text>
                  <SegmentedControl
                    aria-labelledby="put-on-label"
                    size="xs"
                    value={values.allocation}
                    onChange={(v) => set({ allocation: v as PaymentValues['allocation'] }, 'allocation')}
                    data={[
                      { value: 'oldest_first', label: 'Oldest first' },
                      { value: 'chosen', label: 'Chosen invoices' },
                    ]}
                  />
                </Group>
                <Text size="sm" c="dimmed" data-testid="allocation-summary">
                  {credit > 0 ? `${money(credit)} becomes credit for the next invoices` : ' '}
                </Text>
              </Group>
              {errors.allocation && (
                <Text size="sm" c="red" role="alert">
                  {errors.allocation}
                </Text>
              )}
              <OpenInvoicesTable
                invoices={open}
                mode={values.allocation}
                preview={preview.onInvoices}
                chosen={values.chosen}
                errors={errors}
                onTick={tick}
                onAmount={(invoice, text) =>
                  set({ chosen: { ...values.chosen, [invoice.id]: text } }, `chosen.${invoice.id}`)
                }
              />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No open invoices: the whole amount becomes the customer's credit, used by their next invoices.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Text size="xs" c="dimmed" visibleFrom="sm">
              <Kbd size="xs">Enter</Kbd> saves and prints the receipt
            </Text>
            <Button type="submit" size="md" loading={saving} leftSection={<IconCash size={18} />}>
              Save and print receipt
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
