import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconList } from '@tabler/icons-react';
import { useMoney } from '../../billing/useMoney';
import { paymentListHref } from '../list/paymentListState';
import { alreadyInCount, recordedDates } from './importDecisions';
import type { StatementImport } from './useStatementImport';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Stack>
  );
}

/** Step 3: what the import recorded, and where to see the receipts. */
export function StatementResultStep({ wizard }: { wizard: StatementImport }) {
  const money = useMoney();
  const { result, preview, choices } = wizard;
  if (!result || !preview) return null;
  const dates = recordedDates(preview, choices);
  const alreadyIn = alreadyInCount(preview, result);
  const receipts =
    result.firstReceipt && result.lastReceipt && result.firstReceipt !== result.lastReceipt
      ? `${result.firstReceipt} – ${result.lastReceipt}`
      : (result.firstReceipt ?? '—');
  return (
    <Stack gap="md">
      <Alert
        color={result.recorded ? 'teal' : 'gray'}
        icon={<IconCircleCheck />}
        title={
          result.recorded
            ? `Recorded ${result.recorded} ${result.recorded === 1 ? 'payment' : 'payments'} from ${preview.filename}`
            : `Nothing recorded from ${preview.filename}`
        }
        role="status"
        aria-label="Import result"
      >
        {result.recorded
          ? 'Each payment has its receipt and is put on the invoices shown; the customers’ balances are up to date.'
          : alreadyIn
            ? 'Every credit in this statement was already in WispDesk.'
            : 'The rows were ignored: import the statement again to record them later.'}
      </Alert>
      <Paper withBorder radius="md" p="md" aria-label="Import totals" role="region">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
          <Fact label="Recorded">{result.recorded}</Fact>
          <Fact label="Total recorded">{money(result.total)}</Fact>
          <Fact label="Receipts">{receipts}</Fact>
          <Fact label="Ignored">{result.ignored}</Fact>
          <Fact label="Already in">{alreadyIn}</Fact>
        </SimpleGrid>
      </Paper>
      <Group gap="sm" wrap="wrap">
        {result.recorded > 0 && dates && (
          <Button component="a" href={paymentListHref(dates)} leftSection={<IconList size={16} />}>
            See these payments
          </Button>
        )}
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={wizard.restart}>
          Import another statement
        </Button>
        {result.recorded === 0 && (
          <Anchor href={paymentListHref({})} size="sm">
            All payments
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
