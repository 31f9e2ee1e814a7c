import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconFileInvoice } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { PREVIEW_SHOWN, type BillingPreview, type PreviewInvoice } from '../../../../src-shared/contract';
import { routeHref } from '../../../router/routes';
import { Amount } from '../Amount';
import { plural, rateText } from '../billingText';
import { LinesTable } from '../LinesTable';
import { useDay } from '../useDay';
import { useMoney } from '../useMoney';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Paper>
  );
}

interface RunPreviewStepProps {
  preview: BillingPreview;
  running: boolean;
  onBack: () => void;
  onCommit: () => void;
}

const key = (i: PreviewInvoice) => `${i.customerId}:${i.periodStart}`;

/** Step 2: what the run would issue, before anything is written. */
export function RunPreviewStep({ preview, running, onBack, onCommit }: RunPreviewStepProps) {
  const day = useDay();
  const money = useMoney();
  const [expanded, setExpanded] = useState<string[]>([]);
  const nothing = preview.invoiceCount === 0;

  return (
    <Stack gap="lg">
      {nothing ? (
        <Alert color="teal" icon={<IconCircleCheck />} title="Nothing to bill">
          Every customer in this scope is already billed for the periods that started by {day(preview.asOf)}. Running
          the same date again issues nothing.
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Figure label="Invoices">{preview.invoiceCount}</Figure>
          <Figure label="Customers">{preview.customers}</Figure>
          <Figure label="Missed periods caught up">{preview.catchUpCount}</Figure>
          <Figure label="Total">{money(preview.total)}</Figure>
        </SimpleGrid>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />} title={`${plural(preview.warnings.length, 'warning')}`}>
          <Text size="sm" mb={6}>
            These customers are left out or billed with something to check. Fix them on their page, then preview again.
          </Text>
          <Spoiler
            maxHeight={110}
            showLabel={`Show all ${preview.warnings.length}`}
            hideLabel="Show fewer"
            styles={{ control: { fontSize: 'var(--mantine-font-size-sm)' } }}
          >
            <List size="sm" spacing={2}>
              {preview.warnings.slice(0, 200).map((w) => (
                <List.Item key={`${w.customerId}:${w.problem}`}>
                  <Anchor href={routeHref({ page: 'customer', id: w.customerId })} size="sm">
                    {w.name} ({w.accountNo})
                  </Anchor>
                  : {w.message}
                </List.Item>
              ))}
            </List>
            {preview.warnings.length > 200 && (
              <Text size="sm" mt={6}>
                …and {preview.warnings.length - 200} more.
              </Text>
            )}
          </Spoiler>
        </Alert>
      )}
      {!nothing && (
        <>
          <section aria-label="Totals by tax rate">
            <Title order={4} mb="xs">
              By tax rate
            </Title>
            <Table maw={560} verticalSpacing={4} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rate</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Taxable</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Tax</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.byRate.map((r) => (
                  <Table.Tr key={r.taxRateBps}>
                    <Table.Td>{rateText(r.taxRateBps)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Amount minor={r.taxable} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Amount minor={r.tax} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Amount minor={r.total} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={600}>
                  <Table.Td>All</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Amount minor={preview.taxable} fw={600} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Amount minor={preview.tax} fw={600} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Amount minor={preview.total} fw={600} />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </section>
          <section aria-label="Invoices to issue">
            <Group justify="space-between" mb="xs">
              <Title order={4}>Invoices to issue</Title>
              {preview.invoiceCount > preview.invoices.length && (
                <Text size="sm" c="dimmed">
                  Shown first {Math.min(PREVIEW_SHOWN, preview.invoices.length)} of {preview.invoiceCount}
                </Text>
              )}
            </Group>
            <DataTable<PreviewInvoice>
              withTableBorder
              borderRadius="md"
              striped
              highlightOnHover
              verticalSpacing="xs"
              height={preview.invoices.length > 12 ? 480 : undefined}
              records={preview.invoices}
              idAccessor={key}
              columns={[
                {
                  accessor: 'accountNo',
                  title: 'Account no',
                  noWrap: true,
                  render: (i) => (
                    <Text ff="monospace" size="sm">
                      {i.accountNo}
                    </Text>
                  ),
                },
                { accessor: 'name', title: 'Customer' },
                {
                  accessor: 'periodStart',
                  title: 'Period',
                  noWrap: true,
                  render: (i) => (
                    <>
                      {day(i.periodStart)} – {day(i.periodEnd)}
                      {i.catchUp && (
                        <Text span size="xs" c="orange" ml={6}>
                          catch-up
                        </Text>
                      )}
                    </>
                  ),
                },
                { accessor: 'lines', title: 'Lines', textAlign: 'right', render: (i) => i.lines.length },
                {
                  accessor: 'taxable',
                  title: 'Taxable',
                  textAlign: 'right',
                  render: (i) => <Amount minor={i.taxable} />,
                },
                { accessor: 'tax', title: 'Tax', textAlign: 'right', render: (i) => <Amount minor={i.tax} /> },
                {
                  accessor: 'total',
                  title: 'Total',
                  textAlign: 'right',
                  render: (i) => <Amount minor={i.total} fw={500} />,
                },
              ]}
              rowExpansion={{
                allowMultiple: true,
                expanded: { recordIds: expanded, onRecordIdsChange: setExpanded },
                content: ({ record }) => (
                  <Stack p="sm" gap={0}>
                    <LinesTable lines={record.lines} caption={`Lines for ${record.name}`} />
                  </Stack>
                ),
              }}
              noRecordsText="No invoices"
            />
            <Text size="xs" c="dimmed" mt={4}>
              Click a row to see its lines.
            </Text>
          </section>
        </>
      )}
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={onBack} disabled={running}>
          Back
        </Button>
        {!nothing && (
          <Button leftSection={<IconFileInvoice size={18} />} onClick={onCommit} loading={running} data-autofocus>
            Issue {plural(preview.invoiceCount, 'invoice')} for {money(preview.total)}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
