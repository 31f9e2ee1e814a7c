import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { PickedStatement } from './useStatementImport';

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drop a statement here or choose it: the bank's CSV, read in this window, sent as it is. */
export function StatementFilePicker({
  file,
  disabled,
  onPick,
}: {
  file: PickedStatement | null;
  disabled: boolean;
  onPick: (file: File | null) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      aria-label="Statement file"
      role="group"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const dropped = event.dataTransfer.files[0];
        if (!disabled && dropped) onPick(dropped);
      }}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFileSpreadsheet size={28} stroke={1.5} style={{ flexShrink: 0 }} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            {file ? (
              <>
                <Text fw={600} size="sm" truncate data-testid="statement-filename">
                  {file.filename}
                </Text>
                <Text size="xs" c="dimmed">
                  {sizeText(file.size)}
                </Text>
              </>
            ) : (
              <>
                <Text fw={600} size="sm">
                  Drop the bank or gateway statement here
                </Text>
                <Text size="xs" c="dimmed">
                  A CSV downloaded from net banking or the gateway, up to 10 MB. Nothing is recorded until you confirm.
                </Text>
              </>
            )}
          </Stack>
        </Group>
        <FileButton onChange={onPick} accept=".csv,.txt,text/csv,text/plain" disabled={disabled}>
          {(props) => (
            <Button
              {...props}
              variant={file ? 'default' : 'filled'}
              leftSection={<IconUpload size={16} />}
              disabled={disabled}
            >
              {file ? 'Choose another file' : 'Choose file'}
            </Button>
          )}
        </FileButton>
      </Group>
    </Paper>
  );
}
