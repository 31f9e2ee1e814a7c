import { useState } from 'react';
import type { ImportMapping, ImportPreview } from '../../../../src-shared/contract';
import { decodeSpreadsheet } from '../../../../src-shared/decodeSpreadsheet';
import { ApiError, call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { downloadText } from '../../../lib/downloadText';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { importOutcome } from './importWording';

export interface CsvImportState {
  fileName: string | null;
  /** Said when the file was not UTF-8 and was read as Windows-1252. */
  encodingNote: string | null;
  preview: ImportPreview | null;
  mapping: ImportMapping;
  working: 'reading' | 'checking' | 'importing' | null;
  /** The server's refusal of the import, shown in the dialog. */
  refusal: ApiError | null;
  /** Rows written so far, from the back end's progress events. */
  progress: { done: number; total: number } | null;
}

/** Reads a spreadsheet, previews it with the back end, and imports the rows the operator keeps. */
export function useCsvImport(onImported: () => void) {
  const [csv, setCsv] = useState<string | null>(null);
  const [state, setState] = useState<CsvImportState>({
    fileName: null,
    encodingNote: null,
    preview: null,
    mapping: {},
    working: null,
    refusal: null,
    progress: null,
  });
  const update = (changes: Partial<CsvImportState>) => setState((s) => ({ ...s, ...changes }));
  useAppEvent('progress', ({ task, done, total }) => {
    if (task === 'customers.import') update({ progress: { done, total } });
  });

  async function preview(text: string, mapping?: ImportMapping) {
    update({ working: 'checking', refusal: null });
    try {
      const result = await call('customers.importPreview', mapping ? { csv: text, mapping } : { csv: text });
      update({ preview: result, mapping: result.mapping, working: null });
    } catch (error) {
      update({ working: null });
      notifyError(error, 'Could not read the spreadsheet');
    }
  }

  async function pickFile(file: File | null) {
    setCsv(null);
    update({ fileName: file?.name ?? null, encodingNote: null, preview: null, mapping: {}, refusal: null });
    if (!file) return;
    update({ working: 'reading' });
    // Not file.text(): that reads a Windows-1252 "CSV" from Excel as UTF-8, accents lost without a word.
    const { text, converted } = decodeSpreadsheet(new Uint8Array(await file.arrayBuffer()));
    if (converted) {
      update({
        encodingNote: 'Converted from Windows-1252 (the file was not UTF-8): check names with accents in the preview',
      });
    }
    setCsv(text);
    await preview(text);
  }

  async function remap(mapping: ImportMapping) {
    update({ mapping });
    if (csv) await preview(csv, mapping);
  }

  /** Imports the good rows: those with errors are left out (the button says so), those already in are skipped by the back end. */
  async function commit() {
    if (!csv || !state.preview) return;
    const skipRows = state.preview.rows.filter((row) => row.errors.length > 0).map((row) => row.row);
    update({ working: 'importing', refusal: null, progress: null });
    try {
      const result = await call('customers.importCommit', {
        csv,
        mapping: state.mapping,
        skipRows,
        fileName: state.fileName ?? undefined,
      });
      notifySuccess(importOutcome(result), 'Import finished');
      onImported();
    } catch (error) {
      update({ working: null, refusal: error instanceof ApiError ? error : null });
      notifyError(error, 'Nothing was imported');
    }
  }

  /** The rows with errors as a CSV to fix in a spreadsheet and import again. */
  async function downloadProblemRows() {
    if (!csv) return;
    try {
      const result = await call('customers.importProblemRows', { csv, mapping: state.mapping });
      const base = (state.fileName ?? 'customers.csv').replace(/\.csv$/i, '');
      downloadText(`${base}-rows-to-fix.csv`, result.csv);
    } catch (error) {
      notifyError(error, 'Could not make the file of rows to fix');
    }
  }

  return { state, pickFile, remap, commit, downloadProblemRows };
}
