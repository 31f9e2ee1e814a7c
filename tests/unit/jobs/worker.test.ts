// The jobs worker for real: a worker thread on its own connection, built as the app builds it.
// Errors keep their codes across the thread boundary; while a job holds the write lock, reads
// go on, other writes are refused as busy naming the job, and a second job is refused.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app';
import { JobRunner } from '../../../src-main/jobs/runner';
import type { AppEvents } from '../../../src-shared/contract';
import { call, createPlan, customerCount, customerInput, onCleanup, refused, tempDir } from '../helpers';
import { buildTestWorker } from './buildTestWorker';
import { FAILURES } from './failures';
import { TEST_KINDS, testServices } from './testKinds';

let workerFile = '';
beforeAll(async () => {
  workerFile = await buildTestWorker();
}, 120_000);
afterAll(() => rmSync(dirname(workerFile), { recursive: true, force: true }));

function appWithWorker() {
  const dataDir = tempDir();
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true, jobWorkerFile: workerFile });
  onCleanup(() => app.close());
  // The app's own runner, asked to run the test kinds its worker also knows.
  const jobs = app.jobs as unknown as JobRunner<typeof TEST_KINDS>;
  return Object.assign(app, { dataDir, testJobs: jobs });
}

function nextProgress(app: { events: ReturnType<typeof createApp>['events'] }): Promise<AppEvents['progress']> {
  return new Promise((resolve) => {
    const stop = app.events.subscribe((name, payload) => {
      if (name === 'progress') {
        stop();
        resolve(payload as AppEvents['progress']);
      }
    });
  });
}

describe('a job on the worker thread', () => {
  it.each(FAILURES)('%s: fails with the same code and message as in-process', async (kind, error) => {
    const app = appWithWorker();
    const inWorker = await app.testJobs.run(kind, {} as never, kind).catch((e: unknown) => e);
    expect(inWorker).toMatchObject(error);
    const [job] = await call(app, 'jobs.list', { limit: 1 });
    expect(job).toMatchObject({ kind, status: 'failed', error });

    const inProcess = new JobRunner({
      handle: app.db,
      dataDir: app.dataDir,
      services: testServices(app),
      events: app.events,
      kinds: TEST_KINDS,
      log: () => undefined,
    });
    const here = await inProcess.run(kind, {} as never, kind).catch((e: unknown) => e);
    expect((here as { toData(): unknown }).toData()).toEqual((inWorker as { toData(): unknown }).toData());
  });

  it('an unexpected error in the worker is logged in full on the main side; the job keeps a generic message', async () => {
    const logged: [string, unknown][] = [];
    const dataDir = tempDir();
    const app = createApp({
      dataDir,
      host: 'browser',
      jobWorkerFile: workerFile,
      log: (message, error) => logged.push([message, error]),
    });
    onCleanup(() => app.close());
    const jobs = app.jobs as unknown as JobRunner<typeof TEST_KINDS>;
    await expect(jobs.run('test.crash', undefined as never, 'Crashing')).rejects.toMatchObject({ code: 'internal' });
    expect(logged).toEqual([
      ['job test.crash (worker) failed', expect.stringMatching(/^TypeError: cannot read properties of undefined/)],
    ]);
  });

  it('persists progress to its row and its result when done', async () => {
    const app = appWithWorker();
    const result = await app.testJobs.run('test.progress', { steps: 4, pauseMs: 100 }, 'Four steps');
    expect(result).toEqual({ steps: 4 });
    expect((await call(app, 'jobs.list', {}))[0]).toMatchObject({
      status: 'succeeded',
      progress: { done: 4, total: 4 },
      result: { steps: 4 },
    });
  });

  it('while it holds the write lock: reads go on, writes and a second job are refused as busy naming it', async () => {
    const app = appWithWorker();
    await createPlan(app, { name: 'Home 20' });
    const gate = new SharedArrayBuffer(4);
    const holding = nextProgress(app);
    const job = app.testJobs.run('test.holdWriteLock', { gate }, 'Import of customers.csv');
    const { jobId } = await holding; // the worker is inside its write transaction

    expect((await call(app, 'plans.list', {})).map((p) => p.name)).toEqual(['Home 20']);
    const started = performance.now();
    const busy = await refused(app, 'customers.create', customerInput());
    expect(performance.now() - started, 'refused at once, not after the busy timeout').toBeLessThan(1000);
    expect(busy).toEqual({
      code: 'busy',
      message: 'Import of customers.csv is being written (1 of 2 done): try again when it finishes',
      details: { jobId, kind: 'test.holdWriteLock' },
    });
    expect(await refused(app, 'app.loadDemo', {})).toMatchObject({ code: 'busy', details: { jobId } });
    const second = await refused(app, 'customers.importCommit', {
      csv: 'name,pppoe_username\nWalk-in,walkin',
      mapping: { name: 0, pppoeUsername: 1 },
    });
    expect(second).toMatchObject({ code: 'busy', message: expect.stringMatching(/^Import of customers.csv/) });
    // The row cannot take progress while the worker holds the lock; jobs.get shows what it reported.
    expect(await call(app, 'jobs.get', { id: jobId })).toMatchObject({
      status: 'running',
      progress: { done: 1, total: 2 },
    });

    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    expect(await job).toEqual({ held: true });
    expect(await call(app, 'jobs.get', { id: jobId })).toMatchObject({
      status: 'succeeded',
      progress: { done: 2, total: 2 },
    });
    await call(app, 'customers.create', customerInput());
    expect(customerCount(app)).toBe(1);
  });

  it('a customer import is written by the worker; its outcome is the call’s answer and the job’s result', async () => {
    const app = appWithWorker();
    await createPlan(app, { name: 'Home 20' });
    const csv = ['name,phone,pppoe_username,plan'];
    for (let i = 1; i <= 2500; i++) csv.push(`Customer ${i},98${String(i).padStart(8, '0')},u${i},Home 20`);
    const { mapping } = await call(app, 'customers.importPreview', { csv: csv.join('\n') });
    const progress: AppEvents['progress'][] = [];
    app.events.subscribe((name, payload) => name === 'progress' && progress.push(payload as AppEvents['progress']));
    const outcome = await call(app, 'customers.importCommit', { csv: csv.join('\n'), mapping, fileName: 'big.csv' });
    expect(outcome).toEqual({ imported: 2500, skipped: 0, alreadyIn: 0 });
    expect(customerCount(app)).toBe(2500);
    expect(progress.at(-1)).toMatchObject({ task: 'customers.import', done: 2500, total: 2500 });
    expect((await call(app, 'jobs.list', {}))[0]).toMatchObject({
      title: 'Import of big.csv',
      status: 'succeeded',
      result: outcome,
    });
  });
});
