import { Anchor, Table, Text } from '@mantine/core';
import type { DocumentRow } from '../../../../src-shared/contract';
import { navigate, routeHref } from '../../../router/routes';
import { Amount } from '../Amount';
import { KIND_LABELS } from '../billingText';
import { DocumentStatusBadge } from '../DocumentStatusBadge';
import { invoiceListHref } from '../list/invoiceListState';
import { useDay } from '../useDay';

const right = { textAlign: 'right' as const };

/** The customer's latest invoices and credit notes, each a link; the Invoices page has them all. */
export function CustomerDocuments({
  customerId,
  documents,
  count,
}: {
  customerId: number;
  documents: DocumentRow[];
  count: number;
}) {
  const day = useDay();
  if (documents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No invoices yet. “Bill now” issues this customer's invoice as of today; the next billing run does it too.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} highlightOnHover aria-label="Invoices and credit notes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th style={right}>Total</Table.Th>
              <Table.Th style={right}>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr
                key={d.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate({ page: 'invoice', id: d.id })}
              >
                <Table.Td>
                  <Anchor href={routeHref({ page: 'invoice', id: d.id })} size="sm" ff="monospace">
                    {d.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{KIND_LABELS[d.kind]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{day(d.issuedOn)}</Text>
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={d.total} signColor />
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={d.outstanding} />
                </Table.Td>
                <Table.Td>
                  <DocumentStatusBadge status={d.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count > documents.length && (
        <Anchor href={invoiceListHref({ customerId })} size="sm">
          All {count} documents
        </Anchor>
      )}
    </>
  );
}
