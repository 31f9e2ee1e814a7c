import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { openNav } from './steps';

test.use({ demo: true, viewport: { width: 1024, height: 700 } });

test('Export Excel downloads the customer list as a workbook', async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Customers');
  await expect(page.getByText(/^1–50 of \d+ customers$/)).toBeVisible();
  const shown = Number((await page.getByText(/^1–50 of \d+ customers$/).innerText()).match(/of (\d+)/)?.[1]);

  const exportButton = page.getByRole('button', { name: 'Export Excel (.xlsx)' });
  await expect(exportButton).toBeInViewport();
  const download = page.waitForEvent('download');
  await exportButton.click();
  expect((await download).suggestedFilename()).toMatch(/^customers-.+\.xlsx$/);
  const file = await readFile(await (await download).path());
  expect(file.length).toBeGreaterThan(0);

  const parts = unzipSync(new Uint8Array(file));
  expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<sheet ');
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
  // The header row and one row per listed customer.
  expect(sheet.match(/<row /g)).toHaveLength(shown + 1);
  await expect(page.getByText(`Exported ${shown} customers`, { exact: false })).toBeVisible();
});
