import { Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconFileImport, IconFileSpreadsheet, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { CustomerFilter } from '../../../src-shared/contract';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { downloadBase64, downloadText } from '../../lib/downloadText';
import { notifyError, notifySuccess } from '../../lib/notify';
import { CustomerFilters } from './list/CustomerFilters';
import { ArchivedMatchHint } from './list/ArchivedMatchHint';
import { CustomerTable } from './list/CustomerTable';
import { sortByColumn } from './list/customerListState';
import { useArchivedMatchCount } from './list/useArchivedMatchCount';
import { useCustomerListState } from './list/useCustomerListState';
import { NoCustomersYet } from './list/NoCustomersYet';
import { useCustomerList } from './list/useCustomerList';
import { useCustomerDialogs } from './useCustomerDialogs';
import { useStatusCounts } from './useStatusCounts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function CustomersPage() {
  const { openCustomerForm, openImport } = useCustomerDialogs();
  const [state, change] = useCustomerListState();
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);

  // The box answers every key at once; the address (and the list) follow 200 ms later.
  const [query, setQuery] = useState(state.query);
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200);
  const lastDebounced = useRef(debouncedQuery);
  useEffect(() => {
    if (debouncedQuery === lastDebounced.current) return;
    lastDebounced.current = debouncedQuery;
    if (debouncedQuery !== state.query) change({ query: debouncedQuery });
  }, [debouncedQuery, state.query, change]);
  // The address changed without the box (Back, a link): the box shows what the list shows.
  const [followed, setFollowed] = useState(state.query);
  if (state.query !== followed) {
    setFollowed(state.query);
    if (state.query !== query.trim()) setQuery(state.query);
  }

  const filter: CustomerFilter = {
    query: state.query,
    status: state.status,
    planId: state.planId,
    sort: state.sort,
  };
  const list = useCustomerList(filter, state.page, state.pageSize);
  const { counts } = useStatusCounts();
  const nothingCurrent =
    list.loaded && !list.loading && list.total === 0 && state.status === 'current' && !!state.query;
  const archivedMatches = useArchivedMatchCount(state.query, state.planId, nothingCurrent);

  // A page past the end (the list shrank, or an old link): the last page there is.
  const lastPage = Math.max(1, Math.ceil(list.total / state.pageSize));
  useEffect(() => {
    if (list.loaded && !list.loading && state.page > lastPage) change({ page: lastPage });
  }, [list.loaded, list.loading, state.page, lastPage, change]);

  async function exportAs(format: 'csv' | 'xlsx') {
    setExporting(format);
    try {
      let done: { filename: string; count: number };
      if (format === 'csv') {
        const result = await call('customers.exportCsv', filter);
        downloadText(result.filename, result.csv);
        done = result;
      } else {
        const result = await call('customers.exportXlsx', filter);
        downloadBase64(result.filename, result.base64, XLSX_TYPE);
        done = result;
      }
      notifySuccess(`Exported ${done.count} customers to ${done.filename}`);
    } catch (error) {
      notifyError(error, 'Export failed');
    } finally {
      setExporting(null);
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
              onClick={() => exportAs('csv')}
              loading={exporting === 'csv'}
              disabled={noCustomersAtAll || exporting === 'xlsx'}
              title="A CSV file that imports back unchanged"
            >
              Export CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} />}
              onClick={() => exportAs('xlsx')}
              loading={exporting === 'xlsx'}
              disabled={noCustomersAtAll || exporting === 'csv'}
              title="A workbook to open in Excel or LibreOffice, phone numbers and IDs as text"
            >
              Export Excel (.xlsx)
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
            status={state.status}
            planId={state.planId}
            onQueryChange={setQuery}
            onStatusChange={(status) => change({ status })}
            onPlanChange={(planId) => change({ planId })}
          />
          {nothingCurrent && archivedMatches !== null && archivedMatches > 0 && (
            <ArchivedMatchHint
              query={state.query}
              archivedCount={archivedMatches}
              onShowArchived={() => change({ status: 'archived' })}
            />
          )}
          {list.loaded ? (
            <CustomerTable
              records={list.records}
              total={list.total}
              fetching={list.loading}
              page={state.page}
              pageSize={state.pageSize}
              sort={state.sort}
              onPageChange={(page) => change({ page })}
              onPageSizeChange={(pageSize) => change({ pageSize })}
              onSortClick={(column) => change({ sort: sortByColumn(state.sort, column) })}
            />
          ) : (
            <PageLoader label="Loading customers" />
          )}
        </>
      )}
    </>
  );
}
