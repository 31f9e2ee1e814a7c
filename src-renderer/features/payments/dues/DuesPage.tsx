import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  Progress,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconDownload, IconMail, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoader } from '../../../components/PageLoader';
import { downloadText } from '../../../lib/downloadText';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { progressPercent } from '../../billing/useTaskProgress';
import { DuesBuckets } from './DuesBuckets';
import { duesFilter, duesInput, isDuesFiltered, readDueWithin } from './duesState';
import { DuesTable } from './DuesTable';
import { customers } from './duesText';
import { useDues } from './useDues';
import { useDuesState } from './useDuesState';
import { useReminderLetters } from './useReminderLetters';

function NobodyOwes() {
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={440}>
        <ThemeIcon size={56} radius="xl" variant="light" color="teal">
          <IconCircleCheck size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg" ta="center">
          Nobody owes anything: every invoice is paid
        </Text>
        <Text c="dimmed" size="sm" ta="center">
          Customers appear here when an invoice falls due or goes unpaid past its due date, and prepaid customers when
          their service is about to end.
        </Text>
      </Stack>
    </Center>
  );
}

export function DuesPage() {
  const [state, change] = useDuesState();

  // The search and "due within" boxes answer every key; the address and the list follow 250 ms later.
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
  const [within, setWithin] = useState(String(state.dueWithinDays));
  const withinDays = readDueWithin(within);
  const [debouncedWithin] = useDebouncedValue(withinDays, 400);
  useEffect(() => {
    if (debouncedWithin !== null && debouncedWithin !== state.dueWithinDays) change({ dueWithinDays: debouncedWithin });
  }, [debouncedWithin, state.dueWithinDays, change]);

  const { data, loading, error } = useDues(duesInput(state));
  const letters = useReminderLetters();
  const [exporting, setExporting] = useState(false);

  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / state.pageSize));
  useEffect(() => {
    if (data && !loading && state.page > lastPage) change({ page: lastPage });
  }, [data, loading, state.page, lastPage, change]);

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await call('payments.duesCsv', duesFilter(state));
      downloadText(file.filename, file.csv);
      notifySuccess(`${customers(file.rows)} exported to ${file.filename}`);
    } catch (e) {
      notifyError(e, 'Dues not exported');
    } finally {
      setExporting(false);
    }
  }

  const filtered = isDuesFiltered(state);
  const nobody = data && !loading && data.totals.customers === 0 && !filtered;
  const listed = data?.total ?? 0;
  const percent = progressPercent(letters.progress);
  return (
    <>
      <PageHeader
        title="Dues"
        description={
          data?.totals.customers
            ? `Who owes, by how long, as of today — ${customers(data.totals.customers)}`
            : 'Who owes, by how long'
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} />}
              onClick={() => void exportCsv()}
              loading={exporting}
              disabled={!listed}
            >
              Export CSV
            </Button>
            <Button
              leftSection={<IconMail size={18} />}
              onClick={() => void letters.printList(duesFilter(state))}
              loading={letters.listRunning}
              disabled={!listed || letters.listRunning}
            >
              Reminder letters{listed ? ` (${listed})` : ''}
            </Button>
          </>
        }
      />
      {letters.listRunning && (
        <Paper withBorder radius="md" p="sm" mb="md" component="section" aria-label="Writing reminder letters">
          <Text size="sm" mb={6}>
            Writing reminder letters
            {letters.progress && letters.progress.total > 0
              ? `: ${letters.progress.done} of ${letters.progress.total}`
              : '…'}
          </Text>
          <Progress value={percent ?? 100} animated={percent === null || percent < 100} size="lg" />
        </Paper>
      )}
      {letters.error && (
        <Alert color="red" title="Reminder letters not written" mb="md" withCloseButton onClose={letters.clearError}>
          {letters.error}
        </Alert>
      )}
      {nobody ? (
        <NobodyOwes />
      ) : data ? (
        <>
          <DuesBuckets
            totals={data.totals}
            dueWithinDays={state.dueWithinDays}
            bucket={state.bucket}
            toSuspendOnly={state.toSuspendOnly}
            onBucket={(bucket) => change({ bucket })}
            onToSuspend={(toSuspendOnly) => change({ toSuspendOnly })}
          />
          <Group mb="md" gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label="Search"
              placeholder="Name, account or phone"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={240}
            />
            <TextInput
              label="Due within"
              inputMode="numeric"
              value={within}
              onChange={(e) => setWithin(e.currentTarget.value)}
              error={withinDays === null ? 'a whole number of days, 0–90' : undefined}
              rightSection={
                <Text size="sm" c="dimmed">
                  days
                </Text>
              }
              rightSectionWidth={48}
              w={130}
            />
            <Switch
              label="To suspend only"
              checked={state.toSuspendOnly}
              onChange={(e) => change({ toSuspendOnly: e.currentTarget.checked })}
              mb={8}
            />
            {filtered && (
              <Button
                variant="subtle"
                mb={2}
                onClick={() => {
                  setSearch('');
                  change({ bucket: null, toSuspendOnly: false, search: '' });
                }}
              >
                Show everyone
              </Button>
            )}
          </Group>
          <DuesTable
            records={data.rows}
            total={data.total}
            fetching={loading}
            page={state.page}
            pageSize={state.pageSize}
            onPageChange={(page) => change({ page })}
            onPageSizeChange={(pageSize) => change({ pageSize })}
            noRecordsText="Nobody matches these filters"
            printing={letters.printing}
            onReminder={(row) => void letters.printOne(row.customerId, row.name)}
          />
        </>
      ) : error ? (
        <Alert color="red" title="The dues could not be loaded">
          {errorMessage(error)} Change a filter or reload the page to try again.
        </Alert>
      ) : (
        <PageLoader label="Loading dues" />
      )}
    </>
  );
}
