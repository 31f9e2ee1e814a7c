import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { CUSTOMER_SORT_COLUMNS, type CustomerRow } from '../../../../src-shared/contract';
import { StatusBadge } from '../../../components/StatusBadge';
import { navigate } from '../../../router/routes';
import { PAGE_SIZES, type CustomerListState, type CustomerSortColumn } from './customerListState';

const sortable = (column: string) => (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(column);

/** Wide enough for every column; below it the access point moves under the connection. */
const WIDE = '(min-width: 1280px)';

const connectionText = (c: CustomerRow) => [c.pppoeUsername, c.staticIp].filter(Boolean).join(' · ') || '—';

function columnsFor(wide: boolean): DataTableColumn<CustomerRow>[] {
  const columns: DataTableColumn<CustomerRow>[] = [
    {
      accessor: 'accountNo',
      title: 'Account no',
      width: 120,
      noWrap: true,
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
    // A phone number never breaks across lines.
    { accessor: 'phone', title: 'Phone', noWrap: true, render: (c) => c.phone ?? '—' },
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
    { accessor: 'status', title: 'Status', width: 132, render: (c) => <StatusBadge status={c.status} /> },
    {
      accessor: 'pppoeUsername',
      title: wide ? 'PPPoE user / IP' : 'Connection',
      render: (c) => (
        <>
          <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {connectionText(c)}
          </Text>
          {!wide && c.accessPoint && (
            <Text size="xs" c="dimmed">
              {c.accessPoint}
            </Text>
          )}
        </>
      ),
    },
  ];
  if (wide) columns.push({ accessor: 'accessPoint', title: 'Access point', render: (c) => c.accessPoint || '—' });
  return columns.map((column) => ({ ...column, sortable: sortable(String(column.accessor)) }));
}

interface CustomerTableProps {
  records: CustomerRow[];
  total: number;
  fetching: boolean;
  page: number;
  pageSize: number;
  sort: CustomerListState['sort'];
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortClick: (column: CustomerSortColumn) => void;
}

/** Server-side paged: only the rows of the current page are ever in the DOM. */
export function CustomerTable(props: CustomerTableProps) {
  const wide = useMediaQuery(WIDE, true, { getInitialValueInEffect: false });
  return (
    <DataTable<CustomerRow>
      withTableBorder
      borderRadius="md"
      highlightOnHover
      striped
      minHeight={props.records.length ? undefined : 220}
      verticalSpacing="xs"
      horizontalSpacing={wide ? 'sm' : 'xs'}
      columns={columnsFor(wide)}
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
      sortStatus={{ columnAccessor: props.sort.column, direction: props.sort.direction }}
      onSortStatusChange={(status) => props.onSortClick(status.columnAccessor as CustomerSortColumn)}
      noRecordsText="No customers match these filters"
      onRowClick={({ record }) => navigate({ page: 'customer', id: record.id })}
      rowStyle={() => ({ cursor: 'pointer' })}
    />
  );
}
