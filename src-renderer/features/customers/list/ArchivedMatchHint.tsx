import { Alert, Anchor } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';

interface ArchivedMatchHintProps {
  query: string;
  archivedCount: number;
  onShowArchived: () => void;
}

/** "No current customer matches "rahul"; 2 archived customers do — show them". */
export function ArchivedMatchHint({ query, archivedCount, onShowArchived }: ArchivedMatchHintProps) {
  const some = archivedCount === 1 ? '1 archived customer does' : `${archivedCount} archived customers do`;
  return (
    <Alert color="gray" variant="light" icon={<IconArchive size={18} />} mb="md" role="status">
      No current customer matches “{query}”; {some} —{' '}
      <Anchor component="button" type="button" size="sm" onClick={onShowArchived} fw={600}>
        show {archivedCount === 1 ? 'it' : 'them'}
      </Anchor>
    </Alert>
  );
}
