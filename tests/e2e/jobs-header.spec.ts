// A long write is visible from anywhere in the app: the header shows the running job with its
// progress, and how the last one failed (a job is a row, so still after a reload) until dismissed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './fixtures';

const ROWS = 40_000;

test('the header shows an import another window runs, and a failed one across reloads until dismissed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-jobs-'));
  const server = await startServer(dataDir, false);
  const { origin, searchParams } = new URL(server.url);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` };
  const call = async (channel: string, input: unknown) =>
    (await (
      await fetch(`${origin}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) })
    ).json()) as {
      ok: boolean;
      value: { mapping: object };
    };
  try {
    await call('settings.save', { companyName: 'Busy Hills Broadband' });
    const lines = ['name,phone,pppoe_username'];
    for (let i = 1; i <= ROWS; i++) lines.push(`Subscriber ${i},96${String(i).padStart(8, '0')},s${i}`);
    const csv = lines.join('\n');
    const { mapping } = (await call('customers.importPreview', { csv })).value;

    // Another window (here: the API) starts a long import; then the operator opens WispDesk.
    const importing = call('customers.importCommit', { csv, mapping, fileName: 'subscribers.csv' });
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    const running = page.getByRole('status', { name: /Import of subscribers\.csv — [\d,]+ of 40,000/ });
    await expect(running).toBeVisible();
    expect((await importing).ok).toBe(true);
    await expect(running).toBeHidden();
    await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);

    // An import refused as a whole (a taken username) is shown in the header until dismissed.
    const refused = await call('customers.importCommit', {
      csv: 'name,phone,pppoe_username\nTaken Again,9600000001,s1\n',
      mapping,
      fileName: 'again.csv',
    });
    expect(refused.ok).toBe(false);
    const failed = page.getByRole('banner').getByRole('alert');
    await expect(failed).toContainText('Import of again.csv failed');
    await page.reload();
    await expect(failed).toContainText('Import of again.csv failed');
    await failed.getByRole('button', { name: 'Dismiss' }).click();
    await expect(failed).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);
  } finally {
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
