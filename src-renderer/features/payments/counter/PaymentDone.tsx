import { Alert, Anchor, Button, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPrinter, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { PaymentDetail, ReceiptFormat } from '../../../../src-shared/contract';
import { notifyError } from '../../../lib/notify';
import { routeHref } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { useMoney } from '../../billing/useMoney';
import { BalanceText } from '../BalanceText';
import { METHOD_LABELS } from '../paymentText';
import { openReceiptPdf, RECEIPT_FORMAT_LABELS } from '../receipt';

interface PaymentDoneProps {
  payment: PaymentDetail;
  /** A prepaid recharge: the last day now paid for. */
  validUntil?: string | null;
  onNewPayment: () => void;
}

/** After saving: the receipt number, where the money went, the balance after, and printing. */
export function PaymentDone({ payment, validUntil, onNewPayment }: PaymentDoneProps) {
  const money = useMoney();
  const day = useDay();
  const [printing, setPrinting] = useState<ReceiptFormat | null>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => newRef.current?.focus(), []);

  async function print(format: ReceiptFormat) {
    setPrinting(format);
    try {
      await openReceiptPdf(payment.id, format);
    } catch (error) {
      notifyError(error, 'Could not make the receipt');
    } finally {
      setPrinting(null);
    }
  }

  const onInvoices = payment.allocations.filter((a) => a.kind === 'payment');
  const credit = payment.amount - payment.allocated;
  return (
    <section aria-label="Payment saved">
      <Alert
        color="teal"
        variant="light"
        role="status"
        icon={
          <ThemeIcon color="teal" radius="xl" size="md">
            <IconCheck size={18} />
          </ThemeIcon>
        }
        title={
          <Text fw={700} size="lg" component="span">
            Receipt{' '}
            <Anchor href={routeHref({ page: 'payment', id: payment.id })} ff="monospace" fw={700} inherit>
              {payment.number}
            </Anchor>{' '}
            — {money(payment.amount)} {METHOD_LABELS[payment.method].toLowerCase()}
          </Text>
        }
      >
        <Stack gap="sm">
          <Text size="sm">
            From {payment.customerName} ({payment.accountNo}) on {day(payment.receivedOn)}
            {payment.reference ? `, reference ${payment.reference}` : ''}.
          </Text>
          {onInvoices.length > 0 ? (
            <List size="sm" spacing={2} aria-label="Put on invoices">
              {onInvoices.map((a) => (
                <List.Item key={`${a.invoiceId}-${a.on}`}>
                  <Amount minor={a.amount} fw={600} /> on{' '}
                  <Anchor href={routeHref({ page: 'invoice', id: a.invoiceId })} ff="monospace" size="sm">
                    {a.number}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : null}
          {credit > 0 && <Text size="sm">{money(credit)} is kept as credit for the next invoices.</Text>}
          {validUntil && (
            <Text size="sm" fw={600}>
              Service paid until {day(validUntil)}.
            </Text>
          )}
          <Group gap="xs">
            <Text size="sm">Balance after:</Text>
            <BalanceText minor={payment.balanceAfter} data-testid="balance-after" />
          </Group>
          <Group gap="sm" wrap="wrap">
            {(['a4', 'thermal80'] as const).map((format) => (
              <Button
                key={format}
                variant="default"
                leftSection={<IconPrinter size={16} />}
                loading={printing === format}
                onClick={() => void print(format)}
              >
                Print receipt ({RECEIPT_FORMAT_LABELS[format]})
              </Button>
            ))}
            <Button ref={newRef} leftSection={<IconUserSearch size={16} />} onClick={onNewPayment}>
              New payment
            </Button>
          </Group>
        </Stack>
      </Alert>
    </section>
  );
}
