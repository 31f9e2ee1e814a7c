import { Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconFileImport, IconUserPlus } from '@tabler/icons-react';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import type { CustomerFilter, CustomerRow, CustomerStatusFilter } from '../../../src-shared/contract';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { downloadText } from '../../lib/downloadText';
import { notifyError, notifySuccess } from '../../lib/notify';
import { CustomerFilters } from './list/CustomerFilters';
import { CustomerTable, type CustomerSortColumn } from './list/CustomerTable';
import { NoCustomersYet } from './list/NoCustomersYet';
import { useCustomerList } from './list/useCustomerList';
import { useCustomerDialogs } from './useCustomerDialogs';
import { useStatusCounts } from './useStatusCounts';

export function CustomersPage() {
  const { openCustomerForm, openImport } = useCustomerDialogs();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200);
  const [status, setStatus] = useState<CustomerStatusFilter>('current');
  const [planId, setPlanId] = useState<number | null>(null);
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<CustomerRow>>({
    columnAccessor: 'accountNo',
    direction: 'asc',
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);

  const filter: CustomerFilter = {
    query: debouncedQuery,
    status,
    planId,
    sort: { column: sortStatus.columnAccessor as CustomerSortColumn, direction: sortStatus.direction },
  };
  const list = useCustomerList(filter, page, pageSize);
  const { counts } = useStatusCounts();

  // Any change of filter starts again from the first page.
  const refilter =
    <T,>(apply: (value: T) => void) =>
    (value: T) => {
      apply(value);
      setPage(1);
    };

  async function exportCsv() {
    setExporting(true);
    try {
      const result = await call('customers.exportCsv', filter);
      downloadText(result.filename, result.csv);
      notifySuccess(`Exported ${result.count} customers to ${result.filename}`);
    } catch (error) {
      notifyError(error, 'Export failed');
    } finally {
      setExporting(false);
    }
  }

  const noCustomersAtAll = counts?.total === 0;
  return (
    <>
      <PageHeader
        title="Customers"
        description={counts ? `${counts.total - counts.archived} current, ${counts.archived} archived` : undefined}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={openImport}>
              Import CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileExport size={18} />}
              onClick={exportCsv}
              loading={exporting}
              disabled={noCustomersAtAll}
            >
              Export CSV
            </Button>
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => openCustomerForm({})}>
              New customer
            </Button>
          </>
        }
      />
      {noCustomersAtAll ? (
        <NoCustomersYet />
      ) : (
        <>
          <CustomerFilters
            query={query}
            status={status}
            planId={planId}
            onQueryChange={refilter(setQuery)}
            onStatusChange={refilter(setStatus)}
            onPlanChange={refilter(setPlanId)}
          />
          {list.loaded ? (
            <CustomerTable
              records={list.records}
              total={list.total}
              fetching={list.loading}
              page={page}
              pageSize={pageSize}
              sortStatus={sortStatus}
              onPageChange={setPage}
              onPageSizeChange={refilter(setPageSize)}
              onSortStatusChange={refilter(setSortStatus)}
            />
          ) : (
            <PageLoader label="Loading customers" />
          )}
        </>
      )}
    </>
  );
}
