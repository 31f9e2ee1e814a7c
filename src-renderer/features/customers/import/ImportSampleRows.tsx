import { Table, Text } from '@mantine/core';
import type { ImportSample } from '../../../../src-shared/contract';

const STATUS_LABELS: Record<ImportSample['status'], string> = {
  active: 'Active',
  suspended: 'Suspended',
  disconnected: 'Disconnected',
  archived: 'Archived',
};

/** The first good rows as they will be saved, so garbled text or a wrong column shows before anything is written. */
export function ImportSampleRows({ samples }: { samples: ImportSample[] }) {
  return (
    // Native scrolling: a ScrollArea's bar coming and going resized the dialog in a loop.
    <Table.ScrollContainer minWidth={600} type="native">
      <Table withTableBorder aria-label="As they will be saved">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Row</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Connection</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {samples.map((s) => (
            <Table.Tr key={s.row}>
              <Table.Td>{s.row}</Table.Td>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.phones.join(', ') || (
                  <Text span size="sm" c="dimmed">
                    none
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.plan ?? (
                  <Text span size="sm" c="dimmed">
                    no plan
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.connection}</Table.Td>
              <Table.Td>{STATUS_LABELS[s.status]}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {s.address}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
