import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatementImportPreview, StatementImportResult, StatementSource } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { errorMessage } from '../../../lib/notify';
import { readFileBase64 } from '../../settings/readFileBase64';
import { useTaskProgress } from '../../billing/useTaskProgress';
import { decisionsFor, initialChoices, type Choices } from './importDecisions';
import { headerAfter, missingColumns, presetFor, statementHead } from './statementLayout';
import { BLANK_LAYOUT, STATEMENT_PRESETS, type StatementLayout } from './statementPresets';

export type ImportStep = 'source' | 'preview' | 'done';

export interface PickedStatement {
  filename: string;
  base64: string;
  /** The first 64 KB as text: its header offers the columns to map. */
  head: string;
  size: number;
}

/** A saved layout's id, or 'new' for columns mapped here. */
export type SourceChoice = number | 'new';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The statement import wizard's state: file and layout, the preview and decisions, the job and its result. */
export function useStatementImport() {
  const [step, setStep] = useState<ImportStep>('source');
  const [sources, setSources] = useState<StatementSource[] | null>(null);
  const [file, setFile] = useState<PickedStatement | null>(null);
  const [source, setSource] = useState<SourceChoice>('new');
  const [layout, setLayout] = useState<StatementLayout>(BLANK_LAYOUT);
  const [presetId, setPresetId] = useState<string | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [preview, setPreview] = useState<StatementImportPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<StatementImportResult | null>(null);
  const [working, setWorking] = useState<'reading' | 'checking' | 'recording' | null>(null);
  /** The back end's refusal (a missing column, a file that is not a CSV…), shown as it is said. */
  const [error, setError] = useState<string | null>(null);
  const { progress, reset: resetProgress } = useTaskProgress('payments.importCommit', working === 'recording');

  // The saved layouts, asked for once; a file picked before they arrive waits for them.
  const loading = useRef<Promise<StatementSource[]> | null>(null);
  const loadSources = useCallback(() => {
    loading.current = call('payments.statementSources', {}).catch(() => []);
    return loading.current;
  }, []);
  useEffect(() => {
    let current = true;
    void loadSources().then((list) => current && setSources(list));
    return () => {
      current = false;
    };
  }, [loadSources]);

  function applyPreset(id: string | null) {
    setPresetId(id);
    const preset = STATEMENT_PRESETS.find((p) => p.id === id);
    setLayout(preset ? preset.mapping : { ...BLANK_LAYOUT, method: layout.method });
    if (preset) setSaveAs(preset.name);
  }

  async function pickFile(picked: File | null) {
    setError(null);
    setPreview(null);
    if (!picked) {
      setFile(null);
      return;
    }
    if (picked.size > MAX_FILE_BYTES) {
      setFile(null);
      setError(`${picked.name} is larger than 10 MB: split the statement and import each part`);
      return;
    }
    setWorking('reading');
    try {
      const [base64, buffer] = await Promise.all([readFileBase64(picked), picked.slice(0, 64 * 1024).arrayBuffer()]);
      const head = statementHead(new Uint8Array(buffer));
      setFile({ filename: picked.name, base64, head, size: picked.size });
      // A saved layout whose columns are all in this file, else a built-in one, else columns to map.
      const known = sources ?? (await (loading.current ?? loadSources()));
      const saved = known.find((s) => {
        const headers = headerAfter(head, s.mapping.skipLines);
        return headers.length > 0 && missingColumns(s.mapping, headers).length === 0;
      });
      if (saved) {
        setSource(saved.id);
      } else {
        setSource('new');
        const preset = presetFor(head);
        if (preset) applyPreset(preset.id);
      }
    } catch (e) {
      setError(`${picked.name} could not be read: ${errorMessage(e)}`);
    } finally {
      setWorking(null);
    }
  }

  const input = () =>
    file && {
      file: { filename: file.filename, base64: file.base64 },
      ...(source === 'new' ? { mapping: layout } : { sourceId: source }),
    };

  async function check() {
    const request = input();
    if (!request) return;
    setWorking('checking');
    setError(null);
    try {
      const checked = await call('payments.importPreview', request);
      setPreview(checked);
      setChoices(initialChoices(checked));
      setStep('preview');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setWorking(null);
    }
  }

  async function commit() {
    const request = input();
    const decisions = preview && decisionsFor(preview, choices);
    if (!request || !decisions) return;
    resetProgress();
    setWorking('recording');
    setError(null);
    try {
      const done = await call('payments.importCommit', {
        ...request,
        saveAs: source === 'new' ? saveAs.trim() : '',
        decisions,
      });
      setResult(done);
      setStep('done');
      void loadSources().then(setSources);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setWorking(null);
    }
  }

  function back() {
    setStep('source');
    setError(null);
  }

  function restart() {
    setStep('source');
    setFile(null);
    setPreview(null);
    setChoices({});
    setResult(null);
    setError(null);
  }

  return {
    step,
    sources,
    file,
    source,
    setSource,
    layout,
    setLayout,
    presetId,
    applyPreset,
    saveAs,
    setSaveAs,
    preview,
    choices,
    setChoices,
    result,
    working,
    error,
    progress,
    pickFile,
    check,
    commit,
    back,
    restart,
  };
}

export type StatementImport = ReturnType<typeof useStatementImport>;
