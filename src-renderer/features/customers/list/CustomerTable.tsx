import { Text } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { CUSTOMER_SORT_COLUMNS, type CustomerRow } from '../../../../src-shared/contract';
import { StatusBadge } from '../../../components/StatusBadge';
import { navigate } from '../../../router/routes';

export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];
export const PAGE_SIZES = [25, 50, 100];

const sortable = (column: string) => (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(column);

const baseColumns: DataTableColumn<CustomerRow>[] = [
  {
    accessor: 'accountNo',
    title: 'Account no',
    width: 120,
    render: (c) => (
      <Text ff="monospace" size="sm">
        {c.accountNo}
      </Text>
    ),
  },
  {
    accessor: 'name',
    title: 'Name',
    render: (c) => (
      <Text size="sm" fw={500}>
        {c.name}
      </Text>
    ),
  },
  { accessor: 'phone', title: 'Phone', render: (c) => c.phone ?? '—' },
  {
    accessor: 'planName',
    title: 'Plan',
    render: (c) =>
      c.planName ?? (
        <Text c="dimmed" size="sm">
          No plan
        </Text>
      ),
  },
  { accessor: 'status', title: 'Status', width: 130, render: (c) => <StatusBadge status={c.status} /> },
  {
    accessor: 'pppoeUsername',
    title: 'PPPoE user / IP',
    render: (c) => (
      <Text ff="monospace" size="sm">
        {[c.pppoeUsername, c.staticIp].filter(Boolean).join(' · ') || '—'}
      </Text>
    ),
  },
  { accessor: 'accessPoint', title: 'Access point', render: (c) => c.accessPoint || '—' },
];
const columns = baseColumns.map((column) => ({ ...column, sortable: sortable(String(column.accessor)) }));

interface CustomerTableProps {
  records: CustomerRow[];
  total: number;
  fetching: boolean;
  page: number;
  pageSize: number;
  sortStatus: DataTableSortStatus<CustomerRow>;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortStatusChange: (status: DataTableSortStatus<CustomerRow>) => void;
}

/** Server-side paged: only the rows of the current page are ever in the DOM. */
export function CustomerTable(props: CustomerTableProps) {
  return (
    <DataTable<CustomerRow>
      withTableBorder
      borderRadius="md"
      highlightOnHover
      striped
      minHeight={props.records.length ? undefined : 220}
      verticalSpacing="xs"
      columns={columns}
      records={props.records}
      fetching={props.fetching}
      totalRecords={props.total}
      page={props.page}
      onPageChange={props.onPageChange}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel="Customers per page"
      paginationText={({ from, to, totalRecords }) =>
        `${from}–${to} of ${totalRecords} customer${totalRecords === 1 ? '' : 's'}`
      }
      sortStatus={props.sortStatus}
      onSortStatusChange={props.onSortStatusChange}
      noRecordsText="No customers match these filters"
      onRowClick={({ record }) => navigate({ page: 'customer', id: record.id })}
      rowStyle={() => ({ cursor: 'pointer' })}
    />
  );
}
