import { Badge, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import type { PaymentRow } from '../../../../src-shared/contract';
import { navigate } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { METHOD_LABELS, SOURCE_LABELS } from '../paymentText';
import { PAYMENT_PAGE_SIZES } from './paymentListState';

interface PaymentTableProps {
  records: PaymentRow[];
  total: number;
  fetching: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  noRecordsText: string;
}

/** Server-side paged: only the current page's rows are in the DOM. A row opens the payment. */
export function PaymentTable(props: PaymentTableProps) {
  const day = useDay();
  const wide = useMediaQuery('(min-width: 1280px)', true, { getInitialValueInEffect: false });
  const columns: DataTableColumn<PaymentRow>[] = [
    {
      accessor: 'number',
      title: 'Receipt',
      noWrap: true,
      render: (p) => (
        <>
          <Text ff="monospace" size="sm" fw={500}>
            {p.number}
          </Text>
          {!wide && (
            <Text size="xs" c="dimmed">
              {SOURCE_LABELS[p.source]}
            </Text>
          )}
        </>
      ),
    },
    { accessor: 'receivedOn', title: 'Date', noWrap: true, render: (p) => day(p.receivedOn) },
    {
      accessor: 'customerName',
      title: 'Customer',
      render: (p) => (
        <>
          <Text size="sm">{p.customerName}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {p.accountNo}
          </Text>
        </>
      ),
    },
    {
      accessor: 'method',
      title: 'Method',
      render: (p) => (
        <>
          <Text size="sm">{METHOD_LABELS[p.method]}</Text>
          {p.reference && (
            <Text size="xs" c="dimmed" ff="monospace">
              {p.reference}
            </Text>
          )}
        </>
      ),
    },
    { hidden: !wide, accessor: 'source', title: 'How', noWrap: true, render: (p) => SOURCE_LABELS[p.source] },
    {
      accessor: 'amount',
      title: 'Amount',
      textAlign: 'right',
      noWrap: true,
      render: (p) => (
        <Amount
          minor={p.kind === 'refund' ? -p.amount : p.amount}
          signColor
          td={p.reversal ? 'line-through' : undefined}
        />
      ),
    },
    {
      accessor: 'allocated',
      title: 'On invoices',
      textAlign: 'right',
      noWrap: true,
      hidden: !wide,
      render: (p) => (p.kind === 'refund' ? '—' : <Amount minor={p.allocated} />),
    },
    {
      accessor: 'kind',
      title: 'Status',
      width: 110,
      render: (p) => (
        <Group gap={4}>
          {p.reversal ? (
            <Badge color="red" variant="light" size="sm" radius="sm">
              Reversed
            </Badge>
          ) : p.kind === 'refund' ? (
            <Badge color="grape" variant="light" size="sm" radius="sm">
              Refund
            </Badge>
          ) : (
            <Badge color="teal" variant="light" size="sm" radius="sm">
              Received
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <DataTable<PaymentRow>
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
      recordsPerPageOptions={PAYMENT_PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel="Entries per page"
      paginationText={({ from, to, totalRecords }) =>
        `${from}–${to} of ${totalRecords} ${totalRecords === 1 ? 'entry' : 'entries'}`
      }
      noRecordsText={props.noRecordsText}
      onRowClick={({ record }) => navigate({ page: 'payment', id: record.id })}
      rowStyle={() => ({ cursor: 'pointer' })}
    />
  );
}
