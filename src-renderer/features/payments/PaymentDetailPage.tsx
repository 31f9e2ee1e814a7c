import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCash, IconPrinter, IconReceiptRefund } from '@tabler/icons-react';
import { useState } from 'react';
import type { PaymentDetail, ReceiptFormat } from '../../../src-shared/contract';
import { PageLoader } from '../../components/PageLoader';
import { errorMessage, notifyError } from '../../lib/notify';
import { routeHref } from '../../router/routes';
import { Amount } from '../billing/Amount';
import { useDay } from '../billing/useDay';
import { useMoney } from '../billing/useMoney';
import { DetailCard } from '../customers/detail/DetailCard';
import { DetailField } from '../customers/detail/DetailField';
import { formatTimestamp } from '../../lib/formatDate';
import { useSettings } from '../settings/useSettings';
import { BalanceText } from './BalanceText';
import { counterHref } from './counter/counterParams';
import { RefundModal } from './customer/RefundModal';
import { AllocationsTable } from './detail/AllocationsTable';
import { ReverseModal } from './detail/ReverseModal';
import { usePayment } from './detail/usePayment';
import { lastPaymentListHref } from './list/usePaymentListState';
import { KIND_LABELS, METHOD_LABELS, REFERENCE_LABELS, SOURCE_LABELS } from './paymentText';
import { openReceiptPdf, RECEIPT_FORMAT_LABELS } from './receipt';
import { useCounterCustomer } from './useCounterCustomer';

export function PaymentDetailPage({ id }: { id: number }) {
  const { payment, error, reload } = usePayment(id);
  if (!payment) {
    return error ? (
      <Alert color="red" title="Payment not found">
        {errorMessage(error)} <Anchor href={lastPaymentListHref()}>Back to payments</Anchor>
      </Alert>
    ) : (
      <PageLoader label="Loading payment" />
    );
  }
  return <PaymentView payment={payment} reload={reload} />;
}

