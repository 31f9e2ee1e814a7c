import { Alert, Button, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileInvoice, IconReceipt } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { errorMessage } from '../../lib/notify';
import { routeHref } from '../../router/routes';
import { InvoiceFilters } from './list/InvoiceFilters';
import { invoiceListInput, isFiltered } from './list/invoiceListState';
import { InvoiceSums } from './list/InvoiceSums';
import { InvoiceTable } from './list/InvoiceTable';
import { useDocuments } from './list/useDocuments';
import { useInvoiceListState } from './list/useInvoiceListState';

function NoInvoicesYet() {
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={420}>
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconReceipt size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          No invoices yet — run billing
        </Text>
        <Text c="dimmed" size="sm" ta="center">
          A billing run issues an invoice to every customer whose period has started. Preview it first: nothing is
          issued until you confirm.
        </Text>
        <Button component="a" href={routeHref({ page: 'billing' })} leftSection={<IconFileInvoice size={18} />}>
          Run billing
        </Button>
      </Stack>
    </Center>
  );
}

export function InvoicesPage() {
  const [state, change] = useInvoiceListState();

  // The number box answers every key; the address and the list follow 250 ms later.
  const [number, setNumber] = useState(state.number);
  const [debounced] = useDebouncedValue(number.trim(), 250);
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced !== state.number) change({ number: debounced });
  }, [debounced, state.number, change]);
  const [followed, setFollowed] = useState(state.number);
  if (state.number !== followed) {
    setFollowed(state.number);
    if (state.number !== number.trim()) setNumber(state.number);
  }

  const { data, loading, error } = useDocuments(invoiceListInput(state));
  const filtered = isFiltered(state);

  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / state.pageSize));
  useEffect(() => {
    if (data && !loading && state.page > lastPage) change({ page: lastPage });
  }, [data, loading, state.page, lastPage, change]);

  const nothingAtAll = data && !loading && data.total === 0 && !filtered;
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Invoices and credit notes, newest first"
        actions={
          <Button component="a" href={routeHref({ page: 'billing' })} leftSection={<IconFileInvoice size={18} />}>
            Run billing
          </Button>
        }
      />
      {nothingAtAll ? (
        <NoInvoicesYet />
      ) : (
        <>
          <InvoiceFilters state={state} number={number} onNumberChange={setNumber} onChange={change} />
          {data ? (
            <>
              <InvoiceSums total={data.total} sums={data.sums} />
              <InvoiceTable
                records={data.rows}
                total={data.total}
                fetching={loading}
                page={state.page}
                pageSize={state.pageSize}
                onPageChange={(page) => change({ page })}
                onPageSizeChange={(pageSize) => change({ pageSize })}
                noRecordsText="No documents match these filters"
              />
            </>
          ) : error ? (
            <Alert color="red" title="The invoices could not be loaded">
              {errorMessage(error)} Change a filter or reload the page to try again.
            </Alert>
          ) : (
            <PageLoader label="Loading invoices" />
          )}
        </>
      )}
    </>
  );
}
