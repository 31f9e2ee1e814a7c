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

/** The rows that cannot be imported as they are, with their line in the file and why. */
export function ImportProblemRows({ rows }: { rows: ImportRowReport[] }) {
  return (
    <ScrollArea.Autosize mah={240}>
      <Table striped withTableBorder aria-label="Rows with errors" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Line</Table.Th>
            <Table.Th w={200}>Name</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{rowName(row) || <Text c="dimmed">(no name)</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm" c="red">
                  {reasons(row)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
