import { useState } from 'react';
import type { ImportMapping, ImportPreview } from '../../../../src-shared/contract';
import { decodeSpreadsheet } from '../../../../src-shared/decodeSpreadsheet';
import { ApiError, call } from '../../../api';
import { useAppEvent } from '../../../hooks/useAppEvent';
import { notifyError, notifySuccess } from '../../../lib/notify';

export interface CsvImportState {
  fileName: string | null;
  /** Said when the file was not UTF-8 and was read as Windows-1252. */
  encodingNote: string | null;
  preview: ImportPreview | null;
  mapping: ImportMapping;
  skipBadRows: boolean;
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
    skipBadRows: false,
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

  async function commit() {
    if (!csv || !state.preview) return;
    const skipLines = state.skipBadRows
      ? state.preview.rows.filter((row) => row.errors.length > 0).map((row) => row.line)
      : [];
    update({ working: 'importing', refusal: null, progress: null });
    try {
      const result = await call('customers.importCommit', {
        csv,
        mapping: state.mapping,
        skipLines,
        fileName: state.fileName ?? undefined,
      });
      notifySuccess(
        `Imported ${result.imported} customers${result.skipped ? `, skipped ${result.skipped} rows` : ''}`,
        'Import finished',
      );
      onImported();
    } catch (error) {
      update({ working: null, refusal: error instanceof ApiError ? error : null });
      notifyError(error, 'Nothing was imported');
    }
  }

  return { state, pickFile, remap, commit, setSkipBadRows: (skipBadRows: boolean) => update({ skipBadRows }) };
}
