import { Alert, Button, Group, Loader, Select, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { PageHeader } from '../../../components/PageHeader';
import { layoutProblem, missingColumns, headerAfter } from './statementLayout';
import { StatementFilePicker } from './StatementFilePicker';
import { StatementLayoutEditor } from './StatementLayoutEditor';
import { StatementPreviewStep } from './StatementPreviewStep';
import { StatementResultStep } from './StatementResultStep';
import { useStatementImport, type StatementImport } from './useStatementImport';

const STEP_INDEX = { source: 0, preview: 1, done: 2 } as const;

/** Step 1: the file, and which columns hold what (a saved layout, or mapped here). */
function SourceStep({ wizard }: { wizard: StatementImport }) {
  const { file, sources, source, layout, working } = wizard;
  const busy = working !== null;
  const saved = typeof source === 'number' ? sources?.find((s) => s.id === source) : undefined;
  const problem = source === 'new' ? layoutProblem(layout) : null;
  // A saved layout that does not fit this file: said before the back end refuses it.
  const savedMissing =
    saved && file ? missingColumns(saved.mapping, headerAfter(file.head, saved.mapping.skipLines)) : [];
  return (
    <Stack gap="md">
      <StatementFilePicker file={file} disabled={busy} onPick={(f) => void wizard.pickFile(f)} />
      {working === 'reading' && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Reading the file…
          </Text>
        </Group>
      )}
      {file && (
        <>
          <Select
            label="Statement layout"
            description="A bank or gateway saved before, or a new layout mapped from this file's columns"
            data={[
              ...(sources ?? []).map((s) => ({ value: String(s.id), label: s.name })),
              { value: 'new', label: 'New layout: map the columns' },
            ]}
            value={String(source)}
            onChange={(value) => value && wizard.setSource(value === 'new' ? 'new' : Number(value))}
            allowDeselect={false}
            disabled={busy}
            maw={420}
          />
          {savedMissing.length > 0 && (
            <Text size="sm" c="orange.8" role="status">
              This file has no column {savedMissing.map((c) => `"${c}"`).join(', ')}: is it from {saved?.name}? Pick
              another layout or map a new one.
            </Text>
          )}
          {source === 'new' && (
            <StatementLayoutEditor
              head={file.head}
              layout={layout}
              presetId={wizard.presetId}
              saveAs={wizard.saveAs}
              disabled={busy}
              onLayout={wizard.setLayout}
              onPreset={wizard.applyPreset}
              onSaveAs={wizard.setSaveAs}
            />
          )}
        </>
      )}
      {wizard.error && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The statement could not be read" role="alert">
          {wizard.error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        {file && problem && (
          <Text size="sm" c="dimmed">
            {problem}
          </Text>
        )}
        <Button
          leftSection={<IconSearch size={16} />}
          onClick={() => void wizard.check()}
          loading={working === 'checking'}
          disabled={!file || busy || problem !== null}
        >
          Check the statement
        </Button>
      </Group>
    </Stack>
  );
}

/** Bank statement import: pick the file and its layout, check the matches, record them as a job. */
export function StatementImportPage() {
  const wizard = useStatementImport();
  return (
    <>
      <PageHeader
        title="Import bank statement"
        description="Record the payments in a bank or payment gateway statement, matched to customers by invoice and account numbers"
      />
      <Stepper active={STEP_INDEX[wizard.step]} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="Statement" description="File and columns" />
        <Stepper.Step label="Check" description="Matches and decisions" />
        <Stepper.Step label="Done" description="Receipts" />
      </Stepper>
      {wizard.step === 'source' && <SourceStep wizard={wizard} />}
      {wizard.step === 'preview' && <StatementPreviewStep wizard={wizard} />}
      {wizard.step === 'done' && <StatementResultStep wizard={wizard} />}
    </>
  );
}
