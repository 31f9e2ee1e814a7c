import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconReceiptRefund } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/notify';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { BalanceText } from '../BalanceText';
import { counterHref } from '../counter/counterParams';
import { paymentListHref } from '../list/paymentListState';
import { PaymentsTable } from '../PaymentsTable';
import { useCounterCustomer } from '../useCounterCustomer';
import { BillingModeSwitch } from './BillingModeSwitch';
import { RefundModal } from './RefundModal';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** The customer page's Payments section: balance, credit, prepaid or not, last payments, and what to do. */
export function CustomerPaymentsSection({ customerId, archived }: { customerId: number; archived: boolean }) {
  const { counter, error } = useCounterCustomer(customerId);
  const day = useDay();
  const [refunding, setRefunding] = useState(false);

  return (
    <Card component="section" aria-label="Payments">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <Title order={4}>Payments</Title>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            component="a"
            href={counterHref(customerId)}
            leftSection={<IconCash size={16} />}
            disabled={archived}
          >
            Take payment
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconReceiptRefund size={16} />}
            disabled={!counter || counter.credit <= 0}
            title={counter && counter.credit <= 0 ? 'No credit to refund' : undefined}
            onClick={() => setRefunding(true)}
          >
            Refund credit
          </Button>
        </Group>
      </Group>
      {!counter ? (
        error ? (
          <Alert color="red" title="Payments could not be loaded">
            {errorMessage(error)} Reload the page to try again.
          </Alert>
        ) : (
          <Group justify="center" py="md">
            <Loader size="sm" aria-label="Loading payments" />
          </Group>
        )
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact label="Balance">
              <BalanceText minor={counter.balance} data-testid="customer-balance" />
            </Fact>
            <Fact label="Credit (paid ahead)">
              <Amount minor={counter.credit} fw={600} />
            </Fact>
            <Fact label={counter.billingMode === 'prepaid' ? 'Valid until' : 'Open invoices'}>
              <Text size="sm">
                {counter.billingMode === 'prepaid'
                  ? counter.validUntil
                    ? day(counter.validUntil)
                    : 'Not recharged yet'
                  : counter.openInvoices.length}
              </Text>
            </Fact>
            <BillingModeSwitch
              customerId={customerId}
              name={counter.name}
              mode={counter.billingMode}
              disabled={archived}
            />
          </SimpleGrid>
          {counter.lastPayments.length === 0 ? (
            <Text size="sm" c="dimmed">
              No payments yet. “Take payment” opens the counter with this customer.
            </Text>
          ) : (
            <>
              <PaymentsTable payments={counter.lastPayments} label="Customer's payments" />
              <Anchor href={paymentListHref({ customerId })} size="sm">
                All of {counter.name}'s payments
              </Anchor>
            </>
          )}
        </Stack>
      )}
      {refunding && counter && (
        <RefundModal
          customerId={customerId}
          name={counter.name}
          credit={counter.credit}
          onClose={() => setRefunding(false)}
        />
      )}
    </Card>
  );
}
