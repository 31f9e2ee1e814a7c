import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Customer } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import type { StatusAction } from './statusActions';

interface StatusChangeModalProps {
  customer: Customer;
  action: StatusAction;
  onClose: () => void;
  onChanged: (customer: Customer) => void;
}

/** Confirms a suspend, restore, disconnect, archive or bring-back, with an optional reason. */
export function StatusChangeModal({ customer, action, onClose, onChanged }: StatusChangeModalProps) {
  const [reason, setReason] = useState('');
  // What archiving would free for a new customer: "IP 10.0.0.5 and username ravi".
  const held = [
    customer.staticIp && `IP ${customer.staticIp}`,
    customer.pppoeUsername && `username ${customer.pppoeUsername}`,
  ].filter(Boolean);
  const heldKinds = [customer.staticIp && 'IP', customer.pppoeUsername && 'PPPoE username'].filter(Boolean);
  const [keepIdentifiers, setKeepIdentifiers] = useState(false);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    setSaving(true);
    try {
      const changed = await call('customers.setStatus', {
        id: customer.id,
        status: action.to,
        reason,
        keepIdentifiers,
      });
      notifySuccess(`${changed.name} is now ${changed.status}`);
      onChanged(changed);
      onClose();
    } catch (error) {
      notifyError(error, `Could not ${action.label.toLowerCase()}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`${action.label} ${customer.name}?`}>
      <Stack>
        <Text size="sm">{action.explain}</Text>
        <Textarea
          label="Reason (optional)"
          placeholder="e.g. unpaid since March, moved away"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
        />
        {action.to === 'archived' && held.length > 0 && (
          <Checkbox
            label={`Keep their ${heldKinds.join(' and ')} reserved`}
            description={`Otherwise ${held.join(' and ')} ${held.length > 1 ? 'are' : 'is'} free for a new customer, and ${held.length > 1 ? 'they come' : 'it comes'} back with the account if nobody took ${held.length > 1 ? 'them' : 'it'}.`}
            checked={keepIdentifiers}
            onChange={(event) => setKeepIdentifiers(event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={action.color} loading={saving} onClick={confirm}>
            {action.label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
