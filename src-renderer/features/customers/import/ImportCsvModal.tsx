import { Alert, Button, Divider, FileInput, Group, Loader, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useCsvImport } from './useCsvImport';
import { ImportMappingEditor } from './ImportMappingEditor';
import { describeImportError, ImportProblemRows } from './ImportProblemRows';
import { refusedRowsOf } from './refusedRows';
import { ImportSampleRows } from './ImportSampleRows';
import { importAdvice, importButtonText, importSummary } from './importWording';

const WORKING_TEXT = { reading: 'Reading the file…', checking: 'Checking every row…', importing: 'Importing…' };

/** Spreadsheet import: pick a CSV, check the column mapping and the bad rows, then import. */
export function ImportCsvModal({ onClose }: { onClose: () => void }) {
  const { state, pickFile, remap, commit, downloadProblemRows } = useCsvImport(onClose);
  const { preview, working, refusal } = state;
  const badRows = preview?.rows.filter((row) => row.errors.length > 0) ?? [];
  const alreadyInRows = preview?.rows.filter((row) => row.alreadyIn) ?? [];
  const advice = preview && importAdvice(preview);
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
                {importSummary(preview)}
              </Text>
              {advice && <Text size="sm">{advice}</Text>}
            </Alert>
            {preview.samples.length > 0 && (
              <Stack gap="xs">
                <Title order={5}>As they will be saved</Title>
                <ImportSampleRows samples={preview.samples} />
              </Stack>
            )}
            {badRows.length > 0 && (
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Title order={5}>Rows to fix</Title>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} />}
                    onClick={() => void downloadProblemRows()}
                    disabled={working !== null}
                  >
                    Download the {preview.invalidRows === 1 ? 'row' : `${preview.invalidRows} rows`} to fix (CSV)
                  </Button>
                </Group>
                <ImportProblemRows rows={badRows} />
              </Stack>
            )}
            {alreadyInRows.length > 0 && (
              <Stack gap="xs">
                <Title order={5}>Already in WispDesk (skipped)</Title>
                <ImportProblemRows rows={alreadyInRows} alreadyIn />
              </Stack>
            )}
          </>
        )}
        {refusal && (
          <Alert color="red" title="Nothing was imported" role="alert">
            <Text size="sm">{refusal.message}</Text>
            {refusedRows.slice(0, 10).map((row) => (
              <Text size="sm" key={row.row}>
                Row {row.row}: {row.errors.map(describeImportError).join('; ')}
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
            disabled={!preview || preview.validRows === 0 || working !== null}
          >
            {importButtonText(preview)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
