import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconLock, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { DayBook } from '../../../../src-shared/contract';
import { addDays, isIsoDate, todayIn } from '../../../../src-shared/dates';
import { ApiError, call } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoader } from '../../../components/PageLoader';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { replaceRoute } from '../../../router/routes';
import { useHashRoute } from '../../../router/useHashRoute';
import { showPdf } from '../../billing/openPdf';
import { useDay } from '../../billing/useDay';
import { useSettings } from '../../settings/useSettings';
import { CashDrawer } from './CashDrawer';
import { cashDrawerValues, dayFromParams, toCloseDayInput, type CashDrawerValues } from './dayBookValues';
import { DayPaymentsTable } from './DayPaymentsTable';
import { MethodTotals } from './MethodTotals';
import { useDayBook } from './useDayBook';

/** The drawer's inputs for one day's book: prefilled from it, reset when another day (or its close) loads. */
function useDrawer(book: DayBook | undefined, currency: string) {
  const key = book ? `${book.day}/${book.close?.closedAt ?? ''}` : '';
  const [state, setState] = useState<{ key: string; values: CashDrawerValues } | null>(null);
  let values = state?.values;
  if (book && state?.key !== key) {
    values = cashDrawerValues(book, currency);
    setState({ key, values });
  }
  const set = (name: keyof CashDrawerValues, value: string) =>
    setState((s) => (s ? { ...s, values: { ...s.values, [name]: value } } : s));
  return { values, set };
}

export function DayBookPage() {
  const route = useHashRoute();
  const asked = route.page === 'daybook' ? dayFromParams(route.params ?? '') : null;
  const { settings } = useSettings();
  const currency = settings.currency || 'INR';
  const locale = settings.locale || 'en-IN';
  const today = todayIn(settings.timeZone || 'Asia/Kolkata');
  const dayText = useDay();
  const { data: book, error, loading } = useDayBook(asked);
  const drawer = useDrawer(book, currency);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [printing, setPrinting] = useState(false);

  const day = book?.day ?? asked ?? today;
  const goTo = (next: string) => {
    setErrors({});
    setRefusal(null);
    replaceRoute({ page: 'daybook', params: next === today ? '' : `day=${next}` });
  };

  function askToClose() {
    if (!book || !drawer.values) return;
    const { errors: found } = toCloseDayInput(book.day, drawer.values, currency, locale);
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  async function closeDay() {
    if (!book || !drawer.values) return;
    const { input } = toCloseDayInput(book.day, drawer.values, currency, locale);
    if (!input) return;
    setClosing(true);
    try {
      await call('payments.closeDay', input);
      notifySuccess(`${dayText(book.day)} is closed`);
      setConfirming(false);
    } catch (e) {
      setConfirming(false);
      if (e instanceof ApiError && e.code === 'validation') {
        const fields = e.fieldErrors();
        if (fields.openingFloat || fields.counted || fields.note) setErrors(fields);
        else setRefusal(e.message);
      } else setRefusal(errorMessage(e));
    } finally {
      setClosing(false);
    }
  }

  async function print() {
    setPrinting(true);
    try {
      const file = await call('payments.dayBookPdf', { day });
      await showPdf(file.filename, file.base64);
    } catch (e) {
      notifyError(e, 'The day book did not print');
    } finally {
      setPrinting(false);
    }
  }

  const dayPicker = (
    <Group gap={6} wrap="nowrap">
      <ActionIcon variant="default" size="lg" aria-label="Previous day" onClick={() => goTo(addDays(day, -1))}>
        <IconChevronLeft size={18} />
      </ActionIcon>
      <TextInput
        aria-label="Day"
        type="date"
        value={day}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isIsoDate(next)) goTo(next);
        }}
        w={150}
      />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Next day"
        disabled={day >= today}
        onClick={() => goTo(addDays(day, 1))}
      >
        <IconChevronRight size={18} />
      </ActionIcon>
      {day !== today && (
        <Button variant="subtle" onClick={() => goTo(today)}>
          Today
        </Button>
      )}
    </Group>
  );

  return (
    <>
      <PageHeader
        title="Day book"
        description="A day's payments by method, and the cash drawer counted and closed"
        actions={
          <>
            {dayPicker}
            <Button
              variant="default"
              leftSection={<IconPrinter size={18} />}
              onClick={() => void print()}
              loading={printing}
              disabled={!book}
            >
              Print
            </Button>
          </>
        }
      />
      {book && drawer.values ? (
        <>
          <Group gap="sm" mb="md" wrap="wrap">
            <Title order={3} size="h4">
              {dayText(book.day)}
            </Title>
            {book.day === today && (
              <Badge variant="light" color="blue">
                Today
              </Badge>
            )}
            {book.close ? (
              <Badge color="gray" variant="filled" leftSection={<IconLock size={12} />}>
                Closed
              </Badge>
            ) : (
              book.day < today && (
                <Badge color="yellow" variant="light">
                  Not closed
                </Badge>
              )
            )}
            {loading && (
              <Text size="xs" c="dimmed">
                Loading…
              </Text>
            )}
          </Group>
          {refusal && (
            <Alert color="red" title="The day was not closed" mb="md" withCloseButton onClose={() => setRefusal(null)}>
              {refusal}
            </Alert>
          )}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                <Paper withBorder radius="md" p="md" component="section" aria-labelledby="day-payments-title">
                  <Group justify="space-between" mb="xs">
                    <Title order={3} size="h5" id="day-payments-title">
                      Payments
                    </Title>
                    <Text size="sm" c="dimmed">
                      {book.payments.length} entr{book.payments.length === 1 ? 'y' : 'ies'}
                    </Text>
                  </Group>
                  <DayPaymentsTable payments={book.payments} />
                </Paper>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              {/* Beside the payments on a wide window; under them, side by side, on a narrow one. */}
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 1 }} spacing="md">
                <MethodTotals book={book} />
                <CashDrawer
                  book={book}
                  values={drawer.values}
                  errors={errors}
                  onChange={(name, value) => {
                    drawer.set(name, value);
                    setErrors((current) => {
                      const rest = { ...current };
                      delete rest[name];
                      return rest;
                    });
                  }}
                  onClose={askToClose}
                  closing={closing}
                />
              </SimpleGrid>
            </Grid.Col>
          </Grid>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Close ${dayText(book.day)}?`}>
            <Stack gap="sm">
              <Text size="sm">
                The cash counted is recorded against what the drawer should hold.{' '}
                <strong>Nothing can be dated into {dayText(book.day)} afterwards</strong>: a payment taken later is
                dated the day it is recorded.
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
                <Button
                  leftSection={<IconLock size={16} />}
                  loading={closing}
                  onClick={() => void closeDay()}
                  data-autofocus
                >
                  Close the day
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      ) : error ? (
        <Alert color="red" title="The day book could not be loaded">
          {errorMessage(error)} Pick another day or reload the page to try again.
        </Alert>
      ) : (
        <PageLoader label="Loading the day book" />
      )}
    </>
  );
}
