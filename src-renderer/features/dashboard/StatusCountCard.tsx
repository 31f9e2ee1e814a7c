import { Card, Group, Progress, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import { IconCircleCheck, IconCirclePause, IconPlugOff, IconArchive, IconUsers } from '@tabler/icons-react';
import type { CustomerStatus } from '../../../src-shared/contract';

const ICONS = {
  active: IconCircleCheck,
  suspended: IconCirclePause,
  disconnected: IconPlugOff,
  archived: IconArchive,
} satisfies Record<CustomerStatus, typeof IconUsers>;

interface StatusCountCardProps {
  label: string;
  count: number;
  color: MantineColor;
  status?: CustomerStatus;
  total?: number;
}

export function StatusCountCard({ label, count, color, status, total }: StatusCountCardProps) {
  const Icon = status ? ICONS[status] : IconUsers;
  const share = total ? Math.round((count / total) * 100) : null;
  return (
    <Card aria-label={`${label}: ${count}`} role="group">
      <Group justify="space-between" align="flex-start">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} radius="md">
          <Icon size={18} />
        </ThemeIcon>
      </Group>
      <Text fz={32} fw={700} lh={1.2} mt="xs">
        {count.toLocaleString()}
      </Text>
      {share !== null ? (
        <>
          <Text size="xs" c="dimmed" mb={6}>
            {share}% of all customers
          </Text>
          <Progress value={share} color={color} size="sm" aria-hidden />
        </>
      ) : (
        <Text size="xs" c="dimmed">
          including archived
        </Text>
      )}
    </Card>
  );
}