function PaymentView({ payment, reload }: { payment: PaymentDetail; reload: () => void }) {
  const { settings } = useSettings();
  const day = useDay();
  const money = useMoney();
  const [printing, setPrinting] = useState<ReceiptFormat | null>(null);
  const [reversing, setReversing] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const { counter } = useCounterCustomer(payment.customerId);

  async function print(format: ReceiptFormat) {
    setPrinting(format);
    try {
      await openReceiptPdf(payment.id, format);
    } catch (e) {
      notifyError(e, 'Could not make the receipt');
    } finally {
      setPrinting(null);
    }
  }

  const refund = payment.kind === 'refund';
  const reversed = payment.reversal !== null;
  const credit = counter && counter.customerId === payment.customerId ? counter.credit : 0;
  const referenceLabel = REFERENCE_LABELS[payment.method] ?? 'Reference';
  const leftAsCredit = payment.amount - payment.allocated;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor href={lastPaymentListHref()} size="sm">
          Payments
        </Anchor>
        <Text size="sm">{payment.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {payment.number}
            </Title>
            {reversed ? (
              <Badge color="red" variant="light" size="md" radius="sm">
                Reversed
              </Badge>
            ) : refund ? (
              <Badge color="grape" variant="light" size="md" radius="sm">
                Refund
              </Badge>
            ) : (
              <Badge color="teal" variant="light" size="md" radius="sm">
                Received
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {KIND_LABELS[payment.kind]} of {money(payment.amount)} · {METHOD_LABELS[payment.method]} ·{' '}
            {SOURCE_LABELS[payment.source]} · {day(payment.receivedOn)}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap">
          {(['a4', 'thermal80'] as const).map((format) => (
            <Button
              key={format}
              variant={format === settings.receiptFormat ? 'filled' : 'default'}
              leftSection={<IconPrinter size={18} />}
              loading={printing === format}
              onClick={() => void print(format)}
            >
              Print {refund ? 'refund' : 'receipt'} ({RECEIPT_FORMAT_LABELS[format]})
            </Button>
          ))}
          {!refund && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconArrowBackUp size={18} />}
              disabled={reversed}
              title={reversed ? 'Already reversed' : undefined}
              onClick={() => setReversing(true)}
            >
              Reverse
            </Button>
          )}
          <Button
            variant="light"
            color="grape"
            leftSection={<IconReceiptRefund size={18} />}
            disabled={credit <= 0}
            title={credit <= 0 ? 'The customer has no credit to refund' : `Credit: ${money(credit)}`}
            onClick={() => setRefunding(true)}
          >
            Refund credit
          </Button>
        </Group>
      </Group>
      {payment.reversal && (
        <section aria-label="Reversal">
          <Alert color="red" title={`Reversed on ${day(payment.reversal.on)}`}>
            <Text size="sm">Reason: {payment.reversal.reason}</Text>
            <Text size="sm">
              What it paid came off its invoices; the customer owes it again.
              {payment.reversal.chargeInvoiceId !== null && (
                <>
                  {' '}
                  A bounced-cheque charge was invoiced:{' '}
                  <Anchor href={routeHref({ page: 'invoice', id: payment.reversal.chargeInvoiceId })} size="sm">
                    open the charge's invoice
                  </Anchor>
                  .
                </>
              )}
            </Text>
          </Alert>
        </section>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailCard title="Customer">
          <DetailField label="Customer">
            <Anchor href={routeHref({ page: 'customer', id: payment.customerId })} size="sm">
              {payment.customerName}
            </Anchor>
          </DetailField>
          <DetailField label="Account no" mono>
            {payment.accountNo}
          </DetailField>
          <DetailField label="Phone">{payment.buyer.phone}</DetailField>
          <DetailField label="Address">{payment.buyer.address}</DetailField>
          <DetailField label={refund ? 'Balance after the refund' : 'Balance after it'}>
            <BalanceText minor={payment.balanceAfter} />
          </DetailField>
          {counter && (
            <DetailField label="Balance now">
              <Group gap="xs">
                <BalanceText minor={counter.balance} />
                {!refund && (
                  <Anchor href={counterHref(payment.customerId)} size="xs">
                    <IconCash size={12} /> Take payment
                  </Anchor>
                )}
              </Group>
            </DetailField>
          )}
        </DetailCard>
        <DetailCard title={refund ? 'Refund' : 'Payment'}>
          <DetailField label="Amount">
            <Amount minor={payment.amount} fw={600} />
          </DetailField>
          <DetailField label="Date">{day(payment.receivedOn)}</DetailField>
          <DetailField label="Method">{METHOD_LABELS[payment.method]}</DetailField>
          <DetailField label={referenceLabel} mono>
            {payment.reference}
          </DetailField>
          {payment.method === 'cheque' && (
            <>
              <DetailField label="Bank">{payment.chequeBank}</DetailField>
              <DetailField label="Cheque date">{payment.chequeDate ? day(payment.chequeDate) : null}</DetailField>
            </>
          )}
          {!refund && (
            <DetailField label="On invoices now">
              <Text size="sm">
                <Amount minor={payment.allocated} />
                {leftAsCredit > 0 && !reversed ? ` · ${money(leftAsCredit)} is credit` : ''}
              </Text>
            </DetailField>
          )}
          {refund && <DetailField label="Reason">{payment.reason}</DetailField>}
          <DetailField label="Note">{payment.note}</DetailField>
          <DetailField label="Recorded">
            {formatTimestamp(payment.createdAt, settings.locale || 'en-IN', settings.timeZone)}
          </DetailField>
        </DetailCard>
      </SimpleGrid>
      {!refund && (
        <Card component="section" aria-label="Where the money went">
          <Title order={4} mb="sm">
            Where the money went
          </Title>
          {payment.allocations.length === 0 ? (
            <Text size="sm" c="dimmed">
              On no invoice:{' '}
              {reversed ? 'the payment is reversed.' : 'it is the customer’s credit, used by their next invoices.'}
            </Text>
          ) : (
            <AllocationsTable allocations={payment.allocations} />
          )}
        </Card>
      )}
      {reversing && <ReverseModal payment={payment} onClose={() => setReversing(false)} onReversed={() => reload()} />}
      {refunding && counter && (
        <RefundModal
          customerId={payment.customerId}
          name={payment.customerName}
          credit={counter.credit}
          onClose={() => setRefunding(false)}
        />
      )}
    </Stack>
  );
}
