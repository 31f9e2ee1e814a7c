import {
  Alert,
  Button,
  Checkbox,
  Divider,
  FileInput,
  Group,
  Loader,
  Modal,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useCsvImport } from './useCsvImport';
import { ImportMappingEditor } from './ImportMappingEditor';
import { describeImportError, ImportProblemRows } from './ImportProblemRows';
import { refusedRowsOf } from './refusedRows';

const WORKING_TEXT = { reading: 'Reading the file…', checking: 'Checking every row…', importing: 'Importing…' };

/** Spreadsheet import: pick a CSV, check the column mapping and the bad rows, then import. */
export function ImportCsvModal({ onClose }: { onClose: () => void }) {
  const { state, pickFile, remap, commit, setSkipBadRows } = useCsvImport(onClose);
  const { preview, working, refusal } = state;
  const badRows = preview?.rows.filter((row) => row.errors.length > 0) ?? [];
  const toImport = preview ? (state.skipBadRows ? preview.validRows : preview.totalRows) : 0;
  const refusedRows = refusedRowsOf(refusal?.details);

  return (
    <Modal opened onClose={onClose} size="xl" title="Import customers from CSV">
      <Stack gap="md">
        <FileInput
          label="CSV file"
          description="The first line must hold the column names. Nothing is written until you press Import."
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileSpreadsheet size={18} />}
          clearable
          onChange={(file) => void pickFile(file)}
          disabled={working === 'importing'}
        />
        {state.encodingNote && (
          <Text size="sm" c="orange.8" role="status">
            {state.encodingNote}
          </Text>
        )}
        {working && (
          <Group gap="sm" role="status">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {working === 'importing' && state.progress
                ? `Imported ${state.progress.done} of ${state.progress.total}…`
                : WORKING_TEXT[working]}
            </Text>
          </Group>
        )}
        {working === 'importing' && state.progress && (
          <Progress value={(state.progress.done / Math.max(1, state.progress.total)) * 100} aria-hidden />
        )}
        {preview && (
          <>
            <Divider label="Columns" labelPosition="left" />
            <ImportMappingEditor
              headers={preview.headers}
              mapping={state.mapping}
              disabled={working !== null}
              onChange={(mapping) => void remap(mapping)}
            />
            <Divider label="Check" labelPosition="left" />
            <Alert
              color={preview.invalidRows ? 'orange' : 'teal'}
              icon={preview.invalidRows ? <IconAlertTriangle /> : <IconCircleCheck />}
              aria-label="Import summary"
              role="status"
            >
              <Text fw={600} size="sm">
                {preview.totalRows} rows, {preview.validRows} valid, {preview.invalidRows} with errors
              </Text>
            </Alert>
            {badRows.length > 0 && (
              <Stack gap="xs">
                <Title order={5}>Rows with errors</Title>
                <ImportProblemRows rows={badRows} />
                <Checkbox
                  label={`Skip rows with errors (${badRows.length})`}
                  checked={state.skipBadRows}
                  onChange={(event) => setSkipBadRows(event.currentTarget.checked)}
                />
              </Stack>
            )}
          </>
        )}
        {refusal && (
          <Alert color="red" title="Nothing was imported" role="alert">
            <Text size="sm">{refusal.message}</Text>
            {refusedRows.slice(0, 10).map((row) => (
              <Text size="sm" key={row.line}>
                Line {row.line}: {row.errors.map(describeImportError).join('; ')}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={working === 'importing'}>
            Cancel
          </Button>
          <Button
            onClick={() => void commit()}
            loading={working === 'importing'}
            disabled={!preview || toImport === 0 || working !== null}
          >
            {preview ? `Import ${toImport} customers` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
