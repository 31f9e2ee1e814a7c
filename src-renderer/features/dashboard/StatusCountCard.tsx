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
  /** The customer list this card counts: a click opens it. */
  href: string;
  status?: CustomerStatus;
  /** What the share is of ("of current customers"); no share shown without it. */
  share?: { of: number; label: string };
  /** The line under the count when there is no share. */
  note?: string;
}

export function StatusCountCard({ label, count, color, href, status, share, note }: StatusCountCardProps) {
  const Icon = status ? ICONS[status] : IconUsers;
  const percent = share?.of ? Math.round((count / share.of) * 100) : null;
  return (
    <Card component="a" href={href} className="wd-link-card" aria-label={`${label}: ${count}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
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
      {percent !== null && share ? (
        <>
          <Text size="xs" c="dimmed" mb={6}>
            {percent}% {share.label}
          </Text>
          <Progress value={percent} color={color} size="sm" aria-hidden />
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}
