import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import type { DocumentRow } from '../../../../src-shared/contract';
import { navigate } from '../../../router/routes';
import { Amount } from '../Amount';
import { KIND_LABELS } from '../billingText';
import { DocumentStatusBadge } from '../DocumentStatusBadge';
import { useDay } from '../useDay';
import { INVOICE_PAGE_SIZES } from './invoiceListState';

interface InvoiceTableProps {
  records: DocumentRow[];
  total: number;
  fetching: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  noRecordsText: string;
}

/** Server-side paged: only the current page's rows are in the DOM. A row opens the document. */
export function InvoiceTable(props: InvoiceTableProps) {
  const day = useDay();
  // Below this the taxable and tax columns go (the sums above keep them) and the kind moves under the number.
  const wide = useMediaQuery('(min-width: 1280px)', true, { getInitialValueInEffect: false });
  const money = (accessor: keyof DocumentRow & string, title: string): DataTableColumn<DocumentRow> => ({
    accessor,
    title,
    textAlign: 'right',
    noWrap: true,
    render: (d) => <Amount minor={d[accessor] as number} signColor />,
  });
  const columns: DataTableColumn<DocumentRow>[] = [
    {
      accessor: 'number',
      title: 'Number',
      noWrap: true,
      render: (d) => (
        <>
          <Text ff="monospace" size="sm" fw={500}>
            {d.number}
          </Text>
          {!wide && (
            <Text size="xs" c={d.kind === 'credit_note' ? 'grape' : 'dimmed'}>
              {KIND_LABELS[d.kind]}
            </Text>
          )}
        </>
      ),
    },
    {
      hidden: !wide,
      accessor: 'kind',
      title: 'Kind',
      noWrap: true,
      render: (d) => (
        <Text size="sm" c={d.kind === 'credit_note' ? 'grape' : undefined}>
          {KIND_LABELS[d.kind]}
        </Text>
      ),
    },
    { accessor: 'issuedOn', title: 'Issued', noWrap: true, render: (d) => day(d.issuedOn) },
    {
      accessor: 'customerName',
      title: 'Customer',
      render: (d) => (
        <>
          <Text size="sm">{d.customerName}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {d.accountNo}
          </Text>
        </>
      ),
    },
    { ...money('taxable', 'Taxable'), hidden: !wide },
    { ...money('tax', 'Tax'), hidden: !wide },
    money('total', 'Total'),
    money('outstanding', 'Due'),
    { accessor: 'status', title: 'Status', width: 128, render: (d) => <DocumentStatusBadge status={d.status} /> },
  ];
  return (
    <DataTable<DocumentRow>
      withTableBorder
      borderRadius="md"
      highlightOnHover
      striped
      minHeight={props.records.length ? undefined : 220}
      verticalSpacing="xs"
      horizontalSpacing={wide ? 'sm' : 'xs'}
      columns={columns}
      records={props.records}
      fetching={props.fetching}
      totalRecords={props.total}
      page={props.page}
      onPageChange={props.onPageChange}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={INVOICE_PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel="Documents per page"
      paginationText={({ from, to, totalRecords }) =>
        `${from}–${to} of ${totalRecords} document${totalRecords === 1 ? '' : 's'}`
      }
      noRecordsText={props.noRecordsText}
      onRowClick={({ record }) => navigate({ page: 'invoice', id: record.id })}
      rowStyle={() => ({ cursor: 'pointer' })}
    />
  );
}
