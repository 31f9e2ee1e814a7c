import { Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** Cancel and Save stay in view at the bottom of a long form dialog. */
export function ModalFooter({ children }: { children: ReactNode }) {
  return (
    <Group
      justify="flex-end"
      pos="sticky"
      bottom={0}
      py="sm"
      mb="calc(var(--mantine-spacing-md) * -1)"
      bg="var(--mantine-color-body)"
      style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      {children}
    </Group>
  );
}
