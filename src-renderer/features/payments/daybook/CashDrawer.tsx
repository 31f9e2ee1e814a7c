import { Badge, Button, Divider, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DayBook } from '../../../../src-shared/contract';
import { formatTimestamp } from '../../../lib/formatDate';
import { Amount } from '../../billing/Amount';
import { useMoney } from '../../billing/useMoney';
import { useSettings } from '../../settings/useSettings';
import { differenceText, expectedWith, readCash, type CashDrawerValues } from './dayBookValues';

function Row({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" fw={strong ? 600 : undefined}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

interface CashDrawerProps {
  book: DayBook;
  values: CashDrawerValues;
  errors: Record<string, string>;
  onChange: (name: keyof CashDrawerValues, value: string) => void;
  onClose: () => void;
  closing: boolean;
}

/** The cash in the drawer: the float, what came in and went out in cash, what should be there, and the count. */
export function CashDrawer({ book, values, errors, onChange, onClose, closing }: CashDrawerProps) {
  const { settings } = useSettings();
  const money = useMoney();
  const currency = settings.currency || 'INR';
  const locale = settings.locale || 'en-IN';
  const closed = book.close;
  const float = readCash(values.openingFloat, currency, locale);
  const expected = closed ? book.cashExpected : typeof float === 'number' ? expectedWith(book, float) : null;
  const counted = readCash(values.counted, currency, locale);
  const preview =
    !closed && expected !== null && typeof counted === 'number' ? differenceText(counted - expected, money) : null;
  const difference = closed ? differenceText(closed.difference, money) : null;
  const symbol = (
    <Text size="sm" c="dimmed">
      {money(0).replace(/[\d.,\s]/g, '') || currency}
    </Text>
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="drawer-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id="drawer-title">
          Cash drawer
        </Title>
        {closed && (
          <Badge color="gray" variant="filled" leftSection={<IconLock size={12} />}>
            Closed
          </Badge>
        )}
      </Group>
      <Stack gap={6}>
        <TextInput
          label="Opening float"
          description={closed ? undefined : 'Cash in the drawer when the day began'}
          inputMode="decimal"
          leftSection={symbol}
          readOnly={!!closed}
          variant={closed ? 'filled' : 'default'}
          value={values.openingFloat}
          error={errors.openingFloat}
          onChange={(e) => onChange('openingFloat', e.currentTarget.value)}
        />
        <Row label="+ Cash received">
          <Amount minor={book.cashReceived} />
        </Row>
        <Row label="− Cash refunded">
          <Amount minor={book.cashRefunded} />
        </Row>
        <Row label="− Cash reversed">
          <Amount minor={book.cashReversed} />
        </Row>
        <Divider />
        <Row label="Cash expected" strong>
          {expected === null ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <Amount minor={expected} fw={700} data-testid="cash-expected" />
          )}
        </Row>
        <Divider />
        <TextInput
          label="Cash counted"
          description={closed ? undefined : 'Count the drawer and type the total'}
          inputMode="decimal"
          leftSection={symbol}
          readOnly={!!closed}
          variant={closed ? 'filled' : 'default'}
          value={values.counted}
          error={errors.counted}
          onChange={(e) => onChange('counted', e.currentTarget.value)}
        />
        {preview && (
          <Text size="sm" c={preview.color} aria-live="polite">
            Difference: {preview.text}
          </Text>
        )}
        <Textarea
          label="Note"
          placeholder={closed ? undefined : 'e.g. ₹10 short: change given to Asha'}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={200}
          readOnly={!!closed}
          variant={closed ? 'filled' : 'default'}
          value={values.note}
          error={errors.note}
          onChange={(e) => onChange('note', e.currentTarget.value)}
        />
        {closed && difference ? (
          <Stack gap={4} mt="xs" component="section" aria-label="Day closed">
            <Row label="Counted">
              <Amount minor={closed.counted} />
            </Row>
            <Row label="Difference" strong>
              <Text size="sm" fw={700} c={difference.color} data-testid="close-difference">
                {difference.text}
              </Text>
            </Row>
            <Row label="Closed at">
              <Text size="sm">{formatTimestamp(closed.closedAt, locale, settings.timeZone || undefined)}</Text>
            </Row>
          </Stack>
        ) : (
          <Button mt="xs" leftSection={<IconLock size={16} />} onClick={onClose} loading={closing}>
            Close day
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
