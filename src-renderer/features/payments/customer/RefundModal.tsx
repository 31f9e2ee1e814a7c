import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PaymentDetail } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { bannerMessages, focusFirstError, withoutError } from '../../../lib/formErrors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useMoney } from '../../billing/useMoney';
import { useSettings } from '../../settings/useSettings';
import { MethodFields } from '../MethodFields';
import { emptyRefundValues, refundInput, type RefundValues } from './refundValues';

interface RefundModalProps {
  customerId: number;
  name: string;
  credit: number;
  onClose: () => void;
  onRefunded?: (refund: PaymentDetail) => void;
}

const SHOWN = new Set(['amount', 'method', 'reference', 'reason']);

/** Pays back some or all of a customer's credit, with how and why. */
export function RefundModal({ customerId, name, credit, onClose, onRefunded }: RefundModalProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const [values, setValues] = useState<RefundValues>(() => emptyRefundValues(credit, settings.currency));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (change: Partial<RefundValues>, field: string) => {
    setValues((v) => ({ ...v, ...change }));
    setErrors((e) => withoutError(withoutError(e, field), ''));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = refundInput(customerId, credit, values, settings.currency, settings.locale);
    if (parsed.errors) {
      setErrors(parsed.errors);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const refund = await call('payments.refund', parsed.input);
      notifySuccess(`${refund.number}: ${money(refund.amount)} paid back to ${name}`, 'Refunded');
      onRefunded?.(refund);
      onClose();
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : { '': errorMessage(error) });
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Refund credit to ${name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormBanner messages={bannerMessages(errors, SHOWN)} />
          <Text size="sm">
            {name} has <b>{money(credit)}</b> of credit (paid and on no invoice). A refund pays some of it back; it gets
            its own number.
          </Text>
          <TextInput
            label="Amount"
            required
            inputMode="decimal"
            value={values.amount}
            error={errors.amount}
            onChange={(e) => set({ amount: e.currentTarget.value }, 'amount')}
            w={200}
            data-autofocus
          />
          <MethodFields
            values={{ ...values, chequeBank: '', chequeDate: '' }}
            errors={errors}
            withCheque={false}
            referenceRequired={false}
            onChange={(change, field) => set(change, field)}
          />
          <TextInput
            label="Reason"
            required
            placeholder="e.g. connection closed, advance returned"
            value={values.reason}
            error={errors.reason}
            onChange={(e) => set({ reason: e.currentTarget.value }, 'reason')}
            maxLength={200}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="grape" loading={saving}>
              Refund
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
