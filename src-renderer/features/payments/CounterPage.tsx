import { Card, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PaymentDetail } from '../../../src-shared/contract';
import { todayIn } from '../../../src-shared/dates';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../lib/notify';
import { replaceRoute } from '../../router/routes';
import { useHashRoute } from '../../router/useHashRoute';
import { useSettings } from '../settings/useSettings';
import { CounterCustomerPanel } from './counter/CounterCustomerPanel';
import { counterCustomerOf, counterParams } from './counter/counterParams';
import { CounterSearch } from './counter/CounterSearch';
import { PaymentDone } from './counter/PaymentDone';
import { openReceiptPdf } from './receipt';

interface Saved {
  payment: PaymentDetail;
  validUntil: string | null;
}

/** The counter: find the customer, take the money, print the receipt; all from the keyboard. */
export function CounterPage() {
  const { settings } = useSettings();
  const route = useHashRoute();
  const customerId = route.page === 'counter' ? counterCustomerOf(route.params) : null;
  const today = todayIn(settings.timeZone);
  const searchRef = useRef<HTMLInputElement>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  // A new form for each payment, even for the same customer.
  const [round, setRound] = useState(0);

  // No customer (the page opening, Alt+P again, New payment): the search has the keyboard.
  const [shown, setShown] = useState(customerId);
  if (shown !== customerId) {
    setShown(customerId);
    if (customerId === null) setSaved(null);
  }
  useEffect(() => {
    if (customerId === null) searchRef.current?.focus();
  }, [customerId]);

  function pick(id: number) {
    setSaved(null);
    setRound((r) => r + 1);
    replaceRoute({ page: 'counter', params: counterParams(id) });
  }

  function onSaved(payment: PaymentDetail, validUntil?: string) {
    setSaved({ payment, validUntil: validUntil ?? null });
    openReceiptPdf(payment.id, settings.receiptFormat).catch((error: unknown) =>
      notifyError(error, `Receipt ${payment.number} is saved, but its PDF could not be made`),
    );
  }

  function newPayment() {
    setSaved(null);
    setRound((r) => r + 1);
    replaceRoute({ page: 'counter' });
    searchRef.current?.focus();
  }

  return (
    <>
      <PageHeader
        title="Counter"
        description="Find the customer, type what they hand over, Enter saves and prints the receipt"
      />
      <Stack gap="md">
        <Card py="sm">
          <CounterSearch inputRef={searchRef} onPick={pick} />
        </Card>
        {saved ? (
          <PaymentDone payment={saved.payment} validUntil={saved.validUntil} onNewPayment={newPayment} />
        ) : (
          customerId !== null && (
            <CounterCustomerPanel
              key={`${customerId}-${round}`}
              customerId={customerId}
              today={today}
              onSaved={onSaved}
            />
          )
        )}
      </Stack>
    </>
  );
}
