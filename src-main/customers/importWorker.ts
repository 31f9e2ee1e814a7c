// Worker thread entry: checks or writes one CSV import on its own database connection and
// reports progress to the main thread (see importRunner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-shared/errors';
import { createApp } from '../app';
import { runImportTask, type ImportMessage, type ImportTask } from './importRunner';

const { dataDir, task } = workerData as { dataDir: string; task: ImportTask };
const post = (message: ImportMessage) => parentPort!.postMessage(message);

// The main thread has already migrated and analysed the file.
const app = createApp({ dataDir, host: 'browser', maintain: false });
try {
  const value = runImportTask(app.services.customerImport, task, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  post({ type: 'done', value });
} catch (error) {
  if (error instanceof AppError) post({ type: 'failed', error: error.toData(), message: error.message });
  else {
    console.error('the import failed', error);
    post({ type: 'failed', error: null, message: String((error as Error).message ?? error) });
  }
} finally {
  app.close();
}
