import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDiscount, IconFileInvoice, IconPlus, IconReplace, IconSquarePlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChargeKind } from '../../../../src-shared/contract';
import { todayIn } from '../../../../src-shared/dates';
import { ApiError, call } from '../../../api';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { useSettings } from '../../settings/useSettings';
import { Amount } from '../Amount';
import { numberRangeText, periodText } from '../billingText';
import { LinesTable } from '../LinesTable';
import { useDay } from '../useDay';
import { useMoney } from '../useMoney';
import { ChangePlanModal } from './ChangePlanModal';
import { ChargeModal } from './ChargeModal';
import { CustomerCharges } from './CustomerCharges';
import { CustomerDocuments } from './CustomerDocuments';
import { useCustomerBilling } from './useCustomerBilling';

function Balance({ minor }: { minor: number }) {
  const money = useMoney();
  if (minor === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing owed
      </Text>
    );
  }
  return minor > 0 ? (
    <Text size="sm" fw={600} c="red">
      Owes {money(minor)}
    </Text>
  ) : (
    <Text size="sm" fw={600} c="teal">
      In credit {money(-minor)}
    </Text>
  );
}

interface CustomerBillingSectionProps {
  customerId: number;
  planId: number | null;
  archived: boolean;
}

/** The customer page's Billing section: balance, the next bill, documents, charges, and what to do. */
export function CustomerBillingSection({ customerId, planId, archived }: CustomerBillingSectionProps) {
  const { settings } = useSettings();
  const day = useDay();
  const { billing, error } = useCustomerBilling(customerId);
  const [charge, setCharge] = useState<ChargeKind | null>(null);
  const [changingPlan, setChangingPlan] = useState(false);
  const [billing_, setBilling] = useState(false);

  async function billNow() {
    setBilling(true);
    try {
      const result = await call('billing.run', {
        asOf: todayIn(settings.timeZone),
        scope: { kind: 'customer', customerId },
      });
      const range = numberRangeText(result.firstNumber, result.lastNumber);
      if (result.invoiceCount === 0) notifySuccess('Already billed up to today.', 'Nothing to bill');
      else notifySuccess(`Issued ${range ?? `${result.invoiceCount} invoices`}`, 'Billed');
    } catch (e) {
      notifyError(e, e instanceof ApiError && e.code === 'busy' ? 'Another job is running' : 'Could not bill');
    } finally {
      setBilling(false);
    }
  }

  return (
    <Card component="section" aria-label="Billing">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={4}>Billing</Title>
          {billing && <Balance minor={billing.balance} />}
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            leftSection={<IconFileInvoice size={16} />}
            loading={billing_}
            disabled={archived || planId === null}
            title={planId === null ? 'The customer has no plan to bill' : 'Bill this customer as of today'}
            onClick={() => void billNow()}
          >
            Bill now
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={16} />}
            disabled={archived}
            onClick={() => setCharge('one_time')}
          >
            Add one-time charge
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconSquarePlus size={16} />}
            disabled={archived}
            onClick={() => setCharge('addon')}
          >
            Add add-on
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDiscount size={16} />}
            disabled={archived}
            onClick={() => setCharge('discount')}
          >
            Add discount
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconReplace size={16} />}
            disabled={archived}
            onClick={() => setChangingPlan(true)}
          >
            Change plan
          </Button>
        </Group>
      </Group>
      {!billing ? (
        error ? (
          <Alert color="red" title="Billing could not be loaded">
            {errorMessage(error)} Reload the page; if it keeps failing, the back end's log says why.
          </Alert>
        ) : (
          <Group justify="center" py="md">
            <Loader size="sm" aria-label="Loading billing" />
          </Group>
        )
      ) : (
        <Stack gap="md">
          <Divider label="Next bill" labelPosition="left" />
          {billing.upcoming ? (
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm">
                  Bills on <b>{day(billing.upcoming.billsOn)}</b> for{' '}
                  {periodText(billing.upcoming.periodStart, billing.upcoming.periodEnd, day)}
                </Text>
                <Text size="sm">
                  Total <Amount minor={billing.upcoming.total} fw={600} />
                </Text>
              </Group>
              <LinesTable lines={billing.upcoming.lines} caption="Next bill" />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing to bill next{planId === null ? ': the customer has no plan' : ''}.
            </Text>
          )}
          <Divider label="Invoices and credit notes" labelPosition="left" />
          <CustomerDocuments customerId={customerId} documents={billing.documents} count={billing.documentCount} />
          <Divider label="Charges beyond the plan" labelPosition="left" />
          <CustomerCharges charges={billing.charges} />
        </Stack>
      )}
      {charge && <ChargeModal customerId={customerId} kind={charge} onClose={() => setCharge(null)} />}
      {changingPlan && (
        <ChangePlanModal customerId={customerId} currentPlanId={planId} onClose={() => setChangingPlan(false)} />
      )}
    </Card>
  );
}
