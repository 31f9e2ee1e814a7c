import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, machineTimeZone, todayIn } from '../../src-shared/dates';
import { expect, test, type WispDeskServer } from './fixtures';
import { completeFirstRun, dialog, textbox } from './steps';

// What the office reads about money at the end of the day and the end of the month: the day book
// closed against the cash counted, dues by age with who is to be suspended (CSV and reminder
// letters), and the receipt settings.

/** The back end's API with the start-up token, for setting up plans, customers and payments quickly. */
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
  let n = 0;
  const customer = (name: string, extra: Record<string, unknown> = {}) =>
    api<Created>(request, server, 'customers.create', {
      name,
      phones: [`+91 98220 4${String(1000 + ++n)}`],
      pppoeUsername: `user.${n}`,
      pppoePassword: 'secret-1',
      planId: home.id,
      accessPoint: 'Tower 1',
      ...extra,
    });
  return { customer };
}

/** Reads a PDF's bytes back as text with pdftotext. */
function pdfText(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wispdesk-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the day book: totals by method, the drawer counted ₹10 short and closed, then nothing dated into it', async ({
  page,
  request,
  server,
}) => {
  const { customer } = await setUp(page, request, server);
  const asha = await customer('Asha Kulkarni');
  const ravi = await customer('Ravi Deshmukh');
  const pay = (customerId: number, amount: number, method: string, reference = '') =>
    api(request, server, 'payments.record', { customerId, amount, method, reference });
  await pay(asha.id, 50_000, 'cash');
  await pay(ravi.id, 30_000, 'cash');
  await pay(ravi.id, 49_900, 'upi', 'UPI412233445566');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Day book' }).click();
  await expect(page.getByRole('heading', { name: 'Day book', level: 2 })).toBeVisible();
  const payments = page.getByRole('table', { name: 'Payments of the day' });
  await expect(payments.getByRole('row')).toHaveCount(4);
  await expect(payments).toContainText('UPI412233445566');
  await expect(payments).toContainText('Asha Kulkarni');

  const byMethod = page.getByRole('region', { name: 'Totals by method' });
  await expect(byMethod).toContainText(/Cash\s*× 2\s*₹800\.00/);
  await expect(byMethod).toContainText(/UPI\s*× 1\s*₹499\.00/);
  await expect(byMethod).toContainText(/Received\s*₹1,299\.00/);

  // No day was closed before: the float starts at nothing; ₹1,000 typed makes ₹1,800 expected.
  const drawer = page.getByRole('region', { name: 'Cash drawer' });
  const float = textbox(drawer, 'Opening float');
  await expect(float).toHaveValue('0.00');
  await expect(drawer.getByTestId('cash-expected')).toHaveText('₹800.00');
  await float.fill('1000');
  await expect(drawer.getByTestId('cash-expected')).toHaveText('₹1,800.00');

  // Closing without a count is refused under the field.
  await drawer.getByRole('button', { name: 'Close day' }).click();
  await expect(textbox(drawer, 'Cash counted')).toHaveAccessibleDescription(/is required/);
  await textbox(drawer, 'Cash counted').fill('1,790');
  await expect(drawer.getByText('Difference: −₹10.00 short')).toBeVisible();
  await textbox(drawer, 'Note').fill('₹10 given as change');
  await drawer.getByRole('button', { name: 'Close day' }).click();
  await expect(dialog(page)).toContainText('Nothing can be dated into');
  await dialog(page).getByRole('button', { name: 'Close the day' }).click();
  await expect(dialog(page)).toBeHidden();

  await expect(drawer.getByTestId('close-difference')).toHaveText('−₹10.00 short');
  await expect(drawer.getByText('Closed', { exact: true })).toBeVisible();
  await expect(drawer.getByRole('region', { name: 'Day closed' })).toContainText(/Counted\s*₹1,790\.00/);
  await expect(float).toHaveAttribute('readonly', '');
  await expect(textbox(drawer, 'Cash counted')).toHaveAttribute('readonly', '');
  await expect(drawer.getByRole('button', { name: 'Close day' })).toHaveCount(0);

  // The day book prints, closed, with the count and the shortfall; read back from the API's answer.
  const printed = page.waitForResponse((r) => r.url().endsWith('/api/payments.dayBookPdf'), { timeout: 60_000 });
  const popup = page.waitForEvent('popup', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Print' }).click();
  expect((await popup).url()).toMatch(/^blob:/);
  const pdf = (await (await printed).json()) as { ok: boolean; value: { base64: string } };
  const text = pdfText(pdf.value.base64).replace(/\s+/g, ' ');
  expect(text).toContain('RCPT/');
  expect(text).toContain('UPI412233445566');
  expect(text).toMatch(/Cash counted ₹1,790\.00/);
  expect(text).toContain('Short by ₹10.00');

  // A payment dated into the closed day is refused, saying so.
  const today = todayIn(machineTimeZone());
  await expect(
    api(request, server, 'payments.record', { customerId: asha.id, amount: 10_000, method: 'cash', receivedOn: today }),
  ).rejects.toThrow(/is closed in the day book/);

  // Tomorrow cannot be closed yet: the back end's refusal is shown as it says it.
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page).toHaveURL(new RegExp(`day=${addDays(today, -1)}`));
  await expect(page.getByText('No payments were dated into this day.')).toBeVisible();
  await page.getByLabel('Day', { exact: true }).fill(addDays(today, 1));
  await textbox(drawer, 'Cash counted').fill('0');
  await drawer.getByRole('button', { name: 'Close day' }).click();
  await dialog(page).getByRole('button', { name: 'Close the day' }).click();
  await expect(page.getByRole('alert')).toContainText('has not come yet: close a day at its end');
});

