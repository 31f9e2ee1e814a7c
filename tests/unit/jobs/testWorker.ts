// The jobs worker as the app builds it, plus the test kinds (built by buildTestWorker.ts).
import { createApp } from '../../../src-main/app';
import { JOB_KINDS } from '../../../src-main/jobs/kinds';
import { serveJob } from '../../../src-main/jobs/runner';
import { TEST_KINDS, testServices } from './testKinds';

void serveJob({ ...JOB_KINDS, ...TEST_KINDS }, (dataDir) => {
  const app = createApp({ dataDir, host: 'browser', maintain: false });
  return { services: testServices(app), close: () => app.close() };
});
