import { Button, Group, List, Modal, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { CustomerBillingMode } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { notifyError, notifySuccess } from '../../../lib/notify';

interface BillingModeSwitchProps {
  customerId: number;
  name: string;
  mode: CustomerBillingMode;
  disabled?: boolean;
}

/** Prepaid or postpaid, asked first: what changes is said before it changes. */
export function BillingModeSwitch({ customerId, name, mode, disabled }: BillingModeSwitchProps) {
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const toPrepaid = mode === 'postpaid';

  async function change() {
    setSaving(true);
    try {
      await call('payments.setBillingMode', { customerId, mode: toPrepaid ? 'prepaid' : 'postpaid' });
      notifySuccess(`${name} is now ${toPrepaid ? 'prepaid' : 'postpaid'}`);
      setAsking(false);
    } catch (error) {
      notifyError(error, 'Could not change how they pay');
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Switch
        label="Prepaid"
        description={mode === 'prepaid' ? 'Buys periods at the counter' : 'Invoiced by billing runs'}
        checked={mode === 'prepaid'}
        disabled={disabled}
        onChange={() => setAsking(true)}
      />
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={toPrepaid ? `Make ${name} prepaid?` : `Make ${name} postpaid?`}
      >
        <Stack>
          {toPrepaid ? (
            <List size="sm" spacing={4}>
              <List.Item>Billing runs no longer invoice them.</List.Item>
              <List.Item>
                They pay in advance at the counter: a recharge issues a paid invoice for the periods bought and moves
                their valid-until date on.
              </List.Item>
              <List.Item>When the service runs out they are flagged “to suspend”, as an overdue customer is.</List.Item>
              <List.Item>Invoices already issued stay to be paid; their credit is used by the next recharge.</List.Item>
            </List>
          ) : (
            <List size="sm" spacing={4}>
              <List.Item>Billing runs invoice them again from the next period not yet paid for.</List.Item>
              <List.Item>No more recharges at the counter: they pay their invoices.</List.Item>
              <List.Item>What they already paid for stays theirs.</List.Item>
            </List>
          )}
          <Text size="sm" c="dimmed">
            Nothing already issued or paid changes.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button loading={saving} onClick={() => void change()} data-autofocus>
              {toPrepaid ? 'Make prepaid' : 'Make postpaid'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
