// The job runner in-process (no built worker, as in most unit tests): rows, progress, outcomes,
// errors as data, and jobs a dead process left behind.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { JobRunner } from '../../../src-main/jobs/runner';
import type { AppEvents } from '../../../src-shared/contract';
import { call, createPlan, freshApp, onCleanup, refused, type TestApp } from '../helpers';
import { FAILURES } from './failures';
import { TEST_KINDS, testServices } from './testKinds';

function testRunner(app: TestApp) {
  return new JobRunner({
    handle: app.db,
    dataDir: app.dataDir,
    services: testServices(app),
    events: app.events,
    kinds: TEST_KINDS,
    log: () => undefined,
  });
}

function progressEvents(app: TestApp): AppEvents['progress'][] {
  const seen: AppEvents['progress'][] = [];
  app.events.subscribe((name, payload) => {
    if (name === 'progress') seen.push(payload as AppEvents['progress']);
  });
  return seen;
}

/** What another connection (another window after a reload) reads from the jobs table. */
function jobRow(app: TestApp, id: number) {
  const reader = new Database(join(app.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return reader.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Record<string, unknown>;
  } finally {
    reader.close();
  }
}

describe('a job', () => {
  it('is a row: running with its progress while it works, then succeeded with its result', async () => {
    const app = freshApp();
    const runner = testRunner(app);
    const events = progressEvents(app);
    const running = runner.run('test.progress', { steps: 3, pauseMs: 300 }, 'Counting to three');
    await expect.poll(() => events.length).toBeGreaterThanOrEqual(2);
    const id = events[0]!.jobId;
    expect(jobRow(app, id)).toMatchObject({
      kind: 'test.progress',
      title: 'Counting to three',
      status: 'running',
      progress_done: 2,
      progress_total: 3,
      finished_at: null,
    });
    expect(await call(app, 'jobs.get', { id })).toMatchObject({ status: 'running', progress: { done: 2, total: 3 } });

    expect(await running).toEqual({ steps: 3 });
    expect(events.map((e) => [e.task, e.jobId, e.done, e.total])).toEqual([
      ['test.progress', id, 1, 3],
      ['test.progress', id, 2, 3],
      ['test.progress', id, 3, 3],
    ]);
    const job = await call(app, 'jobs.get', { id });
    expect(job).toMatchObject({
      id,
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      result: { steps: 3 },
      error: null,
    });
    expect(Date.parse(job.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
  });

  it('writes and emits progress at most every 250 ms, and always the last step', async () => {
    const app = freshApp();
    const events = progressEvents(app);
    const running = testRunner(app).run('test.progress', { steps: 5000, pauseMs: 0 }, 'Many small steps');
    await running;
    expect(events.length).toBeLessThan(10);
    expect(events.at(-1)).toMatchObject({ done: 5000, total: 5000 });
    expect(jobRow(app, events[0]!.jobId)).toMatchObject({ progress_done: 5000, progress_total: 5000 });
  });

  it('only one runs at a time: a second is refused as busy, naming the first', async () => {
    const app = freshApp();
    const runner = testRunner(app);
    const first = runner.run('test.progress', { steps: 2, pauseMs: 200 }, 'Import of customers.csv');
    const second = await runner.run('test.progress', { steps: 1, pauseMs: 0 }, 'Another').catch((e: unknown) => e);
    expect(second).toMatchObject({
      code: 'busy',
      message: 'Import of customers.csv is being written (1 of 2 done): try again when it finishes',
      details: { kind: 'test.progress' },
    });
    await first;
    expect(await runner.run('test.progress', { steps: 1, pauseMs: 0 }, 'Another')).toEqual({ steps: 1 });
    expect((await call(app, 'jobs.list', {})).map((j) => [j.title, j.status])).toEqual([
      ['Another', 'succeeded'],
      ['Import of customers.csv', 'succeeded'],
    ]);
  });

  it('jobs.list is newest first and limited; jobs.get of an unknown id is not_found', async () => {
    const app = freshApp();
    const runner = testRunner(app);
    for (const title of ['first', 'second', 'third'])
      await runner.run('test.progress', { steps: 1, pauseMs: 0 }, title);
    expect((await call(app, 'jobs.list', { limit: 2 })).map((j) => j.title)).toEqual(['third', 'second']);
    expect((await refused(app, 'jobs.get', { id: 99 })).code).toBe('not_found');
    expect((await refused(app, 'jobs.list', { limit: 0 })).code).toBe('validation');
  });
});

describe('a failed job', () => {
  it.each(FAILURES)('%s: fails with the code the registry would give, recorded on its row', async (kind, error) => {
    const app = freshApp();
    const thrown = await testRunner(app)
      .run(kind, {} as never, `Failing with ${kind}`)
      .catch((e: unknown) => e);
    expect(thrown).toMatchObject(error);
    const [job] = await call(app, 'jobs.list', { limit: 1 });
    expect(job).toMatchObject({ kind, status: 'failed', result: null, error });
    expect(job!.finishedAt).not.toBeNull();
  });

  it('an unexpected error is logged in full on the main side, and only a generic message is kept', async () => {
    const app = freshApp();
    const logged: unknown[] = [];
    const runner = new JobRunner({
      handle: app.db,
      dataDir: app.dataDir,
      services: testServices(app),
      events: app.events,
      kinds: TEST_KINDS,
      log: (message, error) => logged.push([message, error]),
    });
    await runner.run('test.crash', undefined as never, 'Crashing').catch(() => undefined);
    expect(logged).toEqual([['job test.crash failed', expect.any(TypeError)]]);
    expect(JSON.stringify(await call(app, 'jobs.list', {}))).not.toContain('reading "rows"');
  });
});

describe('at start-up', () => {
  it('a job a dead process left running is marked interrupted; finished ones stay as they were', async () => {
    const app = freshApp();
    await testRunner(app).run('test.progress', { steps: 1, pauseMs: 0 }, 'Finished before');
    // What a process killed mid-job leaves behind: its row, still running.
    const orphan = app.jobs.store.start('customers.import', 'Import of customers.csv');
    app.jobs.store.progress(orphan, 12_000, 60_000);
    app.close();

    const restarted = createApp({ dataDir: app.dataDir, host: 'browser', checkOutputs: true });
    onCleanup(() => restarted.close());
    const [interrupted, finished] = await call(restarted, 'jobs.list', {});
    expect(interrupted).toMatchObject({
      id: orphan,
      status: 'interrupted',
      progress: { done: 12_000, total: 60_000 },
      error: { code: null, message: expect.stringMatching(/stopped before this finished/) },
    });
    expect(interrupted!.finishedAt).not.toBeNull();
    expect(finished).toMatchObject({ title: 'Finished before', status: 'succeeded' });
  });

  it('a worker connection (maintain: false) leaves running jobs alone: they are its own', async () => {
    const app = freshApp();
    const id = app.jobs.store.start('customers.import', 'Import of customers.csv');
    const worker = createApp({ dataDir: app.dataDir, host: 'browser', maintain: false });
    worker.close();
    expect((await call(app, 'jobs.get', { id })).status).toBe('running');
  });
});

describe('customers.importCommit as a job', () => {
  it('is visible through jobs.list with its title, progress and outcome; progress events carry its id', async () => {
    const app = freshApp();
    await createPlan(app, { name: 'Home 20' });
    const events = progressEvents(app);
    const csv = [
      'name,phone,pppoe_username,plan',
      ...[1, 2, 3].map((i) => `Customer ${i},98450 1000${i},u${i},Home 20`),
    ];
    const { mapping } = await call(app, 'customers.importPreview', { csv: csv.join('\n') });
    const outcome = await call(app, 'customers.importCommit', {
      csv: csv.join('\n'),
      mapping,
      fileName: 'customers.csv',
    });
    expect(outcome).toEqual({ imported: 3, skipped: 0, alreadyIn: 0 });
    const [job] = await call(app, 'jobs.list', {});
    expect(job).toMatchObject({
      kind: 'customers.import',
      title: 'Import of customers.csv',
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      result: { imported: 3, skipped: 0, alreadyIn: 0 },
    });
    expect(events.at(-1)).toEqual({ task: 'customers.import', jobId: job!.id, done: 3, total: 3 });
    // A preview is not a job.
    expect(await call(app, 'jobs.list', {})).toHaveLength(1);
  });
});
