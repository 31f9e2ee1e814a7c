import { Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { StatementRowPreview } from '../../../../src-shared/contract';
import { Amount } from '../../billing/Amount';
import { CustomerPicker } from '../../billing/CustomerPicker';
import { useDay } from '../../billing/useDay';
import type { Choices, RowChoice } from './importDecisions';

const ALREADY_IN: Record<string, string> = {
  already_imported: 'Already imported',
  already_recorded: 'Already recorded',
};

interface RowsTableProps {
  rows: StatementRowPreview[];
  choices: Choices;
  disabled: boolean;
  onPick: (row: StatementRowPreview, customerId: number | null) => void;
  onAction: (key: string, action: RowChoice['action']) => void;
}

function CustomerCell({
  row,
  choice,
  disabled,
  onPick,
}: { row: StatementRowPreview; choice: RowChoice | undefined } & Pick<RowsTableProps, 'disabled' | 'onPick'>) {
  if (row.state !== 'new') {
    return (
      <Badge variant="light" color="gray">
        {ALREADY_IN[row.state]}
      </Badge>
    );
  }
  if (row.match && choice?.customerId === row.match.customerId) {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {row.match.name} ({row.match.accountNo})
        </Text>
        <Text size="xs" c="dimmed">
          {row.match.why}
        </Text>
      </Stack>
    );
  }
  return (
    <CustomerPicker
      aria-label={`Customer for line ${row.line}`}
      placeholder={choice?.action === 'ignore' ? 'Ignored (pick to record)' : 'Find who paid'}
      value={choice?.customerId ?? null}
      onChange={(id) => onPick(row, id)}
      error={choice?.action === 'record' && choice.customerId === null ? 'Pick who paid, or Ignore' : undefined}
      w="100%"
      disabled={disabled}
    />
  );
}

/** The statement's credit rows with what each will become; rows already in are greyed and left alone. */
export function StatementRowsTable({ rows, choices, disabled, onPick, onAction }: RowsTableProps) {
  const day = useDay();
  return (
    <Table.ScrollContainer minWidth={740}>
      <Table aria-label="Statement credits" verticalSpacing="xs" highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>Date</Table.Th>
            <Table.Th w={90} style={{ textAlign: 'right' }}>
              Amount
            </Table.Th>
            <Table.Th>Narration</Table.Th>
            <Table.Th w={220}>Customer</Table.Th>
            <Table.Th w={140}>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const choice = choices[row.key];
            const done = row.state !== 'new';
            return (
              <Table.Tr key={row.key} data-state={row.state} style={done ? { opacity: 0.55 } : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{day(row.on)}</Text>
                  <Text size="xs" c="dimmed">
                    Line {row.line}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Amount minor={row.amount} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }} lineClamp={3} title={row.narration}>
                    {row.narration}
                  </Text>
                  {(row.payer || row.reference) && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {[row.payer && `From ${row.payer}`, row.reference && `Ref ${row.reference}`]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <CustomerCell row={row} choice={choice} disabled={disabled} onPick={onPick} />
                </Table.Td>
                <Table.Td>
                  {done ? (
                    <Text size="sm" c="dimmed">
                      Nothing to do
                    </Text>
                  ) : (
                    <SegmentedControl
                      size="xs"
                      aria-label={`Decision for line ${row.line}`}
                      value={choice?.action ?? 'record'}
                      onChange={(value) => onAction(row.key, value as RowChoice['action'])}
                      disabled={disabled}
                      data={[
                        { value: 'record', label: 'Record' },
                        { value: 'ignore', label: 'Ignore' },
                      ]}
                    />
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
