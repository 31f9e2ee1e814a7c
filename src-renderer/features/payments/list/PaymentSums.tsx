import { Group, Paper, Stack, Text } from '@mantine/core';
import type { PaymentPage } from '../../../../src-shared/contract';
import { Amount } from '../../billing/Amount';

function Sum({ label, minor }: { label: string; minor: number }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Amount minor={minor} fw={600} size="md" />
    </Stack>
  );
}

/** The sums of the whole filtered set, above the table. */
export function PaymentSums({ total, sums }: { total: number; sums: PaymentPage['sums'] }) {
  return (
    <Paper component="section" withBorder radius="md" px="md" py="xs" mb="md" aria-label="Totals of these payments">
      <Group justify="space-between" wrap="wrap" gap="lg">
        <Text size="sm" c="dimmed">
          {total} {total === 1 ? 'entry' : 'entries'} in this view
        </Text>
        <Group gap="xl" wrap="wrap">
          <Sum label="Received" minor={sums.received} />
          <Sum label="Reversed" minor={sums.reversed} />
          <Sum label="Refunded" minor={sums.refunded} />
          <Sum label="Net" minor={sums.received - sums.refunded} />
        </Group>
      </Group>
    </Paper>
  );
}
