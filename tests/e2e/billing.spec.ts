import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type WispDeskServer } from './fixtures';
import { choose, completeFirstRun, dialog, textbox } from './steps';

// Billing as the operator does it: a run (preview, issue, re-run), a new connection billed at
// once, a plan change now, a credit note, and the invoice's PDF read back with pdftotext.

/** The back end's API with the start-up token, for setting up plans and customers quickly. */
async function api<T>(request: APIRequestContext, server: WispDeskServer, channel: string, input: unknown): Promise<T> {
  const url = new URL(server.url);
  const response = await request.post(`${url.origin}/api/${channel}`, {
    headers: { authorization: `Bearer ${url.searchParams.get('token')}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

interface Created {
  id: number;
  accountNo: string;
  name: string;
}

async function setUp(page: Page, request: APIRequestContext, server: WispDeskServer) {
  await page.goto(server.url);
  await completeFirstRun(page);
  const home = await api<Created>(request, server, 'plans.create', {
    name: 'Home 50',
    downloadKbps: 50_000,
    uploadKbps: 25_000,
    priceMinor: 49_900,
    taxRateBps: 1800,
  });
  const fibre = await api<Created>(request, server, 'plans.create', {
    name: 'Fibre 100',
    downloadKbps: 100_000,
    uploadKbps: 50_000,
    priceMinor: 79_900,
    taxRateBps: 1800,
  });
  const customer = (name: string, user: string, extra: Record<string, unknown> = {}) =>
    api<Created>(request, server, 'customers.create', {
      name,
      phones: ['+91 98220 41234'],
      pppoeUsername: user,
      pppoePassword: 'secret-1',
      planId: home.id,
      accessPoint: 'Tower 1',
      ...extra,
    });
  return { home, fibre, customer };
}

async function openBilling(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
}

async function billNow(page: Page, customerId: number) {
  await page.goto(`${new URL(page.url()).origin}/#/customers/${customerId}`);
  const section = page.getByRole('region', { name: 'Billing', exact: true });
  await section.getByRole('button', { name: 'Bill now' }).click();
  await expect(page.getByText(/^Issued INV/)).toBeVisible();
  await expect(section.getByRole('table', { name: 'Invoices and credit notes' })).toContainText('Invoice');
  return section;
}

test('a billing run: preview, issue, print, and the same date again bills nothing', async ({
  page,
  request,
  server,
}) => {
  const { customer } = await setUp(page, request, server);
  await customer('Asha Kulkarni', 'asha.k');
  await customer('Ravi Deshmukh', 'ravi.d');
  await customer('Meera Joshi', 'meera.j');

  // Alt+B opens Billing; the date is today and the scope everyone.
  await page.keyboard.press('Alt+b');
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Bill as of')).toBeFocused();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  const toIssue = page.getByRole('region', { name: 'Invoices to issue' });
  for (const name of ['Asha Kulkarni', 'Ravi Deshmukh', 'Meera Joshi']) await expect(toIssue).toContainText(name);
  await expect(page.getByRole('region', { name: 'Totals by tax rate' })).toContainText('18%');
  // A row opens its lines.
  await toIssue.getByText('Asha Kulkarni').click();
  await expect(page.getByRole('table', { name: 'Lines for Asha Kulkarni' })).toContainText('Home 50');

  await page.getByRole('button', { name: /^Issue 3 invoices/ }).click();
  await expect(page.getByText('Issued 3 invoices')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/INV\S*–INV\S*/)).toBeVisible();

  // The run's invoices as one PDF opens a tab.
  const popup = page.waitForEvent('popup', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Print all (one PDF)' }).click();
  expect((await popup).url()).toMatch(/^blob:/);

  // …or a ZIP of one PDF per invoice, saved as a file.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Download ZIP' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);

  // View invoices: the list filtered to today's invoices, with the sums above.
  await page.getByRole('link', { name: 'View invoices' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices', level: 2 })).toBeVisible();
  await expect(page.getByText('3 documents in this view')).toBeVisible();
  expect(page.url()).toContain('kind=invoice');

  // The same date again: nothing to bill.
  await openBilling(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('Nothing to bill')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Issue/ })).toHaveCount(0);
});

test('a new connection is billed at once, prorated from its start', async ({ page, request, server }) => {
  const { customer } = await setUp(page, request, server);
  // Billing day 1, starting today: unless today is the 1st, the first period is part of a month.
  const asha = await customer('Asha Kulkarni', 'asha.k', { billingDay: 1 });

  // One customer picked by search in the run wizard.
  await openBilling(page);
  await page.getByText('One customer').click();
  await page.getByRole('combobox', { name: 'Customer' }).fill('Asha');
  await page.getByRole('option', { name: /Asha Kulkarni/ }).click();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const toIssue = page.getByRole('region', { name: 'Invoices to issue' });
  await expect(toIssue).toContainText('Asha Kulkarni');
  await page.getByRole('button', { name: /^Issue 1 invoice\b/ }).click();
  await expect(page.getByText('Issued 1 invoice')).toBeVisible({ timeout: 60_000 });

  await page.goto(`${new URL(page.url()).origin}/#/customers/${asha.id}`);
  const section = page.getByRole('region', { name: 'Billing', exact: true });
  await section.getByRole('table', { name: 'Invoices and credit notes' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^INV/ })).toBeVisible();
  const lines = page.getByRole('table', { name: 'Lines' });
  await expect(lines).toContainText('Home 50');
  const today = new Date();
  if (today.getDate() !== 1) {
    // Prorated: the taxable amount is below the plan's full ₹499.00.
    const taxable = await lines.locator('tbody tr').first().locator('td').nth(4).innerText();
    expect(Number(taxable.replace(/[^\d.]/g, ''))).toBeLessThan(499);
  }
});

test('a plan change now issues a credit note and an invoice on the Billing section', async ({
  page,
  request,
  server,
}) => {
  const { customer } = await setUp(page, request, server);
  const ravi = await customer('Ravi Deshmukh', 'ravi.d');
  const section = await billNow(page, ravi.id);

  await section.getByRole('button', { name: 'Change plan' }).click();
  await choose(page, dialog(page).getByRole('combobox', { name: 'New plan' }), /Fibre 100/);
  await dialog(page).getByText('Now', { exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Change plan' }).click();
  await expect(dialog(page)).toBeHidden();
  const documents = section.getByRole('table', { name: 'Invoices and credit notes' });
  await expect(documents).toContainText('Credit note');
  await expect(documents.getByRole('row', { name: /Invoice/ })).toHaveCount(2);
});

test('a credit note from the invoice, then the invoice PDF read back', async ({ page, request, server }) => {
  const { customer } = await setUp(page, request, server);
  const meera = await customer('Meera Joshi', 'meera.j');
  const section = await billNow(page, meera.id);
  await section.getByRole('table', { name: 'Invoices and credit notes' }).getByRole('link').first().click();
  const heading = page.getByRole('heading', { level: 2, name: /^INV/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).trim();
  const totalRow = await page
    .getByRole('region', { name: 'Totals' })
    .getByText('Total', { exact: true })
    .locator('xpath=..')
    .innerText();
  const total = /₹[\d,.]+/.exec(totalRow)?.[0] ?? 'no total';

  // A credit note for everything left cancels the invoice.
  await page.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(textbox(dialog(page), 'Reason')).toBeFocused();
  await dialog(page).getByRole('button', { name: 'Issue credit note' }).click();
  await expect(dialog(page).getByText(/Say why/)).toBeVisible();
  await textbox(dialog(page), 'Reason').fill('Connection never worked');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  const notes = page.getByRole('region', { name: 'Credit notes' });
  await expect(notes).toContainText('Connection never worked');
  await expect(page.getByText('Cancelled').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue credit note' })).toBeDisabled();

  // The credit note links back to the invoice it credits.
  await notes.getByRole('link').first().click();
  await expect(page.getByText('Credits invoice')).toBeVisible();
  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 2, name: number })).toBeVisible();

  // The invoice's PDF (cancelled, it still prints its number and total) opens in a tab from a Blob URL;
  // the bytes the page got are read back with pdftotext.
  // The page's CSP lets it fetch nothing but the API, so the bytes are taken from the API's answer.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/billing.pdf'), { timeout: 60_000 });
  const popup = page.waitForEvent('popup', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Open PDF' }).click();
  expect((await popup).url()).toMatch(/^blob:/);
  const body = (await (await answer).json()) as { ok: boolean; value: { filename: string; base64: string } };
  expect(body.value.filename).toMatch(/\.pdf$/);
  const base64 = body.value.base64;
  const dir = mkdtempSync(join(tmpdir(), 'wispdesk-pdf-'));
  try {
    const file = join(dir, 'invoice.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text.replace(/\s+/g, ' ')).toContain(total.replace(/^₹/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('charges beyond the plan: one billed now, an add-on and a discount on the next bill, one cancelled', async ({
  page,
  request,
  server,
}) => {
  const { customer } = await setUp(page, request, server);
  const asha = await customer('Asha Kulkarni', 'asha.k');
  await page.goto(`${new URL(page.url()).origin}/#/customers/${asha.id}`);
  const section = page.getByRole('region', { name: 'Billing', exact: true });
  const charges = section.getByRole('table', { name: 'Charges' });

  // A router sold today, invoiced at once; a wrong amount is said under its field first.
  await section.getByRole('button', { name: 'Add one-time charge' }).click();
  await expect(textbox(dialog(page), 'Description')).toBeFocused();
  await textbox(dialog(page), 'Description').fill('Router TP-Link');
  await textbox(dialog(page), 'Amount').fill('12abc');
  await textbox(dialog(page), 'SAC / HSN code').fill('8517');
  await dialog(page).getByText('Bill now').click();
  await dialog(page).getByRole('button', { name: 'Add and issue invoice' }).click();
  await expect(dialog(page).getByText(/is not an amount|letters/)).toBeVisible();
  await textbox(dialog(page), 'Amount').fill('1,499');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText(/^Invoice INV\S+ issued$/)).toBeVisible();
  await expect(charges).toContainText('Router TP-Link');
  await expect(charges.getByRole('link', { name: /^INV/ })).toBeVisible();

  // A static IP add-on and a 10% discount: both on the next bill.
  await section.getByRole('button', { name: 'Add add-on' }).click();
  await textbox(dialog(page), 'Description').fill('Static IP');
  await textbox(dialog(page), 'Price per period').fill('100');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await section.getByRole('button', { name: 'Add discount' }).click();
  await textbox(dialog(page), 'Description').fill('Loyalty');
  await dialog(page).getByText('Percent of the plan').click();
  await textbox(dialog(page), 'Percent').fill('10');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(charges).toContainText('Static IP');
  await expect(charges).toContainText('10%');
  await expect(section.getByRole('table', { name: 'Next bill' })).toContainText('Static IP');

  // The add-on cancelled: gone from the next bill.
  await charges.getByRole('button', { name: 'Cancel Static IP' }).click();
  await dialog(page).getByRole('button', { name: 'Cancel charge' }).click();
  await expect(charges.getByRole('row', { name: /Static IP/ })).toContainText('Cancelled');
  await expect(section.getByRole('table', { name: 'Next bill' })).not.toContainText('Static IP');
});
