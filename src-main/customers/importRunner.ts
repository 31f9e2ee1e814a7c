// Where an import's work runs. In the apps it is a worker thread with its own connection, so
// the thread that answers the UI keeps answering: checking a large spreadsheet and writing it
// both take seconds. While a commit writes, reads go on and other writes are told to wait.
// Without a built worker file (unit tests) the same work runs in-process.
import { Worker } from 'node:worker_threads';
import type { ImportMapping, ImportPreview } from '../../src-shared/contract';
import { AppError, type RpcErrorData } from '../../src-shared/errors';
import type { DbHandle } from '../db/connection';
import type { CustomerImport } from './csvImport';

export interface ImportOutcome {
  imported: number;
  skipped: number;
}

export type ImportProgress = (done: number, total: number) => void;

/** What the worker is asked to do. */
export type ImportTask =
  | { kind: 'preview'; csv: string; mapping?: ImportMapping }
  | { kind: 'commit'; csv: string; mapping: ImportMapping; skipLines: number[] };

/** What the worker says back. */
export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: ImportPreview | ImportOutcome }
  | { type: 'failed'; error: RpcErrorData | null; message: string };

export interface ImportRunner {
  preview(csv: string, mapping?: ImportMapping): Promise<ImportPreview>;
  commit(
    task: Omit<Extract<ImportTask, { kind: 'commit' }>, 'kind'>,
    onProgress: ImportProgress,
  ): Promise<ImportOutcome>;
}

/** Runs a task on an open app's import service: in-process, or inside the worker. */
export function runImportTask(
  customerImport: CustomerImport,
  task: ImportTask,
  onProgress: ImportProgress,
): ImportPreview | ImportOutcome {
  if (task.kind === 'preview') return customerImport.preview(task.csv, task.mapping);
  const { imported, skipped } = customerImport.commit(task.csv, task.mapping, task.skipLines, onProgress);
  return { imported, skipped };
}

export function importInProcess(customerImport: CustomerImport): ImportRunner {
  return {
    preview: async (csv, mapping) =>
      runImportTask(customerImport, { kind: 'preview', csv, mapping }, () => undefined) as ImportPreview,
    commit: async (task, onProgress) =>
      runImportTask(customerImport, { kind: 'commit', ...task }, onProgress) as ImportOutcome,
  };
}

const BUSY_TIMEOUT_MS = 5000;

export function importInWorker(workerFile: string, dataDir: string, db: DbHandle): ImportRunner {
  let committing = false;

  function inWorker(task: ImportTask, onProgress: ImportProgress): Promise<ImportPreview | ImportOutcome> {
    const worker = new Worker(workerFile, { workerData: { dataDir, task } });
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      worker.on('message', (message: ImportMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'done') settle(() => resolve(message.value));
        else {
          const { error } = message;
          settle(() =>
            reject(error ? new AppError(error.code, error.message, error.details) : new Error(message.message)),
          );
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the import worker stopped with code ${code}`))));
    });
  }

  return {
    preview: async (csv, mapping) =>
      (await inWorker({ kind: 'preview', csv, mapping }, () => undefined)) as ImportPreview,
    commit: async (task, onProgress) => {
      if (committing) throw new AppError('busy', 'Another import is running: wait for it to finish');
      committing = true;
      // While the worker holds the write lock, a write here fails at once with `busy`
      // instead of stalling this thread for the busy timeout.
      db.sqlite.pragma('busy_timeout = 0');
      try {
        return (await inWorker({ kind: 'commit', ...task }, onProgress)) as ImportOutcome;
      } finally {
        committing = false;
        db.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
    },
  };
}
