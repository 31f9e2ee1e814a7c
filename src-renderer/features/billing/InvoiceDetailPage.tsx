import { Alert, Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconReceiptRefund } from '@tabler/icons-react';
import { useState } from 'react';
import { PageLoader } from '../../components/PageLoader';
import { errorMessage, notifyError } from '../../lib/notify';
import { navigate, routeHref } from '../../router/routes';
import { DetailCard } from '../customers/detail/DetailCard';
import { DetailField } from '../customers/detail/DetailField';
import { Amount } from './Amount';
import { KIND_LABELS, periodText } from './billingText';
import { CreditNoteModal } from './detail/CreditNoteModal';
import { DocumentTotals } from './detail/DocumentTotals';
import { useDocument } from './detail/useDocument';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import { LinesTable } from './LinesTable';
import { lastInvoiceListHref } from './list/useInvoiceListState';
import { openDocumentPdf } from './openPdf';
import { useDay } from './useDay';

const SOURCE_TEXT = {
  run: 'Billing run',
  change: 'Plan change',
  charge: 'One-time charge billed at once',
  credit: 'Credit note',
  recharge: 'Prepaid recharge at the counter',
} as const;

export function InvoiceDetailPage({ id }: { id: number }) {
  const { document: doc, error, reload } = useDocument(id);
  const day = useDay();
  const [crediting, setCrediting] = useState(false);
  const [opening, setOpening] = useState(false);

  if (!doc) {
    return error ? (
      <Alert color="red" title="Document not found">
        {errorMessage(error)} <Anchor href={lastInvoiceListHref()}>Back to invoices</Anchor>
      </Alert>
    ) : (
      <PageLoader label="Loading invoice" />
    );
  }

  async function openPdf() {
    setOpening(true);
    try {
      await openDocumentPdf(id);
    } catch (e) {
      notifyError(e, 'Could not make the PDF');
    } finally {
      setOpening(false);
    }
  }

  const isInvoice = doc.kind === 'invoice';
  const cancelled = doc.status === 'cancelled';
  const nothingLeft = doc.total - doc.credited <= 0;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor href={lastInvoiceListHref()} size="sm">
          Invoices
        </Anchor>
        <Text size="sm">{doc.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {doc.number}
            </Title>
            <DocumentStatusBadge status={doc.status} size="md" />
          </Group>
          <Text c="dimmed" size="sm">
            {KIND_LABELS[doc.kind]} · {SOURCE_TEXT[doc.source]} · issued {day(doc.issuedOn)}
          </Text>
        </Stack>
        <Group gap="sm">
          {isInvoice && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconReceiptRefund size={18} />}
              disabled={cancelled || nothingLeft}
              title={cancelled ? 'A cancelled invoice has nothing left to credit' : undefined}
              onClick={() => setCrediting(true)}
            >
              Issue credit note
            </Button>
          )}
          <Button leftSection={<IconFileTypePdf size={18} />} loading={opening} onClick={openPdf}>
            Open PDF
          </Button>
        </Group>
      </Group>
      {cancelled && (
        <Alert color="gray" title="Cancelled">
          A credit note took off everything this invoice charged. It stays in the books with its number.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailCard title="Customer">
          <DetailField label="Customer">
            <Anchor href={routeHref({ page: 'customer', id: doc.customerId })} size="sm">
              {doc.customerName}
            </Anchor>
          </DetailField>
          <DetailField label="Account no" mono>
            {doc.accountNo}
          </DetailField>
          <DetailField label="Address">{doc.parties.buyer.address}</DetailField>
          <DetailField label="GSTIN" mono>
            {doc.parties.buyer.gstin}
          </DetailField>
          <DetailField label="Place of supply">
            {doc.parties.buyer.placeOfSupplyName
              ? `${doc.parties.buyer.placeOfSupplyName} (${doc.parties.buyer.placeOfSupply})`
              : doc.parties.buyer.placeOfSupply}
          </DetailField>
        </DetailCard>
        <DetailCard title="Document">
          <DetailField label="Issued">{day(doc.issuedOn)}</DetailField>
          {isInvoice && <DetailField label="Due">{day(doc.dueOn)}</DetailField>}
          <DetailField label="Period">{periodText(doc.periodStart, doc.periodEnd, day)}</DetailField>
          <DetailField label="Financial year">{doc.fy}</DetailField>
          {doc.reason && <DetailField label="Reason">{doc.reason}</DetailField>}
          {doc.creditsInvoice && (
            <DetailField label="Credits invoice">
              <Anchor href={routeHref({ page: 'invoice', id: doc.creditsInvoice.id })} size="sm" ff="monospace">
                {doc.creditsInvoice.number}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                of {day(doc.creditsInvoice.issuedOn)}
              </Text>
            </DetailField>
          )}
        </DetailCard>
      </SimpleGrid>
      <Card>
        <Title order={4} mb="sm">
          Lines
        </Title>
        <LinesTable lines={doc.lines} />
        <DocumentTotals doc={doc} />
      </Card>
      {isInvoice && (
        <Card component="section" aria-label="Credit notes">
          <Title order={4} mb="sm">
            Credit notes
          </Title>
          {doc.creditNotes.length === 0 ? (
            <Text size="sm" c="dimmed">
              None against this invoice.
            </Text>
          ) : (
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {doc.creditNotes.map((note) => (
                  <Table.Tr
                    key={note.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate({ page: 'invoice', id: note.id })}
                  >
                    <Table.Td>
                      <Anchor href={routeHref({ page: 'invoice', id: note.id })} size="sm" ff="monospace">
                        {note.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{day(note.issuedOn)}</Table.Td>
                    <Table.Td>{note.reason}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Amount minor={note.total} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
      {crediting && <CreditNoteModal invoice={doc} onClose={() => setCrediting(false)} onIssued={() => reload()} />}
    </Stack>
  );
}
