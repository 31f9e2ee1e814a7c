import { expect, test } from './fixtures';
import { completeFirstRun, openNav } from './steps';

test('a new office sees helpful empty states everywhere', async ({ page, server }) => {
  await page.goto(server.url);
  await completeFirstRun(page);

  // Dashboard: no counts to show yet, but both ways to get customers in.
  await expect(page.getByText('No customers yet — add one or import a spreadsheet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New customer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import CSV' })).toBeVisible();

  await openNav(page, 'Customers');
  await expect(page.getByText('No customers yet — add one or import a spreadsheet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

  await openNav(page, 'Plans');
  await expect(page.getByText('No plans yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New plan' })).toBeVisible();

  // The search box says plainly that nothing matches.
  await page.getByLabel('Search customers').fill('nobody');
  await expect(page.getByText('No customer matches “nobody”')).toBeVisible();

  // Settings keep what first-run saved.
  await openNav(page, 'Settings');
  await expect(page.getByLabel('Company name')).toHaveValue('Sahyadri Airlink');
  await expect(page.getByLabel('GSTIN / tax ID')).toHaveValue('27AAPFU0939F1ZV');
});
