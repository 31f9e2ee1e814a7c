import { Button, Group, Table, Text } from '@mantine/core';
import type { Plan } from '../../../src-shared/contract';
import { formatMoney } from '../../../src-shared/money';
import { StatusBadge } from '../../components/StatusBadge';
import { useSettings } from '../settings/useSettings';
import { BILLING_PERIOD_LABELS, bpsToPercent, formatSpeed, taxName, withTax } from './planText';

interface PlansTableProps {
  plans: Plan[];
  busyPlanId: number | null;
  onEdit: (plan: Plan) => void;
  onToggleStatus: (plan: Plan) => void;
}

export function PlansTable({ plans, busyPlanId, onEdit, onToggleStatus }: PlansTableProps) {
  const { settings } = useSettings();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Plans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Download / upload</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th ta="right">Tax</Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Actions</Table.Th>
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
                {formatSpeed(plan.downloadKbps)} / {formatSpeed(plan.uploadKbps)}
                {plan.burst && (
                  <Text size="xs" c="dimmed">
                    burst {formatSpeed(plan.burst.downloadKbps)} / {formatSpeed(plan.burst.uploadKbps)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(plan.priceMinor, settings.currency, settings.locale)}
                {plan.taxRateBps > 0 && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(withTax(plan.priceMinor, plan.taxRateBps), settings.currency, settings.locale)} with{' '}
                    {taxName(settings.currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{BILLING_PERIOD_LABELS[plan.billingPeriod]}</Table.Td>
              <Table.Td ta="right">{bpsToPercent(plan.taxRateBps)}%</Table.Td>
              <Table.Td ta="right">{plan.customerCount}</Table.Td>
              <Table.Td>
                <StatusBadge status={plan.status} />
              </Table.Td>
              <Table.Td>
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
