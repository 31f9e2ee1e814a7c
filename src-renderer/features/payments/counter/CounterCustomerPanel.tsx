import { Alert, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PaymentDetail } from '../../../../src-shared/contract';
import { errorMessage } from '../../../lib/notify';
import { PaymentsTable } from '../PaymentsTable';
import { useCounterCustomer } from '../useCounterCustomer';
import { CounterSummary } from './CounterSummary';
import { PaymentForm } from './PaymentForm';
import { RechargePanel } from './RechargePanel';

interface CounterCustomerPanelProps {
  customerId: number;
  today: string;
  onSaved: (payment: PaymentDetail, validUntil?: string) => void;
}

/** The customer at the counter: where they stand, the payment (or recharge) form, their last payments. */
export function CounterCustomerPanel({ customerId, today, onSaved }: CounterCustomerPanelProps) {
  const { counter, error } = useCounterCustomer(customerId);
  const [tab, setTab] = useState<string | null>(null);

  if (!counter) {
    return error ? (
      <Alert color="red" title="This customer could not be opened">
        {errorMessage(error)} Search for them again above.
      </Alert>
    ) : (
      <Group justify="center" py="xl">
        <Loader size="sm" aria-label="Loading the customer" />
      </Group>
    );
  }

  const archived = counter.status === 'archived';
  const prepaid = counter.billingMode === 'prepaid';
  const form = <PaymentForm key={counter.customerId} counter={counter} today={today} onSaved={(p) => onSaved(p)} />;
  return (
    <Stack gap="md">
      <CounterSummary counter={counter} />
      {archived ? (
        <Alert color="gray" title="This customer is archived">
          An archived customer pays nothing more at the counter. Bring them back on their page first; a refund of their
          credit is on their page too.
        </Alert>
      ) : prepaid ? (
        <Tabs value={tab ?? 'recharge'} onChange={setTab} variant="outline" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="recharge">Recharge</Tabs.Tab>
            <Tabs.Tab value="invoices">
              Pay invoices{counter.openInvoices.length ? ` (${counter.openInvoices.length})` : ''}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="recharge" pt="sm">
            <RechargePanel counter={counter} onRecharged={(p, validUntil) => onSaved(p, validUntil)} />
          </Tabs.Panel>
          <Tabs.Panel value="invoices" pt="sm">
            {form}
          </Tabs.Panel>
        </Tabs>
      ) : (
        form
      )}
      <Card component="section" aria-label="Last payments">
        <Title order={4} mb="sm">
          Last payments
        </Title>
        {counter.lastPayments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No payments yet.
          </Text>
        ) : (
          <PaymentsTable payments={counter.lastPayments} label="Last payments" />
        )}
      </Card>
    </Stack>
  );
}
