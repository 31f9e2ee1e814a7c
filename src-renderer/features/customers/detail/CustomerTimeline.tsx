import { Card, Text, Timeline, Title } from '@mantine/core';
import { formatDay, formatTimestamp } from '../../../lib/formatDate';
import { useSettings } from '../../settings/useSettings';
import { describeEvent } from './describeEvent';
import { useCustomerHistory } from './useCustomerHistory';

/** Everything that happened to the account, newest first, with the reasons the operator typed. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { settings } = useSettings();
  const { events } = useCustomerHistory(customerId);
  return (
    <Card component="section" aria-label="Timeline">
      <Title order={4} mb="md">
        Timeline
      </Title>
      {events === undefined ? (
        <Text c="dimmed" size="sm">
          Loading…
        </Text>
      ) : events.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing has happened to this account yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {events.map((event) => {
            const { title, lines, color } = describeEvent(event);
            const at = formatTimestamp(event.at, settings.locale, settings.timeZone);
            const effective =
              event.effectiveOn &&
              event.kind !== 'created' &&
              !at.startsWith(formatDay(event.effectiveOn, settings.locale))
                ? ` · from ${formatDay(event.effectiveOn, settings.locale)}`
                : '';
            return (
              <Timeline.Item key={event.id} color={color} title={title} data-kind={event.kind}>
                {event.reason && (
                  <Text size="sm" fs="italic">
                    “{event.reason}”
                  </Text>
                )}
                {lines.map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
                <Text size="xs" c="dimmed">
                  {at}
                  {effective}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
