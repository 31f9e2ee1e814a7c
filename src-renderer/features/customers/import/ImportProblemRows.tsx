import { ScrollArea, Table, Text } from '@mantine/core';
import type { ImportRowReport } from '../../../../src-shared/contract';
import { importFieldLabel } from './importFieldLabels';

function rowName(row: ImportRowReport): string {
  return row.values.name ?? Object.values(row.values)[0] ?? '';
}

/** "staticIp: must be an IPv4 address" -> "Static IP: must be an IPv4 address", without saying the field twice. */
export function describeImportError(error: ImportRowReport['errors'][number]): string {
  if (!error.field) return error.message;
  const label = importFieldLabel(error.field);
  const message = error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}

function reasons(row: ImportRowReport): string {
  return row.errors.map(describeImportError).join('; ');
}

/**
 * The rows that cannot be imported as they are, with their spreadsheet row and why; or, with
 * `alreadyIn`, the rows skipped because they are customers already.
 */
export function ImportProblemRows({ rows, alreadyIn = false }: { rows: ImportRowReport[]; alreadyIn?: boolean }) {
  return (
    <ScrollArea.Autosize mah={alreadyIn ? 160 : 240}>
      <Table
        striped
        withTableBorder
        aria-label={alreadyIn ? 'Rows already in WispDesk' : 'Rows with errors'}
        stickyHeader
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Row</Table.Th>
            <Table.Th w={200}>Name</Table.Th>
            <Table.Th>{alreadyIn ? 'Already in WispDesk as' : 'Problem'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{rowName(row) || <Text c="dimmed">(no name)</Text>}</Table.Td>
              <Table.Td>
                {row.alreadyIn ? (
                  <Text size="sm">
                    {row.alreadyIn.accountNo} {row.alreadyIn.name}
                  </Text>
                ) : (
                  <Text size="sm" c="red">
                    {reasons(row)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
