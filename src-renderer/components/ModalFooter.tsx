import { Button, Group } from '@mantine/core';

/** Cancel and Save stay in view at the bottom of a long form dialog. */
export function ModalFooter({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
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
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        Save
      </Button>
    </Group>
  );
}
