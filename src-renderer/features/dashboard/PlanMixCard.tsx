import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { formatMoney } from '../../../src-shared/money';
import { PER_PERIOD } from '../plans/planText';
import { usePlans } from '../plans/usePlans';
import { useSettings } from '../settings/useSettings';

/** Which plans the current customers are on, biggest first. */
export function PlanMixCard() {
  const { plans } = usePlans();
  const { settings } = useSettings();
  const inUse = (plans ?? [])
    .filter((plan) => plan.customerCount > 0)
    .sort((a, b) => b.customerCount - a.customerCount);
  const most = inUse[0]?.customerCount ?? 0;
  return (
    <Card component="section" aria-label="Customers by plan">
      <Group justify="space-between" mb="md">
        <Title order={4}>Customers by plan</Title>
        <Anchor href="#/plans" size="sm">
          All plans
        </Anchor>
      </Group>
      {inUse.length === 0 && (
        <Text size="sm" c="dimmed">
          No customer is on a plan yet.
        </Text>
      )}
      <Stack gap="sm">
        {inUse.map((plan) => (
          <div key={plan.id}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} truncate>
                {plan.name}
                <Text span size="xs" c="dimmed">
                  {'  '}
                  {formatMoney(plan.priceMinor, settings.currency, settings.locale)}
                  {PER_PERIOD[plan.billingPeriod]}
                  {plan.status === 'retired' ? ' · retired' : ''}
                </Text>
              </Text>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {plan.customerCount}
              </Text>
            </Group>
            <Progress
              value={most ? (plan.customerCount / most) * 100 : 0}
              size="sm"
              color={plan.status === 'retired' ? 'gray' : 'indigo'}
              aria-hidden
            />
          </div>
        ))}
      </Stack>
    </Card>
  );
}
