// A big import is written on its own thread: the app keeps answering meanwhile, shows real
// progress, and asks other writes to wait rather than freezing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './fixtures';

const ROWS = 40_000;

test('while 40,000 rows are written the app answers reads, reports progress and refuses writes as busy', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-import-'));
  const server = await startServer(dataDir, false);
  const { origin, searchParams } = new URL(server.url);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` };
  const call = async <T = { mapping: object; total: number; imported: number }>(channel: string, input: unknown) =>
    (await (
      await fetch(`${origin}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) })
    ).json()) as {
      ok: boolean;
      value: T;
      error: { code: string; message: string; details: { jobId: number } };
    };
  type Jobs = { id: number; kind: string; status: string }[];
  const events = new AbortController();
  try {
    await call('settings.save', { companyName: 'Busy Hills Broadband' });
    const lines = ['name,phone,pppoe_username'];
    for (let i = 1; i <= ROWS; i++) lines.push(`Subscriber ${i},96${String(i).padStart(8, '0')},s${i}`);
    const csv = lines.join('\n');
    const { mapping } = (await call('customers.importPreview', { csv })).value;

    // Listen for progress before starting.
    const stream = await fetch(`${origin}/api/events`, { headers, signal: events.signal });
    const reader = stream.body!.getReader();
    const progress: { done: number; total: number }[] = [];
    let firstProgress: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (firstProgress = resolve));
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        for (const match of buffer.matchAll(/event: progress\ndata: (.*)\n/g)) progress.push(JSON.parse(match[1]!));
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 1);
        if (progress.length) firstProgress();
      }
    })();

    let importAnswered = false;
    const importing = call('customers.importCommit', { csv, mapping, fileName: 'subscribers.csv' }).then((result) => {
      importAnswered = true;
      return result;
    });
    await writing; // the worker is inside its write transaction

    const read = await call('customers.list', { page: 1 });
    expect(read.ok).toBe(true);
    expect(read.value.total).toBe(0); // the import is not visible until it commits
    const write = await call('customers.create', { name: 'Walk-in', pppoeUsername: 'walkin' });
    expect(write).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(write.error.message).toMatch(/^Import of subscribers\.csv is being written/);
    // The import is a job: listed while it runs, and a second one is refused naming it.
    const [job] = (await call<Jobs>('jobs.list', { limit: 1 })).value;
    expect(job).toMatchObject({ id: write.error.details.jobId, kind: 'customers.import', status: 'running' });
    const second = await call('customers.importCommit', { csv, mapping });
    expect(second).toMatchObject({ ok: false, error: { code: 'busy', details: { jobId: write.error.details.jobId } } });
    expect(importAnswered, 'the read and the refused write were answered while the import ran').toBe(false);

    expect(await importing).toMatchObject({ ok: true, value: { imported: ROWS } });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.total === ROWS && p.done <= ROWS)).toBe(true);
    expect((await call<Jobs>('jobs.list', { limit: 1 })).value[0]).toMatchObject({ status: 'succeeded' });
    expect((await call('customers.list', { page: 1 })).value.total).toBe(ROWS);
    // Writes work again once the import has finished.
    expect(await call('customers.create', { name: 'Walk-in', pppoeUsername: 'walkin' })).toMatchObject({ ok: true });
  } finally {
    events.abort();
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
