import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { choose, openNav, textbox } from './steps';

test.use({ demo: true });

test('the demo ISP shows about 300 customers, paged on the server', async ({ page, server }) => {
  await page.goto(server.url);
  // The dashboard counts current customers and the archived apart; together they are everyone.
  const cardCount = async (label: string) => {
    const card = page.getByRole('link', { name: new RegExp(`^${label}: \\d+$`) });
    await expect(card).toBeVisible();
    return Number((await card.getAttribute('aria-label'))?.replace(/\D/g, ''));
  };
  const count = (await cardCount('Current customers')) + (await cardCount('Archived'));
  expect(count).toBeGreaterThanOrEqual(250);
  expect(count).toBeLessThanOrEqual(350);

  await openNav(page, 'Customers');
  const rows = page.locator('table tbody tr');
  await expect(page.getByText(/^1–50 of \d+ customers$/)).toBeVisible();
  await expect(rows).toHaveCount(50);
  const firstOnPageOne = await rows.first().locator('td').first().innerText();

  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByText(/^51–100 of \d+ customers$/)).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.first().locator('td').first()).not.toHaveText(firstOnPageOne);

  // Everyone, archived too: the total matches the dashboard.
  await choose(page, page.getByRole('combobox', { name: 'Status', exact: true }), 'All, with archived');
  await expect(page.getByText(`1–50 of ${count} customers`)).toBeVisible();

  // Sorting by name happens on the server and starts again at page one.
  await page
    .locator('thead th')
    .filter({ hasText: /^Name$/ })
    .click();
  const nameCells = rows.locator('td:nth-child(2)');
  const sortedByName = async () => {
    const names = (await nameCells.allInnerTexts()).map((n) => n.toLowerCase());
    return names.length === 50 && names.every((name, i) => i === 0 || names[i - 1] <= name);
  };
  await expect.poll(sortedByName).toBe(true);
  await expect(page.getByText(`1–50 of ${count} customers`)).toBeVisible();

  // The filter narrows the list on the server; Export CSV downloads exactly what is listed.
  await textbox(page, 'Filter').fill('patil');
  const filtered = page.getByText(/^1–\d+ of \d+ customers$/);
  await expect(filtered).not.toHaveText(`1–50 of ${count} customers`);
  const shown = Number((await filtered.innerText()).match(/of (\d+)/)?.[1]);
  expect(shown).toBeGreaterThan(0);
  await expect(rows.first()).toContainText(/patil/i);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  expect(csv.trim().split('\n')).toHaveLength(shown + 1);
  expect(csv.toLowerCase()).toContain('patil');
  await textbox(page, 'Filter').fill('');
  await expect(page.getByText(`1–50 of ${count} customers`)).toBeVisible();
  await expect.poll(sortedByName).toBe(true);

  // A row opens the customer.
  const firstName = await nameCells.first().innerText();
  await rows.first().click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: firstName })).toBeVisible();
});
