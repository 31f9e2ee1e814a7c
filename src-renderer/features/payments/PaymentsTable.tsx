import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { PaymentRow } from '../../../src-shared/contract';
import { navigate, routeHref } from '../../router/routes';
import { Amount } from '../billing/Amount';
import { useDay } from '../billing/useDay';
import { METHOD_LABELS } from './paymentText';

const right = { textAlign: 'right' as const };

/** A short list of payments and refunds (the counter's last payments, the customer's): each opens. */
export function PaymentsTable({ payments, label }: { payments: PaymentRow[]; label: string }) {
  const day = useDay();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th style={right}>Amount</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate({ page: 'payment', id: p.id })}>
              <Table.Td>
                <Anchor href={routeHref({ page: 'payment', id: p.id })} size="sm" ff="monospace">
                  {p.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{day(p.receivedOn)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {METHOD_LABELS[p.method]}
                  {p.reference && (
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {' '}
                      {p.reference}
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td style={right}>
                <Amount
                  minor={p.kind === 'refund' ? -p.amount : p.amount}
                  signColor
                  td={p.reversal ? 'line-through' : undefined}
                />
              </Table.Td>
              <Table.Td>
                {p.reversal ? (
                  <Badge color="red" variant="light" size="sm" radius="sm">
                    Reversed
                  </Badge>
                ) : p.kind === 'refund' ? (
                  <Badge color="grape" variant="light" size="sm" radius="sm">
                    Refund
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
