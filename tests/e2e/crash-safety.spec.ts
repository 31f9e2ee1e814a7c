// The office loses power in the middle of a big import: the file must hold all of it or none.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './fixtures';

const ROWS = 60_000;

function spreadsheet(rows: number, from = 1): string {
  const lines = ['name,phone,pppoe_username,pppoe_password'];
  for (let i = from; i < from + rows; i++) lines.push(`Customer ${i},98${String(i).padStart(8, '0')},user${i},pw${i}`);
  return lines.join('\n');
}

async function api(url: string, channel: string, input: unknown) {
  const { origin, searchParams } = new URL(url);
  const response = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

test('a process killed in the middle of an import leaves the database without any of it', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-crash-'));
  const wal = join(dataDir, 'wispdesk.sqlite-wal');
  try {
    const first = await startServer(dataDir, false);
    await api(first.url, 'settings.save', { companyName: 'Crash Test ISP' });
    const csv = spreadsheet(ROWS);
    const preview = (await api(first.url, 'customers.importPreview', { csv })) as { value: { mapping: object } };
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;

    let answered = false;
    const commit = api(first.url, 'customers.importCommit', { csv, mapping: preview.value.mapping }).then(
      () => (answered = true),
      () => undefined,
    );
    // The import's transaction spills pages to the WAL once it outgrows the page cache:
    // that is the moment it is half-written on disk. Pull the plug there.
    await expect
      .poll(() => (existsSync(wal) ? statSync(wal).size : 0) - walBefore, { timeout: 60_000, intervals: [10] })
      .toBeGreaterThan(1_000_000);
    first.child.kill('SIGKILL');
    await commit;
    expect(answered, 'the import finished before it could be interrupted').toBe(false);

    // What a restart finds: the file is sound and holds none of the import, not even an account number.
    const db = new Database(join(dataDir, 'wispdesk.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sequences WHERE name = 'account_no'").pluck().get()).toBe(0);
    db.exec("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')");
    db.close();

    // And the office carries on: the app starts on the same file and imports again.
    const second = await startServer(dataDir, false);
    try {
      const retry = await api(second.url, 'customers.importCommit', {
        csv: spreadsheet(3),
        mapping: preview.value.mapping,
      });
      expect(retry).toMatchObject({ ok: true, value: { imported: 3 } });
      const found = (await api(second.url, 'customers.search', { query: '0000002' })) as {
        value: { accountNo: string; name: string }[];
      };
      expect(found.value).toEqual([expect.objectContaining({ accountNo: 'WD-000002', name: 'Customer 2' })]);
      // The killed import is listed as interrupted, not as still running.
      const jobs = (await api(second.url, 'jobs.list', {})) as { value: { status: string; title: string }[] };
      expect(jobs.value.map((j) => j.status)).toEqual(['succeeded', 'interrupted']);
    } finally {
      await stopServer(second.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
