import { Alert, Button, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCash, IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { errorMessage } from '../../lib/notify';
import { routeHref } from '../../router/routes';
import { PaymentFilters } from './list/PaymentFilters';
import { isFiltered, paymentListInput } from './list/paymentListState';
import { PaymentSums } from './list/PaymentSums';
import { PaymentTable } from './list/PaymentTable';
import { usePaymentListState } from './list/usePaymentListState';
import { usePayments } from './list/usePayments';

function NoPaymentsYet() {
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={420}>
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconCash size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          No payments yet — take one at the counter
        </Text>
        <Text c="dimmed" size="sm" ta="center">
          Every payment taken at the counter, recharge and bank statement import is listed here with its receipt.
        </Text>
        <Button component="a" href={routeHref({ page: 'counter' })} leftSection={<IconCash size={18} />}>
          Open the counter
        </Button>
      </Stack>
    </Center>
  );
}

export function PaymentsPage() {
  const [state, change] = usePaymentListState();

  // The search box answers every key; the address and the list follow 250 ms later.
  const [search, setSearch] = useState(state.search);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced !== state.search) change({ search: debounced });
  }, [debounced, state.search, change]);
  const [followed, setFollowed] = useState(state.search);
  if (state.search !== followed) {
    setFollowed(state.search);
    if (state.search !== search.trim()) setSearch(state.search);
  }

  const { data, loading, error } = usePayments(paymentListInput(state));
  const filtered = isFiltered(state);

  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / state.pageSize));
  useEffect(() => {
    if (data && !loading && state.page > lastPage) change({ page: lastPage });
  }, [data, loading, state.page, lastPage, change]);

  const nothingAtAll = data && !loading && data.total === 0 && !filtered;
  return (
    <>
      <PageHeader
        title="Payments"
        description="Receipts and refunds, newest first"
        actions={
          <>
            <Button
              component="a"
              href={routeHref({ page: 'paymentsImport' })}
              variant="default"
              leftSection={<IconFileImport size={18} />}
            >
              Import bank statement
            </Button>
            <Button component="a" href={routeHref({ page: 'counter' })} leftSection={<IconCash size={18} />}>
              Take payment
            </Button>
          </>
        }
      />
      {nothingAtAll ? (
        <NoPaymentsYet />
      ) : (
        <>
          <PaymentFilters state={state} search={search} onSearchChange={setSearch} onChange={change} />
          {data ? (
            <>
              <PaymentSums total={data.total} sums={data.sums} />
              <PaymentTable
                records={data.rows}
                total={data.total}
                fetching={loading}
                page={state.page}
                pageSize={state.pageSize}
                onPageChange={(page) => change({ page })}
                onPageSizeChange={(pageSize) => change({ pageSize })}
                noRecordsText="No payments match these filters"
              />
            </>
          ) : error ? (
            <Alert color="red" title="The payments could not be loaded">
              {errorMessage(error)} Change a filter or reload the page to try again.
            </Alert>
          ) : (
            <PageLoader label="Loading payments" />
          )}
        </>
      )}
    </>
  );
}
