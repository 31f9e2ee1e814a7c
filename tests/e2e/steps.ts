import { expect, type Locator, type Page } from '@playwright/test';

/** The open dialog (Mantine modals are role="dialog"). */
export const dialog = (page: Page): Locator => page.getByRole('dialog');

/** A text input by its exact label (Mantine's required asterisk is aria-hidden, so it is not in the name). */
export const textbox = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('textbox', { name, exact: true });

/** Picks an option of a Mantine Select by its visible label. */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).click();
}

export async function completeFirstRun(page: Page, company = 'Sahyadri Airlink'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to WispDesk' })).toBeVisible();
  await textbox(page, 'Company name').fill(company);
  await page.getByLabel('Address').fill('12 FC Road, Pune 411004');
  await page.getByLabel('Phone').fill('+91 20 2553 1100');
  await page.getByLabel('E-mail').fill('office@sahyadri-airlink.in');
  await page.getByLabel('GSTIN / tax ID').fill('27AAPFU0939F1ZV');
  await page.getByLabel('GST state code').fill('27');
  await page.getByLabel('Account number prefix').fill('SA-');
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

export async function openNav(page: Page, name: 'Dashboard' | 'Customers' | 'Plans' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}
