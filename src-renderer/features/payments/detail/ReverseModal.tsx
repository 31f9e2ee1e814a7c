import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PaymentDetail } from '../../../../src-shared/contract';
import { ApiError, call } from '../../../api';
import { FormBanner } from '../../../components/FormBanner';
import { bannerMessages, focusFirstError } from '../../../lib/formErrors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useMoney } from '../../billing/useMoney';
import { useSettings } from '../../settings/useSettings';

interface ReverseModalProps {
  payment: PaymentDetail;
  onClose: () => void;
  onReversed: (payment: PaymentDetail) => void;
}

/** Undoes a payment (a bounced cheque, a mistake) with a reason: it stays, its allocations come off. */
export function ReverseModal({ payment, onClose, onReversed }: ReverseModalProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const [reason, setReason] = useState('');
  const [bounced, setBounced] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const cheque = payment.method === 'cheque';
  const charge = settings.bouncedChequeChargeMinor;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!reason.trim()) {
      setErrors({ reason: 'Say why: a bounced cheque, a payment entered by mistake…' });
      focusFirstError(form);
      return;
    }
    setSaving(true);
    try {
      const reversed = await call('payments.reverse', { paymentId: payment.id, reason: reason.trim(), bounced });
      notifySuccess(`${payment.number} is reversed: ${money(payment.amount)} is owed again`, 'Reversed');
      onReversed(reversed);
      onClose();
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : { '': errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Reverse ${payment.number}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormBanner messages={bannerMessages(errors, new Set(['reason']))} />
          <Text size="sm">
            {money(payment.amount)} comes off the invoices it paid and the customer owes it again. The payment stays in
            the books, marked reversed; a correct payment is recorded anew.
          </Text>
          <TextInput
            label="Reason"
            required
            placeholder={cheque ? 'e.g. cheque returned: insufficient funds' : 'e.g. entered for the wrong customer'}
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors({});
            }}
            maxLength={200}
            data-autofocus
          />
          {cheque && (
            <Checkbox
              label="The cheque bounced"
              description={
                charge > 0
                  ? `Adds the bounced-cheque charge of ${money(charge)} from Settings, invoiced at once.`
                  : 'No bounced-cheque charge is set in Settings, so none is added.'
              }
              checked={bounced}
              onChange={(e) => setBounced(e.currentTarget.checked)}
            />
          )}
          <Alert color="orange" variant="light">
            This cannot be undone.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Reverse payment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
