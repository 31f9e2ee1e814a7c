import { Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import type { PaymentRow } from '../../../../src-shared/contract';
import { formatTimeOfDay } from './dayBookTime';
import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useSettings } from '../../settings/useSettings';
import { METHOD_LABELS } from '../paymentText';

/** The day's receipts and refunds in the order they were taken; a reversed one stays, marked. */
export function DayPaymentsTable({ payments }: { payments: PaymentRow[] }) {
  const { settings } = useSettings();
  const locale = settings.locale || 'en-IN';
  if (!payments.length) {
    return (
      <Text c="dimmed" size="sm" py="lg" ta="center">
        No payments were dated into this day.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} striped highlightOnHover aria-label="Payments of the day">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor
                  href={routeHref({ page: 'payment', id: p.id })}
                  size="sm"
                  ff="monospace"
                  fw={500}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {p.number}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatTimeOfDay(p.createdAt, locale, settings.timeZone)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor href={routeHref({ page: 'customer', id: p.customerId })} size="sm">
                  {p.customerName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.accountNo}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{METHOD_LABELS[p.method]}</Text>
                {p.kind === 'refund' && (
                  <Badge size="xs" color="grape" variant="light">
                    Refund
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {p.reference || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {/* A reversed payment still came in on this day; its reversal counts on the day it was made. */}
                <Amount
                  minor={p.kind === 'refund' ? -p.amount : p.amount}
                  c={p.kind === 'refund' ? 'grape' : undefined}
                />
                {p.reversal && (
                  <div>
                    <Tooltip label={`Reversed on ${p.reversal.on}: ${p.reversal.reason}`} multiline maw={280}>
                      <Badge size="xs" color="red" variant="light">
                        Reversed
                      </Badge>
                    </Tooltip>
                  </div>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
