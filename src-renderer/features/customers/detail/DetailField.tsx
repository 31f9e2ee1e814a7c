import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value; empty values show a dash so the layout stays steady. */
export function DetailField({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>
        {empty ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : typeof children === 'string' ? (
          <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
            {children}
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
