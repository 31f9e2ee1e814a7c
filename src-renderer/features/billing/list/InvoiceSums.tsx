import { Group, Paper, Stack, Text } from '@mantine/core';
import type { DocumentPage } from '../../../../src-shared/contract';
import { Amount } from '../Amount';

function Sum({ label, minor }: { label: string; minor: number }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Amount minor={minor} fw={600} size="md" signColor />
    </Stack>
  );
}

/** The sums of the whole filtered set (credit notes count negative), above the table. */
export function InvoiceSums({ total, sums }: { total: number; sums: DocumentPage['sums'] }) {
  return (
    <Paper withBorder radius="md" px="md" py="xs" mb="md" aria-label="Totals of these documents">
      <Group justify="space-between" wrap="wrap" gap="lg">
        <Text size="sm" c="dimmed">
          {total} document{total === 1 ? '' : 's'} in this view
        </Text>
        <Group gap="xl" wrap="wrap">
          <Sum label="Taxable" minor={sums.taxable} />
          <Sum label="Tax" minor={sums.tax} />
          <Sum label="Total" minor={sums.total} />
          <Sum label="Due" minor={sums.outstanding} />
        </Group>
      </Group>
    </Paper>
  );
}
