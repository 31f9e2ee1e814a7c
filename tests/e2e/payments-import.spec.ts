import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test, type WispDeskServer } from './fixtures';
import { choose, completeFirstRun } from './steps';

// A bank statement imported as the operator does it: a new bank's columns mapped and saved,
// credits matched by the invoice or account number in the narration, one paired by hand, a debit
// left alone; the receipts in the Payments list, the invoices paid; and the same file again
// recording nothing.

const SHOTS = '/tmp/shots-import';

/** The back end's API with the start-up token, for setting up plans, customers and invoices quickly. */
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

interface Counter {
  balance: number;
  openInvoices: { id: number; number: string }[];
}

function officeDays(timeZone: string) {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const lastMonth = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  return { today, lastMonth };
}

/** The page at two window sizes, light and dark, as the operator would see it. */
async function shoot(page: Page, step: string) {
  const scheme = await page.evaluate<string>(`localStorage.getItem('mantine-color-scheme-value') ?? 'light'`);
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${step}-${width}-${scheme}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Mantine's colour scheme switched in place (as the theme toggle does), kept for a reload. */
const setScheme = (scheme: 'light' | 'dark') =>
  `localStorage.setItem('mantine-color-scheme-value', '${scheme}'); document.documentElement.setAttribute('data-mantine-color-scheme', '${scheme}')`;

/** Screenshots in light and in dark, switched in place: a reload would lose the wizard's state. */
async function shootBoth(page: Page, step: string) {
  await shoot(page, step);
  await page.evaluate(setScheme('dark'));
  await shoot(page, step);
  await page.evaluate(setScheme('light'));
}

/** A credit's row by the file's line number, shown under its date. */
const rowOf = (table: Locator, line: number) =>
  table.getByRole('row').filter({ hasText: new RegExp(`Line ${line}(?!\\d)`) });

test('a bank statement: columns mapped, matches checked, one paired by hand, recorded once', async ({
  page,
  request,
  server,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await completeFirstRun(page);
  const settings = await api<{ timeZone: string }>(request, server, 'settings.get', {});
  const days = officeDays(settings.timeZone);
  const plan = await api<Created>(request, server, 'plans.create', {
    name: 'Home 50',
    downloadKbps: 50_000,
    uploadKbps: 25_000,
    priceMinor: 50_000,
    taxRateBps: 0,
  });
  const owing = async (name: string, user: string, phone: string) => {
    const customer = await api<Created>(request, server, 'customers.create', {
      name,
      phones: [phone],
      pppoeUsername: user,
      pppoePassword: 'secret-1',
      planId: plan.id,
      accessPoint: 'Tower 1',
      billingDay: 1,
      billingStartOn: days.lastMonth,
    });
    await api(request, server, 'billing.run', {
      asOf: days.lastMonth,
      scope: { kind: 'customer', customerId: customer.id },
    });
    const counter = await api<Counter>(request, server, 'payments.counter', { customerId: customer.id });
    expect(counter.balance).toBe(50_000);
    return { ...customer, invoice: counter.openInvoices[0]!.number };
  };
  const asha = await owing('Asha Kulkarni', 'asha.k', '+91 98220 41234');
  const ravi = await owing('Ravi Deshmukh', 'ravi.d', '+91 90110 77865');
  const meera = await owing('Meera Joshi', 'meera.j', '+91 98500 11223');
  const nikhil = await owing('Nikhil More', 'nikhil.m', '+91 97300 44556');

  // The bank's CSV: two rows name an invoice, one an account number, one nothing, one is money out.
  const [y, m, d] = days.today.split('-');
  const on = `${d}/${m}/${y}`;
  const csv = [
    'Value Date,Particulars,Reference,Withdrawal,Deposit',
    `${on},UPI/ASHA KULKARNI/${asha.invoice},UPIREF0000001,,500.00`,
    `${on},NEFT CR-RAVI DESHMUKH-${ravi.invoice} NOV BILL,NEFTUTR000002,,500.00`,
    `${on},IMPS-MEERA JOSHI-${meera.accountNo} MONTHLY,IMPSREF000003,,500.00`,
    `${on},CASH DEPOSIT KOTHRUD BRANCH,CSHDEP0000004,,500.00`,
    `${on},ATM WDL PUNE,ATMWDL0000005,"2,000.00",`,
  ].join('\r\n');
  const file = { name: 'bank-of-pune-nov.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) };

  // From the Payments list's button.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments' }).click();
  await page.getByRole('link', { name: 'Import bank statement' }).click();
  await expect(page.getByRole('heading', { name: 'Import bank statement', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check the statement' })).toBeDisabled();
  await shootBoth(page, '1-empty');

  await page.getByRole('group', { name: 'Statement file' }).locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('statement-filename')).toHaveText('bank-of-pune-nov.csv');
  // No saved layout and no built-in one fits: the columns are mapped from the header.
  await expect(page.getByRole('combobox', { name: 'Statement layout' })).toHaveValue('New layout: map the columns');
  await expect(
    page.getByText('Header on line 1: Value Date, Particulars, Reference, Withdrawal, Deposit'),
  ).toBeVisible();
  await expect(page.getByText('Pick the date column')).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: 'Date column' }), 'Value Date');
  await page.getByText('Credit and debit columns', { exact: true }).click();
  await choose(page, page.getByRole('combobox', { name: 'Credit (deposit) column' }), 'Deposit');
  await choose(page, page.getByRole('combobox', { name: 'Debit (withdrawal) column' }), 'Withdrawal');
  await choose(page, page.getByRole('combobox', { name: 'Narration column' }), 'Particulars');
  await choose(page, page.getByRole('combobox', { name: 'Reference column' }), 'Reference');
  await page.getByRole('textbox', { name: 'Save this layout as' }).fill('Bank of Pune current account');
  await shootBoth(page, '2-layout');

  await page.getByRole('button', { name: 'Check the statement' }).click();
  const counts = page.getByRole('region', { name: 'What the statement holds' });
  await expect(counts).toContainText('Credits4');
  await expect(counts).toContainText('Matched3');
  await expect(counts).toContainText('Unmatched1');
  await expect(counts).toContainText('Debits (not recorded)1');
  const table = page.getByRole('table', { name: 'Statement credits' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(rowOf(table, 2)).toContainText(`Asha Kulkarni (${asha.accountNo})`);
  await expect(rowOf(table, 2)).toContainText(`${asha.invoice} in the narration`);
  await expect(rowOf(table, 3)).toContainText(`${ravi.invoice} in the narration`);
  await expect(rowOf(table, 4)).toContainText(`Meera Joshi (${meera.accountNo})`);
  await expect(rowOf(table, 4)).toContainText(`${meera.accountNo} in the narration`);
  await expect(page.getByTestId('decision-summary')).toHaveText('1 row needs a customer: pick one or Ignore');
  await expect(page.getByRole('button', { name: 'Record 3 payments' })).toBeDisabled();

  // The unmatched filter shows the cash deposit alone; paired by hand with the picker.
  await page.getByText('Unmatched (1)', { exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await shootBoth(page, '3-preview-unmatched');
  const picker = page.getByRole('combobox', { name: 'Customer for line 5' });
  await picker.click();
  await picker.pressSequentially('Nikhil');
  await page.getByRole('option', { name: `Nikhil More (${nikhil.accountNo})` }).click();
  await page.getByText('All (4)', { exact: true }).click();
  await expect(page.getByTestId('decision-summary')).toHaveText('4 payments (₹2,000.00) to record, 0 ignored');
  await shootBoth(page, '4-preview-decided');

  await page.getByRole('button', { name: 'Record 4 payments' }).click();
  const result = page.getByRole('status').filter({ hasText: 'from bank-of-pune-nov.csv' });
  await expect(result).toContainText('Recorded 4 payments from bank-of-pune-nov.csv', { timeout: 60_000 });
  const totals = page.getByRole('region', { name: 'Import totals' });
  await expect(totals).toContainText('Recorded4');
  await expect(totals).toContainText('Total recorded₹2,000.00');
  await expect(totals).toContainText(/ReceiptsRCPT\/\d{2}-\d{2}\/00001 – RCPT\/\d{2}-\d{2}\/00004/);
  await expect(totals).toContainText('Ignored0');
  await shootBoth(page, '5-result');

  // Every invoice is paid, the hand-paired one too.
  for (const customer of [asha, ravi, meera, nikhil]) {
    const counter = await api<Counter>(request, server, 'payments.counter', { customerId: customer.id });
    expect(counter.balance, customer.name).toBe(0);
    expect(counter.openInvoices, customer.name).toHaveLength(0);
  }

  // The Payments list, filtered to the statement's dates, shows the four receipts.
  await page.getByRole('link', { name: 'See these payments' }).click();
  await expect(page.getByRole('heading', { name: 'Payments', level: 2 })).toBeVisible();
  expect(page.url()).toContain(`from=${days.today}&to=${days.today}`);
  await expect(page.getByText('4 entries in this view')).toBeVisible();
  for (const name of ['Asha Kulkarni', 'Ravi Deshmukh', 'Meera Joshi', 'Nikhil More']) {
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }

  // The same file again, from the nav: the saved layout is picked, every credit is already in.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bank import' }).click();
  await page.getByRole('group', { name: 'Statement file' }).locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByRole('combobox', { name: 'Statement layout' })).toHaveValue('Bank of Pune current account');
  await page.getByRole('button', { name: 'Check the statement' }).click();
  await expect(counts).toContainText('Already in4');
  await expect(counts).toContainText('Matched0');
  await expect(table.getByRole('row').filter({ hasText: 'Already imported' })).toHaveCount(4);
  await expect(page.getByTestId('decision-summary')).toHaveText('Nothing new: every credit is already in WispDesk');
  await shootBoth(page, '6-again-preview');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(result).toContainText('Nothing recorded from bank-of-pune-nov.csv');
  await expect(totals).toContainText('Recorded0');
  await expect(totals).toContainText('Already in4');
  await shootBoth(page, '7-again-result');
  const counter = await api<Counter>(request, server, 'payments.counter', { customerId: asha.id });
  expect(counter.balance).toBe(0);
});

test('a statement missing a mapped column is refused with the columns it has', async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await completeFirstRun(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bank import' }).click();
  await page
    .getByRole('group', { name: 'Statement file' })
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'hdfc-wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Date,Narration,Deposit Amt.\r\n01/11/26,UPI-RAHUL,499.00\r\n'),
    });
  // Pick the HDFC layout by hand: its letterhead of 5 lines is not in this file.
  await choose(page, page.getByRole('combobox', { name: 'Start from' }), 'HDFC Bank');
  await expect(page.getByText('No header row after 5 lines')).toBeVisible();
  await page.getByRole('textbox', { name: 'Lines before the header' }).fill('0');
  // Its debit and reference columns are not in this file's header: said beside the fields.
  await expect(page.getByText("Not in this file's header")).toHaveCount(2);
  await page.getByRole('button', { name: 'Check the statement' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The statement could not be read' });
  await expect(refusal).toContainText('"Withdrawal Amt." (the debit');
  await expect(refusal).toContainText('"Date", "Narration", "Deposit Amt."');
  await shootBoth(page, '8-missing-column');
});
