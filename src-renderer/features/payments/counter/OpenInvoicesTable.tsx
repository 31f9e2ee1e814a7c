import { Anchor, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import type { DocumentRow } from '../../../../src-shared/contract';
import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { DocumentStatusBadge } from '../../billing/DocumentStatusBadge';
import { useDay } from '../../billing/useDay';

const right = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const nowrap = { whiteSpace: 'nowrap' as const };

interface OpenInvoicesTableProps {
  invoices: DocumentRow[];
  mode: 'oldest_first' | 'chosen';
  /** Oldest first: what the amount typed would put on each invoice. */
  preview: Map<number, number>;
  /** Chosen: invoice id -> amount typed; present means ticked. */
  chosen: Record<number, string>;
  errors: Record<string, string>;
  onTick: (invoice: DocumentRow, ticked: boolean) => void;
  onAmount: (invoice: DocumentRow, text: string) => void;
}

/** Unpaid and partly paid invoices, oldest first, with what this payment puts on each. */
export function OpenInvoicesTable({
  invoices,
  mode,
  preview,
  chosen,
  errors,
  onTick,
  onAmount,
}: OpenInvoicesTableProps) {
  const day = useDay();
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing={4} aria-label="Open invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>Invoice</Table.Th>
            <Table.Th style={nowrap}>Issued</Table.Th>
            <Table.Th style={nowrap}>Due</Table.Th>
            <Table.Th style={right}>Left to pay</Table.Th>
            <Table.Th style={right} w={140}>
              This payment
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => {
            const ticked = chosen[invoice.id] !== undefined;
            const error = errors[`chosen.${invoice.id}`];
            return (
              <Table.Tr key={invoice.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Put money on ${invoice.number}`}
                    checked={mode === 'chosen' && ticked}
                    onChange={(e) => onTick(invoice, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" mr="sm">
                    <Anchor
                      href={routeHref({ page: 'invoice', id: invoice.id })}
                      size="sm"
                      ff="monospace"
                      tabIndex={-1}
                    >
                      {invoice.number}
                    </Anchor>
                    {invoice.status === 'partly_paid' && <DocumentStatusBadge status={invoice.status} />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={nowrap}>
                    {day(invoice.issuedOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={nowrap}>
                    {day(invoice.dueOn)}
                  </Text>
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={invoice.outstanding} />
                </Table.Td>
                <Table.Td style={right}>
                  {mode === 'chosen' ? (
                    ticked ? (
                      <TextInput
                        size="xs"
                        aria-label={`Amount on ${invoice.number}`}
                        inputMode="decimal"
                        value={chosen[invoice.id]}
                        error={error}
                        onChange={(e) => onAmount(invoice, e.currentTarget.value)}
                        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                      />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )
                  ) : preview.has(invoice.id) ? (
                    <Amount minor={preview.get(invoice.id) ?? 0} fw={600} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