/** The latest day in [from, to] whose day of the month can be a billing day (1–28). */
function billableDay(from: string, to: string): string {
  for (let d = to; d >= from; d = addDays(d, -1)) if (Number(d.slice(8, 10)) <= 28) return d;
  throw new Error(`no day 1–28 between ${from} and ${to}`);
}

test('dues by age: bucket totals, to suspend, the CSV and the reminder letters', async ({ page, request, server }) => {
  const { customer } = await setUp(page, request, server);
  const today = todayIn(machineTimeZone());
  // Each customer starts on their billing day and is billed for that one month in advance as of
  // that day: one invoice of ₹499 + 18% = ₹588.82, due 7 days later, so it falls in the bucket named.
  const owing: { name: string; start: string }[] = [
    { name: 'Old Overdue', start: billableDay(addDays(today, -130), addDays(today, -100)) },
    { name: 'Mid Overdue', start: billableDay(addDays(today, -65), addDays(today, -40)) },
    { name: 'Recent Overdue', start: billableDay(addDays(today, -35), addDays(today, -10)) },
    { name: 'Due Soon', start: billableDay(addDays(today, -6), today) },
  ];
  const made: Created[] = [];
  for (const o of owing) {
    const c = await customer(o.name, { billingStartOn: o.start, billingDay: Number(o.start.slice(8, 10)) });
    await api(request, server, 'billing.run', { asOf: o.start, scope: { kind: 'customer', customerId: c.id } });
    made.push(c);
  }
  // Someone who paid everything owes nothing and is not listed.
  const paid = await customer('Paid Up', {
    billingStartOn: owing[2].start,
    billingDay: Number(owing[2].start.slice(8, 10)),
  });
  await api(request, server, 'billing.run', { asOf: owing[2].start, scope: { kind: 'customer', customerId: paid.id } });
  await api(request, server, 'payments.record', { customerId: paid.id, amount: 58_882, method: 'cash' });

  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('heading', { name: 'Dues', level: 2 })).toBeVisible();
  const buckets = page.getByRole('group', { name: 'Dues by age' });
  for (const b of ['due_soon', 'd0_30', 'd31_60', 'd90_plus']) {
    await expect(buckets.getByTestId(`bucket-${b}`)).toHaveText('₹588.82');
  }
  await expect(buckets.getByTestId('bucket-d61_90')).toHaveText('₹0.00');
  // Over 30 days overdue (the default): the old and the middle one.
  await expect(buckets.getByTestId('to-suspend-count')).toHaveText('2');
  const table = page.getByRole('table', { name: 'Customers who owe' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(table).not.toContainText('Paid Up');

  // A card filters; pressing it again shows everyone.
  await buckets.getByRole('button', { name: /^90\+ days/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Old Overdue');
  expect(page.url()).toContain('bucket=d90_plus');
  await buckets.getByRole('button', { name: /^90\+ days/ }).click();
  await expect(rows).toHaveCount(4);

  // To suspend only: the two, each with its red badge and why.
  await page.getByRole('switch', { name: 'To suspend only' }).check();
  await expect(rows).toHaveCount(2);
  for (const name of ['Old Overdue', 'Mid Overdue']) {
    const row = rows.filter({ hasText: name });
    await expect(row).toContainText('To suspend');
    await expect(row).toContainText(/overdue \d+ days/);
  }

  // The CSV has the same two rows.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`dues-${today}.csv`);
  const csv = readFileSync(await file.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toContain('Account,Name,Phone');
  expect(csv).toHaveLength(3);
  expect(csv[1]).toContain(made[0].accountNo);
  expect(csv[1]).toContain('Old Overdue');
  expect(csv[1]).toMatch(/588\.82.*overdue \d+ days/);
  expect(csv[2]).toContain('Mid Overdue');

  // A row opens its customer.
  await rows.filter({ hasText: 'Mid Overdue' }).getByText('Mid Overdue').click();
  await expect(page.getByRole('heading', { name: 'Mid Overdue', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(rows).toHaveCount(2);

  // Reminder letters for the list: a job with progress, then the PDF, read back.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/payments.remindersPdf'), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Reminder letters (2)' }).click();
  const body = (await (await answer).json()) as {
    ok: boolean;
    value?: { filename: string; base64: string; count: number };
  };
  expect(body.ok).toBe(true);
  expect(body.value?.count).toBe(2);
  const text = pdfText(body.value?.base64 ?? '');
  expect(text).toContain('Old Overdue');
  expect(text).toContain('Mid Overdue');
  expect(text).not.toContain('Recent Overdue');

  // One customer's letter from their row.
  const one = page.waitForResponse((r) => r.url().endsWith('/api/payments.remindersPdf'), { timeout: 60_000 });
  await rows
    .filter({ hasText: 'Mid Overdue' })
    .getByRole('button', { name: 'Reminder letter for Mid Overdue' })
    .click();
  const letter = (await (await one).json()) as { ok: boolean; value: { base64: string; count: number } };
  expect(letter.value.count).toBe(1);
  const oneText = pdfText(letter.value.base64);
  expect(oneText).toContain('Mid Overdue');
  expect(oneText).not.toContain('Old Overdue');
});

test('the receipt settings save, and a receipt prefix too long for GST is refused under its field', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await completeFirstRun(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Receipts and collections' });
  await expect(section).toBeVisible();
  await expect(page.getByTestId('receipts-example')).toHaveText(/^RCPT\/\d\d-\d\d\/00001$/);

  const prefix = textbox(section, 'Receipt prefix');
  await prefix.fill('SAHYADRI/{FY}/');
  await expect(section.getByText('(20 of at most 16 characters)')).toBeVisible();
  await textbox(section, 'Bounced cheque charge').fill('350');
  await section.getByText('80 mm roll').click();
  await textbox(section, 'Suspend after').fill('45');
  await textbox(section, 'Remind prepaid customers').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  await expect(prefix).toHaveAccessibleDescription(/receipt numbers like .*\(20 characters\): GST allows at most 16/);
  await expect(prefix).toBeFocused();

  await prefix.fill('RC/{FY}/');
  await expect(page.getByTestId('receipts-example')).toHaveText(/^RC\/\d\d-\d\d\/00001$/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await page.reload();
  await expect(textbox(section, 'Receipt prefix')).toHaveValue('RC/{FY}/');
  await expect(textbox(section, 'Bounced cheque charge')).toHaveValue('350.00');
  await expect(section.getByRole('radio', { name: '80 mm roll' })).toBeChecked();
  await expect(textbox(section, 'Suspend after')).toHaveValue('45');
  await expect(textbox(section, 'Remind prepaid customers')).toHaveValue('5');
});
