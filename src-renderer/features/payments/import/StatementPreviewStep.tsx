import { Alert, Button, Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { progressPercent } from '../../billing/useTaskProgress';
import { useMoney } from '../../billing/useMoney';
import {
  creditRows,
  filterRows,
  ignoreUnmatched,
  pickCustomer,
  setAction,
  summarise,
  type RowFilter,
} from './importDecisions';
import { StatementRowsTable } from './StatementRowsTable';
import type { StatementImport } from './useStatementImport';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color}>
        {value}
      </Text>
    </Stack>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Step 2: what the statement holds, what each credit will become, and the operator's decisions. */
export function StatementPreviewStep({ wizard }: { wizard: StatementImport }) {
  const { preview, choices, setChoices, working, progress } = wizard;
  const money = useMoney();
  const [filter, setFilter] = useState<RowFilter>('all');
  if (!preview) return null;
  const rows = creditRows(preview);
  const shown = filterRows(rows, filter);
  const summary = summarise(preview, choices);
  const busy = working !== null;
  const unmatchedOpen = rows.some(
    (r) => r.state === 'new' && !r.match && choices[r.key]?.customerId === null && choices[r.key]?.action === 'record',
  );
  const nothingNew = summary.record + summary.ignore + summary.undecided === 0;
  const percent = progressPercent(progress);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" px="md" py="sm" aria-label="What the statement holds" role="region">
        <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="md">
          <Count label="Credits" value={preview.counts.credits} />
          <Count label="Matched" value={preview.counts.matched} color="teal" />
          <Count
            label="Unmatched"
            value={preview.counts.unmatched}
            color={preview.counts.unmatched ? 'orange' : undefined}
          />
          <Count label="Already in" value={preview.counts.alreadyIn} />
          <Count label="Debits (not recorded)" value={preview.counts.debits} />
        </SimpleGrid>
      </Paper>

      {preview.problems.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          title={`${plural(preview.problems.length, 'line', 'lines')} could not be read and will not be imported`}
          aria-label="Lines not read"
        >
          <Stack gap={2}>
            {preview.problems.slice(0, 20).map((p) => (
              <Text size="sm" key={p.line}>
                {p.message.startsWith('Line') ? p.message : `Line ${p.line}: ${p.message}`}
              </Text>
            ))}
            {preview.problems.length > 20 && (
              <Text size="sm" c="dimmed">
                …and {preview.problems.length - 20} more
              </Text>
            )}
          </Stack>
        </Alert>
      )}

      {rows.length === 0 ? (
        <Alert color="gray" title="No money came in on this statement">
          The statement has no credits to record
          {preview.counts.debits ? `, only ${plural(preview.counts.debits, 'debit', 'debits')}` : ''}. Check that it is
          the right file, or that the amount columns are mapped the right way round.
        </Alert>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <SegmentedControl
              aria-label="Show"
              value={filter}
              onChange={(value) => setFilter(value as RowFilter)}
              data={[
                { value: 'all', label: `All (${rows.length})` },
                { value: 'matched', label: `Matched (${preview.counts.matched})` },
                { value: 'unmatched', label: `Unmatched (${preview.counts.unmatched})` },
              ]}
            />
            <Button
              variant="default"
              leftSection={<IconEyeOff size={16} />}
              onClick={() => setChoices(ignoreUnmatched(preview, choices))}
              disabled={busy || !unmatchedOpen}
            >
              Ignore all unmatched
            </Button>
          </Group>
          {shown.length === 0 ? (
            <Text c="dimmed" size="sm" ta="center" py="md">
              {filter === 'matched'
                ? 'No credit was matched to a customer'
                : 'Every new credit was matched to a customer'}
            </Text>
          ) : (
            <StatementRowsTable
              rows={shown}
              choices={choices}
              disabled={busy}
              onPick={(row, id) => setChoices(pickCustomer(choices, row, id))}
              onAction={(key, action) => setChoices(setAction(choices, key, action))}
            />
          )}
        </>
      )}

      {working === 'recording' && (
        <Stack gap={4} role="status">
          <Text size="sm" c="dimmed">
            {progress ? `Recorded ${progress.done} of ${progress.total}…` : 'Recording the payments…'}
          </Text>
          <Progress value={percent ?? 100} animated={percent === null} aria-label="Recording progress" />
        </Stack>
      )}
      {wizard.error && (
        <Alert color="red" title="Nothing was recorded" role="alert">
          {wizard.error}
        </Alert>
      )}

      <Paper withBorder radius="md" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Group wrap="nowrap" gap="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={wizard.back} disabled={busy}>
            Back
          </Button>
          <Text
            size="sm"
            c={summary.undecided ? 'orange.8' : 'dimmed'}
            data-testid="decision-summary"
            ta="right"
            style={{ flex: 1, minWidth: 0 }}
          >
            {nothingNew
              ? 'Nothing new: every credit is already in WispDesk'
              : summary.undecided
                ? `${plural(summary.undecided, 'row needs', 'rows need')} a customer: pick one or Ignore`
                : `${plural(summary.record, 'payment', 'payments')} (${money(summary.recordMinor)}) to record, ${summary.ignore} ignored`}
          </Text>
          <Button
            leftSection={<IconCheck size={16} />}
            onClick={() => void wizard.commit()}
            loading={working === 'recording'}
            disabled={busy || summary.undecided > 0}
            style={{ flexShrink: 0 }}
          >
            {nothingNew
              ? 'Finish'
              : summary.record === 0
                ? 'Ignore these rows'
                : `Record ${plural(summary.record, 'payment', 'payments')}`}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
