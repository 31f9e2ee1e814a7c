import { Badge, type MantineColor } from '@mantine/core';
import type { CustomerStatus, PlanStatus } from '../../src-shared/contract';

const colors: Record<CustomerStatus | PlanStatus, MantineColor> = {
  active: 'teal',
  suspended: 'orange',
  disconnected: 'red',
  archived: 'gray',
  retired: 'gray',
};

const labels: Record<CustomerStatus | PlanStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  disconnected: 'Disconnected',
  archived: 'Archived',
  retired: 'Retired',
};

export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: CustomerStatus | PlanStatus;
  size?: 'xs' | 'sm' | 'md';
}) {
  return (
    <Badge color={colors[status]} variant="light" size={size} radius="sm">
      {labels[status]}
    </Badge>
  );
}

export function statusLabel(status: CustomerStatus | PlanStatus): string {
  return labels[status];
}
