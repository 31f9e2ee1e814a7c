import { Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { AGEING_BUCKETS, type AgeingBucket, type DuesReport } from '../../../../src-shared/contract';
import { Amount } from '../../billing/Amount';
import { BUCKET_FIELDS, BUCKET_LABELS, customers } from './duesText';

const BUCKET_COLORS: Record<AgeingBucket, string> = {
  due_soon: 'blue',
  d0_30: 'yellow',
  d31_60: 'orange',
  d61_90: 'red',
  d90_plus: 'grape',
};

function Card({
  label,
  color,
  active,
  onClick,
  children,
}: {
  label: string;
  color: string;
  active: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <UnstyledButton
      className="wd-link-card"
      aria-pressed={active}
      aria-label={label}
      onClick={onClick}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        minWidth: 0,
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-sm)',
        borderRadius: 'var(--mantine-radius-md)',
        border: `1px solid ${active ? `var(--mantine-color-${color}-filled)` : 'var(--mantine-color-default-border)'}`,
        borderLeft: `4px solid var(--mantine-color-${color}-filled)`,
        boxShadow: active ? `0 0 0 1px var(--mantine-color-${color}-filled)` : undefined,
        background: active ? `var(--mantine-color-${color}-light)` : 'var(--mantine-color-body)',
      }}
    >
      {children}
    </UnstyledButton>
  );
}

interface DuesBucketsProps {
  totals: DuesReport['totals'];
  dueWithinDays: number;
  bucket: AgeingBucket | null;
  toSuspendOnly: boolean;
  onBucket: (bucket: AgeingBucket | null) => void;
  onToSuspend: (only: boolean) => void;
}

/** What is owed by age, and how many are to be suspended: a card filters the list, again clears it. */
export function DuesBuckets({ totals, dueWithinDays, bucket, toSuspendOnly, onBucket, onToSuspend }: DuesBucketsProps) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm" mb="md" role="group" aria-label="Dues by age">
      {AGEING_BUCKETS.map((b) => (
        <Card
          key={b}
          label={`${BUCKET_LABELS[b]}: ${b === bucket ? 'showing only these, click to show all' : 'show only these'}`}
          color={BUCKET_COLORS[b]}
          active={b === bucket}
          onClick={() => onBucket(b === bucket ? null : b)}
        >
          <Text size="xs" c="dimmed" fw={500}>
            {BUCKET_LABELS[b]}
          </Text>
          <Amount minor={totals[BUCKET_FIELDS[b]]} fw={700} size="lg" data-testid={`bucket-${b}`} />
          <Text size="xs" c="dimmed">
            {b === 'due_soon' ? `within ${dueWithinDays} day${dueWithinDays === 1 ? '' : 's'}` : 'overdue'}
          </Text>
        </Card>
      ))}
      <Card
        label={`To suspend: ${toSuspendOnly ? 'showing only these, click to show all' : 'show only these'}`}
        color="red"
        active={toSuspendOnly}
        onClick={() => onToSuspend(!toSuspendOnly)}
      >
        <Group gap={4} wrap="nowrap">
          <IconAlertTriangle size={14} color="var(--mantine-color-red-filled)" />
          <Text size="xs" c="dimmed" fw={500}>
            To suspend
          </Text>
        </Group>
        <Text fw={700} size="lg" c={totals.toSuspend ? 'red' : undefined} data-testid="to-suspend-count">
          {totals.toSuspend}
        </Text>
        <Text size="xs" c="dimmed">
          of {customers(totals.customers)}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
