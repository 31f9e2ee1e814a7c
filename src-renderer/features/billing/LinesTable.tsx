import { Table, Text } from '@mantine/core';
import type { DocumentLine } from '../../../src-shared/contract';
import { Amount } from './Amount';
import { LINE_KIND_LABELS, rateText } from './billingText';
import { useDay } from './useDay';

const num = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

/** The lines of an invoice, a preview or the upcoming bill: taxable + tax = total, amounts right-aligned. */
export function LinesTable({ lines, caption }: { lines: DocumentLine[]; caption?: string }) {
  const day = useDay();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} horizontalSpacing="sm" aria-label={caption ?? 'Lines'} withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Description</Table.Th>
            <Table.Th>SAC/HSN</Table.Th>
            <Table.Th style={num}>Qty</Table.Th>
            <Table.Th style={num}>Rate</Table.Th>
            <Table.Th style={num}>Taxable</Table.Th>
            <Table.Th style={num}>Tax</Table.Th>
            <Table.Th style={num}>Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="sm">{line.description}</Text>
                <Text size="xs" c="dimmed">
                  {LINE_KIND_LABELS[line.kind]}
                  {line.spanStart && ` · ${day(line.spanStart)} – ${day(line.spanEnd)}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {line.sacCode || '—'}
                </Text>
              </Table.Td>
              <Table.Td style={num}>{line.quantity}</Table.Td>
              <Table.Td style={num}>
                <Amount minor={line.rate} />
              </Table.Td>
              <Table.Td style={num}>
                <Amount minor={line.taxable} signColor />
              </Table.Td>
              <Table.Td style={num}>
                <Amount minor={line.cgst + line.sgst + line.igst + line.vat} />
                <Text size="xs" c="dimmed">
                  {rateText(line.taxRateBps)}
                </Text>
              </Table.Td>
              <Table.Td style={num}>
                <Amount minor={line.total} fw={500} signColor />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
