import { Badge } from '@mantine/core';
import type { DocumentStatus } from '../../../src-shared/contract';
import { STATUS_COLORS, STATUS_LABELS } from './billingText';

export function DocumentStatusBadge({ status, size = 'sm' }: { status: DocumentStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
