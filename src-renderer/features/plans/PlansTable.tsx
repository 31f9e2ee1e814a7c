import { Button, Group, Table, Text } from '@mantine/core';
import type { Plan } from '../../../src-shared/contract';
import { formatMoney } from '../../../src-shared/money';
import { StatusBadge } from '../../components/StatusBadge';
import { useSettings } from '../settings/useSettings';
import { BILLING_PERIOD_LABELS, PER_PERIOD, bpsToPercent, formatSpeed, taxName, withTax } from './planText';

interface PlansTableProps {
  plans: Plan[];
  busyPlanId: number | null;
  onEdit: (plan: Plan) => void;
  onToggleStatus: (plan: Plan) => void;
}

/** "50 Mbit/s / 25 Mbit/s", which may break after the slash but never inside a speed. */
function Speeds({ downloadKbps, uploadKbps }: { downloadKbps: number; uploadKbps: number }) {
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{formatSpeed(downloadKbps)} /</span>{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{formatSpeed(uploadKbps)}</span>
    </>
  );
}

export function PlansTable({ plans, busyPlanId, onEdit, onToggleStatus }: PlansTableProps) {
  const { settings } = useSettings();
  return (
    // Below 1200 px the period joins the price and the tax column goes; the actions column is
    // pinned to the right edge, so Edit and Retire never hide behind a scrollbar.
    <Table.ScrollContainer minWidth={600} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Plans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Download / upload</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th visibleFrom="lg">Period</Table.Th>
            <Table.Th ta="right" visibleFrom="lg">
              Tax
            </Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right" className="wd-pinned-right" w={1}>
              Actions
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} opacity={plan.status === 'retired' ? 0.7 : 1}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {plan.name}
                </Text>
                {plan.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {plan.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Speeds downloadKbps={plan.downloadKbps} uploadKbps={plan.uploadKbps} />
                {plan.burst && (
                  <Text size="xs" c="dimmed">
                    burst <Speeds downloadKbps={plan.burst.downloadKbps} uploadKbps={plan.burst.uploadKbps} />
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatMoney(plan.priceMinor, settings.currency, settings.locale)}
                <Text span inherit c="dimmed" hiddenFrom="lg">
                  {PER_PERIOD[plan.billingPeriod]}
                </Text>
                {plan.taxRateBps > 0 && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(withTax(plan.priceMinor, plan.taxRateBps), settings.currency, settings.locale)} with{' '}
                    {taxName(settings.currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="lg">{BILLING_PERIOD_LABELS[plan.billingPeriod]}</Table.Td>
              <Table.Td ta="right" visibleFrom="lg">
                {bpsToPercent(plan.taxRateBps)}%
              </Table.Td>
              <Table.Td ta="right">{plan.customerCount}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 96 }}>
                <StatusBadge status={plan.status} />
              </Table.Td>
              <Table.Td className="wd-pinned-right">
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`Edit ${plan.name}`}
                    onClick={() => onEdit(plan)}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color={plan.status === 'active' ? 'gray' : 'teal'}
                    loading={busyPlanId === plan.id}
                    aria-label={`${plan.status === 'active' ? 'Retire' : 'Reactivate'} ${plan.name}`}
                    onClick={() => onToggleStatus(plan)}
                  >
                    {plan.status === 'active' ? 'Retire' : 'Reactivate'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
