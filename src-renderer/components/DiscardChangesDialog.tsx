import { Button, Group, Modal, Text } from '@mantine/core';
import type { DiscardGuard } from '../hooks/useDiscardGuard';

/** The question useDiscardGuard and useNavigationGuard ask; Esc or a click outside keeps editing. */
export function DiscardChangesDialog({
  asking,
  keepEditing,
  discard,
}: Pick<DiscardGuard, 'asking' | 'keepEditing' | 'discard'>) {
  return (
    <Modal opened={asking} onClose={keepEditing} title="Discard changes?" size="sm" zIndex={400} centered>
      <Text size="sm">What you typed in this form has not been saved.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={keepEditing} data-autofocus>
          Keep editing
        </Button>
        <Button color="red" onClick={discard}>
          Discard
        </Button>
      </Group>
    </Modal>
  );
}
