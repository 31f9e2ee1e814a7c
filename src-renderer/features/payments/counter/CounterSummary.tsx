import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CounterCustomer, CustomerStatus } from '../../../../src-shared/contract';
import { StatusBadge } from '../../../components/StatusBadge';
import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { BalanceText } from '../BalanceText';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? (
        <Text size="sm" truncate>
          {children}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

/** Who is at the counter and where they stand: the customer's facts and balance in one strip. */
export function CounterSummary({ counter }: { counter: CounterCustomer }) {
  const day = useDay();
  const prepaid = counter.billingMode === 'prepaid';
  return (
    <Card component="section" aria-label="Customer at the counter" py="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="xs">
        <Stack gap={0}>
          <Group gap="xs">
            <Anchor href={routeHref({ page: 'customer', id: counter.customerId })} fw={700} size="lg" c="inherit">
              {counter.name}
            </Anchor>
            <StatusBadge status={counter.status as CustomerStatus} />
            <Badge variant="outline" size="sm" radius="sm" color={prepaid ? 'violet' : 'gray'}>
              {prepaid ? 'Prepaid' : 'Postpaid'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" ff="monospace">
            {counter.accountNo}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            Balance
          </Text>
          <BalanceText minor={counter.balance} size="xl" data-testid="counter-balance" />
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
        <Fact label="Phone">{counter.phone || '—'}</Fact>
        <Fact label="Plan">{counter.planName ?? 'No plan'}</Fact>
        <Fact label="Credit (paid ahead)">
          <Amount minor={counter.credit} />
        </Fact>
        {prepaid ? (
          <Fact label="Valid until">{counter.validUntil ? day(counter.validUntil) : 'Not recharged yet'}</Fact>
        ) : (
          <Fact label="Open invoices">{String(counter.openInvoices.length)}</Fact>
        )}
      </SimpleGrid>
    </Card>
  );
}
