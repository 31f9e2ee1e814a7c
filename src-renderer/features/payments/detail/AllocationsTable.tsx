import { Anchor, Table, Text } from '@mantine/core';

import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { ALLOCATION_KIND_LABELS, type PaymentAllocation } from '../paymentText';

const right = { textAlign: 'right' as const };

/** Every allocation of a payment in order: paid at the counter, applied from credit, released, undone. */
export function AllocationsTable({ allocations }: { allocations: PaymentAllocation[] }) {
  const day = useDay();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} aria-label="Allocations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>On</Table.Th>
            <Table.Th>Invoice</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th style={right}>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allocations.map((a, i) => (
            <Table.Tr key={`${a.invoiceId}-${a.kind}-${i}`}>
              <Table.Td>
                <Text size="sm">{day(a.on)}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor href={routeHref({ page: 'invoice', id: a.invoiceId })} size="sm" ff="monospace">
                  {a.number}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {' '}
                  of {day(a.issuedOn)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.kind === 'reversal' ? 'red' : a.kind === 'release' ? 'grape' : undefined}>
                  {ALLOCATION_KIND_LABELS[a.kind]}
                </Text>
              </Table.Td>
              <Table.Td style={right}>
                <Amount minor={a.amount} signColor />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
