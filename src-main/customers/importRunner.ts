// Where an import's write runs. In the apps it is a worker thread with its own connection, so
// the thread that answers the UI keeps answering (reads go on; other writes are told to wait).
// Without a built worker file (unit tests) it runs in-process.
import { Worker } from 'node:worker_threads';
import type { ImportMapping } from '../../src-shared/contract';
import { AppError, type RpcErrorData } from '../../src-shared/errors';
import type { DbHandle } from '../db/connection';
import type { CustomerImport } from './csvImport';

export interface ImportJob {
  csv: string;
  mapping: ImportMapping;
  skipLines: number[];
}

export interface ImportOutcome {
  imported: number;
  skipped: number;
}

export type ImportProgress = (done: number, total: number) => void;

/** What the worker says back. */
export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; imported: number; skipped: number }
  | { type: 'failed'; error: RpcErrorData | null; message: string };

export interface ImportRunner {
  run(job: ImportJob, onProgress: ImportProgress): Promise<ImportOutcome>;
}

export function importInProcess(customerImport: CustomerImport): ImportRunner {
  return {
    run: async (job, onProgress) => {
      const { imported, skipped } = customerImport.commit(job.csv, job.mapping, job.skipLines, onProgress);
      return { imported, skipped };
    },
  };
}

const BUSY_TIMEOUT_MS = 5000;

export function importInWorker(workerFile: string, dataDir: string, db: DbHandle): ImportRunner {
  let running = false;
  return {
    run: (job, onProgress) => {
      if (running) return Promise.reject(new AppError('busy', 'Another import is running: wait for it to finish'));
      running = true;
      // While the worker holds the write lock, a write here fails at once with `busy`
      // instead of stalling this thread for the busy timeout.
      db.sqlite.pragma('busy_timeout = 0');
      const worker = new Worker(workerFile, { workerData: { dataDir, job } });
      return new Promise<ImportOutcome>((resolve, reject) => {
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          running = false;
          db.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
          fn();
        };
        worker.on('message', (message: ImportMessage) => {
          if (message.type === 'progress') onProgress(message.done, message.total);
          else if (message.type === 'done')
            settle(() => resolve({ imported: message.imported, skipped: message.skipped }));
          else
            settle(() =>
              reject(
                message.error
                  ? new AppError(message.error.code, message.error.message, message.error.details)
                  : new Error(message.message),
              ),
            );
        });
        worker.on('error', (error) => settle(() => reject(error)));
        worker.on('exit', (code) => settle(() => reject(new Error(`the import worker stopped with code ${code}`))));
      });
    },
  };
}
