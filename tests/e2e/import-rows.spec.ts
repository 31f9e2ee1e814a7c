// The import as the operator reads it: rows numbered as the spreadsheet numbers them, a button
// that says what it will do, the rows to fix as a file, and a re-import that skips customers
// already in WispDesk.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { completeFirstRun, dialog, openNav } from './steps';
import type { Page } from '@playwright/test';

const HEADER = 'Name,Mobile,Address,PPPoE user,Area';

async function chooseCsv(page: Page, name: string, lines: string[]) {
  await dialog(page)
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') });
}

/** The dialog's own button, scrolled to first: it sits below a long preview. */
async function press(page: Page, name: string) {
  const button = dialog(page).getByRole('button', { name });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

async function openImport(page: Page) {
  await openNav(page, 'Customers');
  // An empty list offers it twice: in the toolbar and in the empty state.
  await page.getByRole('button', { name: 'Import CSV' }).first().click();
}

test('import rows counted as spreadsheet rows', async ({ page, server }) => {
  await page.goto(server.url);
  await completeFirstRun(page);
  await openImport(page);
  // Row 3 has an address on three lines: the bad row starts on text line 6 but is the spreadsheet's row 4.
  await chooseCsv(page, 'walk-ins.csv', [
    HEADER,
    'Asha Kulkarni,98220 41234,"Kothrud, Pune",asha.k,West',
    'Ravi Deshmukh,+91-90110-77865,"Flat 4,\nShanti Apartments,\nKothrud",ravi.d,West',
    'Nikhil More,12345,Baner,nikhil.m,North',
  ]);
  const problems = dialog(page).getByRole('table', { name: 'Rows with errors' });
  const nikhil = problems.getByRole('row', { name: /Nikhil More/ });
  await expect(nikhil.getByRole('cell').first()).toHaveText('4');
  await expect(nikhil).toContainText('Phone: must be a phone number');
  await expect(dialog(page).getByText('3 rows: 2 new customers, 1 to fix')).toBeVisible();
  await expect(dialog(page).getByText('Fix 1 row, or import the 2 good ones.')).toBeVisible();

  // A column WispDesk has no field for is named, not dropped silently.
  await expect(dialog(page).getByLabel('Columns not imported')).toContainText('Not imported: Area');

  // The good rows as they will be saved: the phone in the form WispDesk shows it.
  const samples = dialog(page).getByRole('table', { name: 'As they will be saved' });
  await expect(samples.getByRole('row', { name: /Ravi Deshmukh/ })).toContainText('90110 77865');
  await expect(samples.getByRole('row', { name: /Ravi Deshmukh/ })).toContainText('PPPoE ravi.d');

  // The row to fix, as it was, with its problem, to fix in a spreadsheet and import again.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'Download the row to fix (CSV)')]);
  expect(download.suggestedFilename()).toBe('walk-ins-rows-to-fix.csv');
  const toFix = readFileSync((await download.path())!, 'utf8');
  expect(toFix).toContain(`${HEADER},Problem`);
  // The bare number keeps its digits as text in a spreadsheet; the import takes the quote off again.
  expect(toFix).toMatch(/Nikhil More,'12345,Baner,nikhil\.m,North,"Row 4: Mobile: must be a phone number/);

  await press(page, 'Import the 2 good ones');
  await expect(page.getByText('Imported 2 customers, skipped 1 row')).toBeVisible();
  await expect(page.getByText('1–2 of 2 customers')).toBeVisible();
});

test('a re-import skips the customers already in WispDesk, and the button counts one customer as one', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await completeFirstRun(page);
  const first = [
    HEADER,
    'Asha Kulkarni,98220 41234,Kothrud,asha.k,West',
    'Ravi Deshmukh,90110 77865,Baner,ravi.d,West',
    'Meena Joshi,98220 00102,Aundh,meena.j,North',
  ];
  await openImport(page);
  await chooseCsv(page, 'customers.csv', first);
  await press(page, 'Import 3 customers');
  await expect(page.getByText('Imported 3 customers')).toBeVisible();
  await expect(dialog(page)).toBeHidden();

  // The same spreadsheet again, with one new customer: the three are already in, not errors.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  // Meena has a new PPPoE username in it: her name and phone still say she is in.
  const again = [...first.slice(0, 3), 'Meena Joshi,098220 00102,Aundh,meena.joshi,North'];
  await chooseCsv(page, 'customers.csv', [...again, 'Sunil Pawar,98220 00101,Wakad,sunil.p,West']);
  await expect(dialog(page).getByText('4 rows: 1 new customer, 3 already in WispDesk')).toBeVisible();
  await expect(dialog(page).getByRole('table', { name: 'Rows with errors' })).toHaveCount(0);
  const alreadyIn = dialog(page).getByRole('table', { name: 'Rows already in WispDesk' });
  await expect(alreadyIn.getByRole('row', { name: /Meena Joshi/ })).toContainText('SA-000003 Meena Joshi');
  await expect(alreadyIn.getByRole('row')).toHaveCount(4);
  await press(page, 'Import 1 customer');
  await expect(page.getByText('Imported 1 customer; 3 already in WispDesk')).toBeVisible();
  await expect(page.getByText('1–4 of 4 customers')).toBeVisible();
});
