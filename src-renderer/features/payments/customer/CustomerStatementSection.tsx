import { Alert, Anchor, Button, Card, Group, Loader, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { isIsoDate } from '../../../../src-shared/dates';
import { call } from '../../../api';
import { errorMessage, notifyError } from '../../../lib/notify';
import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { showPdf } from '../../billing/openPdf';
import { useDay } from '../../billing/useDay';
import { ENTRY_KIND_LABELS } from '../paymentText';
import { useStatement } from './useStatement';

const right = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

/** The customer page's Statement: opening balance, every entry with the running balance, closing. */
export function CustomerStatementSection({ customerId }: { customerId: number }) {
  const day = useDay();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [printing, setPrinting] = useState(false);
  const range = { from: isIsoDate(from) ? from : null, to: isIsoDate(to) ? to : null };
  const { statement, error } = useStatement(customerId, range.from, range.to);

  async function pdf() {
    setPrinting(true);
    try {
      const file = await call('payments.statementPdf', { customerId, ...range });
      await showPdf(file.filename, file.base64);
    } catch (e) {
      notifyError(e, 'Could not make the statement PDF');
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Card component="section" aria-label="Statement">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
        <Title order={4}>Statement</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="From"
            type="date"
            size="xs"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={150}
          />
          <TextInput
            label="To"
            type="date"
            size="xs"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            w={150}
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            loading={printing}
            onClick={() => void pdf()}
          >
            Download / print PDF
          </Button>
        </Group>
      </Group>
      {!statement ? (
        error ? (
          <Alert color="red" title="The statement could not be made">
            {errorMessage(error)}
          </Alert>
        ) : (
          <Group justify="center" py="md">
            <Loader size="sm" aria-label="Loading the statement" />
          </Group>
        )
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={4} striped aria-label="Statement entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Entry</Table.Th>
                <Table.Th>Details</Table.Th>
                <Table.Th style={right}>Debit</Table.Th>
                <Table.Th style={right}>Credit</Table.Th>
                <Table.Th style={right}>Balance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{statement.from ? day(statement.from) : ''}</Table.Td>
                <Table.Td colSpan={4}>
                  <Text size="sm" fw={600}>
                    Opening balance
                  </Text>
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={statement.opening} fw={600} />
                </Table.Td>
              </Table.Tr>
              {statement.entries.map((e, i) => {
                const href =
                  e.paymentId !== null
                    ? routeHref({ page: 'payment', id: e.paymentId })
                    : e.documentId !== null
                      ? routeHref({ page: 'invoice', id: e.documentId })
                      : null;
                return (
                  <Table.Tr key={`${e.kind}-${e.number}-${i}`}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {day(e.on)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {href ? (
                        <Anchor href={href} size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {e.number}
                        </Anchor>
                      ) : (
                        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {e.number}
                        </Text>
                      )}
                      <Text size="xs" c={e.kind === 'reversal' ? 'red' : 'dimmed'}>
                        {ENTRY_KIND_LABELS[e.kind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.description}</Text>
                    </Table.Td>
                    <Table.Td style={right}>{e.debit ? <Amount minor={e.debit} /> : null}</Table.Td>
                    <Table.Td style={right}>{e.credit ? <Amount minor={e.credit} /> : null}</Table.Td>
                    <Table.Td style={right}>
                      <Amount minor={e.balance} signColor />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Td>{day(statement.to)}</Table.Td>
                <Table.Td colSpan={2}>
                  <Text size="sm" fw={600}>
                    Closing balance
                  </Text>
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={statement.debits} c="dimmed" />
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={statement.credits} c="dimmed" />
                </Table.Td>
                <Table.Td style={right}>
                  <Amount minor={statement.closing} fw={700} signColor data-testid="statement-closing" />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {statement && statement.entries.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          Nothing in this range.
        </Text>
      )}
    </Card>
  );
}
