// Worker thread entry (built as out/main/jobsWorker.js): runs one job on its own connection.
// The main thread has already migrated and analysed the file, so this connection skips both.
import { createApp } from '../app';
import { JOB_KINDS } from './kinds';
import { serveJob } from './runner';

void serveJob(JOB_KINDS, (dataDir) => createApp({ dataDir, host: 'browser', maintain: false }));
