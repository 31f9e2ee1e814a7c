import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DayBook } from '../../../../src-shared/contract';
import { Amount } from '../../billing/Amount';
import { METHOD_LABELS } from '../paymentText';

function Line({ label, count, minor, strong }: { label: string; count?: number; minor: number; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" fw={strong ? 600 : undefined}>
        {label}
        {count !== undefined && (
          <Text span size="xs" c="dimmed">
            {' '}
            × {count}
          </Text>
        )}
      </Text>
      <Amount minor={minor} fw={strong ? 700 : undefined} />
    </Group>
  );
}

/** What came in by method, what went out as refunds, and what was reversed on the day. */
export function MethodTotals({ book }: { book: DayBook }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="by-method-title">
      <Title order={3} size="h5" id="by-method-title" mb="xs">
        Totals by method
      </Title>
      <Stack gap={4} aria-label="Received by method">
        {book.byMethod.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing received.
          </Text>
        )}
        {book.byMethod.map((m) => (
          <Line key={m.method} label={METHOD_LABELS[m.method]} count={m.count} minor={m.amount} />
        ))}
        <Divider my={4} />
        <Line label="Received" minor={book.received} strong />
      </Stack>
      {(book.refunds.length > 0 || book.reversed > 0) && (
        <Stack gap={4} mt="md" aria-label="Refunds and reversals">
          {book.refunds.map((m) => (
            <Line
              key={m.method}
              label={`Refunds by ${METHOD_LABELS[m.method].toLowerCase()}`}
              count={m.count}
              minor={-m.amount}
            />
          ))}
          {book.reversed > 0 && <Line label="Reversed" minor={-book.reversed} />}
        </Stack>
      )}
    </Paper>
  );
}
