import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CounterCustomer, PaymentDetail } from '../../../../src-shared/contract';
import { toDecimalText } from '../../../../src-shared/money';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { bannerMessages, focusFirstError, withoutError } from '../../../lib/formErrors';
import { errorMessage } from '../../../lib/notify';
import { periodText } from '../../billing/billingText';
import { useDay } from '../../billing/useDay';
import { useMoney } from '../../billing/useMoney';
import { usePlanOptions } from '../../customers/form/usePlanOptions';
import { useSettings } from '../../settings/useSettings';
import { MethodFields } from '../MethodFields';
import { EMPTY_RECHARGE, RECHARGE_PERIODS, rechargeInput, type RechargeValues } from './rechargeValues';
import { useRechargeQuote } from './useRechargeQuote';

interface RechargePanelProps {
  counter: CounterCustomer;
  onRecharged: (payment: PaymentDetail, validUntil: string) => void;
}

const SHOWN = new Set(['amount', 'periods', 'planId', 'method', 'reference', 'chequeBank', 'chequeDate', 'note']);

/** Prepaid: buy one or more periods of their plan (or another), the paid invoice and receipt together. */
export function RechargePanel({ counter, onRecharged }: RechargePanelProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const day = useDay();
  const [values, setValues] = useState<RechargeValues>(EMPTY_RECHARGE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  // As at the payment form: the amount (what the recharge costs) has the keyboard; Enter recharges.
  useEffect(() => amountRef.current?.focus(), []);
  const { options } = usePlanOptions(null);
  const planId = values.planId ? Number(values.planId) : null;
  const { quote } = useRechargeQuote(counter.customerId, planId, values.periods, counter.credit);

  // The amount follows the quote until the operator types one.
  const [quoted, setQuoted] = useState<number | null>(null);
  if (quote && !values.amountTyped && quote.toPay !== quoted) {
    setQuoted(quote.toPay);
    setValues((v) => ({ ...v, amount: quote.toPay > 0 ? toDecimalText(quote.toPay, settings.currency) : '' }));
  }

  // A quoted amount arriving while the field has the keyboard is selected, ready to be typed over.
  useEffect(() => {
    const input = amountRef.current;
    if (!values.amountTyped && input && document.activeElement === input) input.select();
  }, [values.amount, values.amountTyped]);

  const set = (change: Partial<RechargeValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => withoutError(withoutError(e, field), ''));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = rechargeInput(counter.customerId, values, settings.currency, settings.locale);
    if (parsed.errors) {
      setErrors(parsed.errors);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const { payment, validUntil } = await call('payments.recharge', parsed.input);
      onRecharged(payment, validUntil);
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : { '': errorMessage(error) });
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const planData = [{ value: '', label: `Their plan${counter.planName ? ` (${counter.planName})` : ''}` }, ...options];
  return (
    <Card component="section" aria-label="Recharge">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={4}>Recharge</Title>
            <Text size="sm" c="dimmed">
              Buys periods of service: a paid invoice and its receipt are issued together and the service runs on.
            </Text>
          </Stack>
          <FormBanner messages={bannerMessages(errors, SHOWN)} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label="Periods"
              data={RECHARGE_PERIODS.map((n) => ({ value: String(n), label: String(n) }))}
              value={String(values.periods)}
              onChange={(v) => set({ periods: Number(v ?? 1) }, 'periods')}
              allowDeselect={false}
              error={errors.periods}
              w={100}
            />
            <Select
              label="Plan"
              data={planData}
              value={values.planId}
              onChange={(v) => set({ planId: v ?? '' }, 'planId')}
              allowDeselect={false}
              error={errors.planId}
              miw={240}
              style={{ flex: 1 }}
            />
            <TextInput
              ref={amountRef}
              label="Amount received"
              required
              inputMode="decimal"
              value={values.amount}
              error={errors.amount}
              onChange={(e) => set({ amount: e.currentTarget.value, amountTyped: true }, 'amount')}
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontVariantNumeric: 'tabular-nums', fontWeight: 600 } }}
              w={170}
            />
          </Group>
          {quote && (
            <Text size="sm" aria-label="Recharge quote" role="status">
              {quote.planName} × {quote.periods}: {periodText(quote.periodStart, quote.periodEnd, day)} —{' '}
              <b>{money(quote.total)}</b>
              {quote.credit > 0 ? `, less ${money(quote.credit)} credit: ${money(quote.toPay)} to pay` : ''}
            </Text>
          )}
          <MethodFields values={values} errors={errors} onChange={(change, field) => set(change, field)} />
          <TextInput
            label="Note"
            placeholder="Optional"
            value={values.note}
            onChange={(e) => set({ note: e.currentTarget.value }, 'note')}
            maxLength={200}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving} leftSection={<IconBolt size={18} />} color="violet">
              Recharge and print receipt
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
