// Worker thread entry: writes one CSV import on its own database connection and reports
// progress to the main thread (see importRunner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import { createApp } from '../app';
import type { ImportJob, ImportMessage } from './importRunner';

const { dataDir, job } = workerData as { dataDir: string; job: ImportJob };
const post = (message: ImportMessage) => parentPort!.postMessage(message);

const app = createApp({ dataDir, host: 'browser' });
try {
  const { imported, skipped } = app.services.customerImport.commit(job.csv, job.mapping, job.skipLines, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  post({ type: 'done', imported, skipped });
} catch (error) {
  if (error instanceof AppError) post({ type: 'failed', error: error.toData(), message: error.message });
  else {
    console.error('the import failed', error);
    post({ type: 'failed', error: null, message: String((error as Error).message ?? error) });
  }
} finally {
  app.close();
}
