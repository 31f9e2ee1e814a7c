import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page, Response } from '@playwright/test';
import { expect, test, type WispDeskServer } from './fixtures';
import { choose, completeFirstRun, dialog, textbox } from './steps';

// Payments as the operator takes them: a cash payment at the counter with only the keyboard and
// its 80 mm receipt read back with pdftotext, a partial payment, an overpayment that the next
// billing run uses, and a cheque that bounces.

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

/** Today and the first days of this month and the last, in the office's time zone. */
function officeDays(timeZone: string) {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
  return { today, thisMonth: first(y, m), lastMonth: m === 1 ? first(y - 1, 12) : first(y, m - 1) };
}

/**
 * The company, a ₹500 plan without tax, and a customer billed monthly from the 1st of last
 * month with last month's invoice issued: they owe exactly ₹500.00.
 */
async function setUp(
  page: Page,
  request: APIRequestContext,
  server: WispDeskServer,
  settings: Record<string, unknown> = {},
) {
  await page.goto(server.url);
  await completeFirstRun(page);
  const current = await api<Record<string, unknown>>(request, server, 'settings.get', {});
  const { configured: _c, logoSha256: _l, signatureSha256: _s, ...input } = current;
  await api(request, server, 'settings.save', { ...input, ...settings });
  const days = officeDays(current.timeZone as string);
  const plan = await api<Created>(request, server, 'plans.create', {
    name: 'Home 50',
    downloadKbps: 50_000,
    uploadKbps: 25_000,
    priceMinor: 50_000,
    taxRateBps: 0,
  });
  const owing = async (name: string, user: string) => {
    const customer = await api<Created>(request, server, 'customers.create', {
      name,
      phones: ['+91 98220 41234'],
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
    return customer;
  };
  // Settings saved behind the page's back: it reads them again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return { days, plan, owing };
}

async function openCounterFor(page: Page, name: string) {
  await page.keyboard.press('Alt+p');
  await expect(page.getByRole('heading', { name: 'Counter', level: 2 })).toBeVisible();
  const search = page.getByRole('textbox', { name: 'Find the customer' });
  await expect(search).toBeFocused();
  await search.pressSequentially(name.split(' ')[0] ?? name);
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Customer at the counter' })).toContainText(name);
}

const amountBox = (page: Page) => textbox(page, 'Amount received');

/** The PDF bytes the page got from the API (its CSP fetches no blob:), as pdftotext reads them. */
async function pdfText(response: Response): Promise<string> {
  const body = (await response.json()) as { ok: boolean; value: { filename: string; base64: string } };
  expect(body.ok).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'wispdesk-receipt-'));
  try {
    const file = join(dir, body.value.filename.replace(/[^\w.-]/g, '_'));
    writeFileSync(file, Buffer.from(body.value.base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a cash payment at the counter with only the keyboard, and its 80 mm receipt read back', async ({
  page,
  request,
  server,
}) => {
  const { owing } = await setUp(page, request, server, { receiptFormat: 'thermal80' });
  const asha = await owing('Asha Kulkarni', 'asha.k');

  await openCounterFor(page, 'Asha Kulkarni');
  const counter = page.getByRole('region', { name: 'Customer at the counter' });
  await expect(counter).toContainText(asha.accountNo);
  await expect(page.getByTestId('counter-balance')).toHaveText('Owes ₹500.00');
  await expect(page.getByRole('table', { name: 'Open invoices' })).toContainText('INV/');
  // The amount is what is due, ready to be typed over.
  await expect(amountBox(page)).toBeFocused();
  await expect(amountBox(page)).toHaveValue('500.00');
  await page.keyboard.type('500');

  // Enter saves, and the receipt opens in the format Settings name: the 80 mm roll.
  const receipt = page.waitForResponse((r) => r.url().endsWith('/api/payments.receiptPdf'), { timeout: 60_000 });
  const asked = receipt.then((r) => r.request().postDataJSON() as { format: string });
  await page.keyboard.press('Enter');
  const done = page.getByRole('region', { name: 'Payment saved' });
  await expect(done).toContainText(/Receipt RCPT\/\d{2}-\d{2}\/\d{5}/);
  await expect(done).toContainText('₹500.00 cash');
  await expect(page.getByTestId('balance-after')).toHaveText('Nothing owed');
  const number = /RCPT\/\d{2}-\d{2}\/\d{5}/.exec(await done.innerText())?.[0] ?? 'no receipt number';
  expect((await asked).format).toBe('thermal80');
  const text = await pdfText(await receipt);
  expect(text).toContain(number);
  expect(text).toContain('500.00');
  expect(text).toContain('Asha Kulkarni');

  // New payment (focused after saving) puts the keyboard back in the search.
  await expect(done.getByRole('button', { name: 'New payment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Find the customer' })).toBeFocused();

  // The payment is in the list, and opens.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { name: 'Payments', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Totals of these payments' })).toContainText('₹500.00');
  // Filtered by method, in the address like the Invoices list.
  await choose(page, page.getByRole('combobox', { name: 'Method' }), 'UPI');
  await expect(page.getByText('No payments match these filters')).toBeVisible();
  expect(page.url()).toContain('method=upi');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Counter', level: 2 })).toBeVisible();
  await page.goForward();
  await expect(page.getByText('No payments match these filters')).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: 'Method' }), 'Cash');
  await page.getByText(number).click();
  await expect(page.getByRole('heading', { name: number, level: 2 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Allocations' })).toContainText('Paid at the counter');
});

test('a partial payment leaves the invoice partly paid and the rest owed', async ({ page, request, server }) => {
  const { owing } = await setUp(page, request, server);
  const ravi = await owing('Ravi Deshmukh', 'ravi.d');

  await openCounterFor(page, 'Ravi Deshmukh');
  await amountBox(page).fill('200');
  // Oldest first: the preview says what goes on the invoice.
  await expect(page.getByRole('table', { name: 'Open invoices' })).toContainText('₹200.00');
  await page.keyboard.press('Enter');
  const done = page.getByRole('region', { name: 'Payment saved' });
  await expect(done).toContainText('₹200.00 cash');
  await expect(done.getByRole('list', { name: 'Put on invoices' })).toContainText('₹200.00 on INV/');
  await expect(page.getByTestId('balance-after')).toHaveText('Owes ₹300.00');

  // On the customer's page: the invoice is partly paid, the balance the same everywhere.
  await page.goto(`${new URL(page.url()).origin}/#/customers/${ravi.id}`);
  await expect(page.getByTestId('customer-balance')).toHaveText('Owes ₹300.00');
  const billing = page.getByRole('region', { name: 'Billing', exact: true });
  await expect(billing.getByText('Owes ₹300.00')).toBeVisible();
  await expect(billing.getByRole('table', { name: 'Invoices and credit notes' })).toContainText('Partly paid');
  await expect(page.getByTestId('statement-closing')).toHaveText('₹300.00');

  // Take payment from the customer's page opens the counter with them, the rest prefilled.
  await page.getByRole('region', { name: 'Payments' }).getByRole('link', { name: 'Take payment' }).click();
  await expect(page.getByRole('region', { name: 'Customer at the counter' })).toContainText('Ravi Deshmukh');
  await expect(amountBox(page)).toHaveValue('300.00');
});

test('an overpayment is credit, and the next billing run uses it', async ({ page, request, server }) => {
  const { owing, days } = await setUp(page, request, server);
  const meera = await owing('Meera Joshi', 'meera.j');

  await openCounterFor(page, 'Meera Joshi');
  await amountBox(page).fill('800');
  await expect(page.getByTestId('allocation-summary')).toHaveText('₹300.00 becomes credit for the next invoices');
  await page.keyboard.press('Enter');
  const done = page.getByRole('region', { name: 'Payment saved' });
  await expect(done).toContainText('₹300.00 is kept as credit');
  await expect(page.getByTestId('balance-after')).toHaveText('In credit ₹300.00');

  // The next run, through the Billing page, bills this month; the credit goes on the new invoice.
  await page.keyboard.press('Alt+b');
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
  await page.getByLabel('Bill as of').fill(days.today);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Invoices to issue' })).toContainText('Meera Joshi');
  await page.getByRole('button', { name: /^Issue 1 invoice\b/ }).click();
  await expect(page.getByText('Issued 1 invoice')).toBeVisible({ timeout: 60_000 });

  await page.goto(`${new URL(page.url()).origin}/#/customers/${meera.id}`);
  const documents = page.getByRole('region', { name: 'Billing', exact: true }).getByRole('table', {
    name: 'Invoices and credit notes',
  });
  // Last month's invoice paid at the counter, this month's partly paid from the credit.
  await expect(documents.getByRole('row', { name: /Invoice/ })).toHaveCount(2);
  await expect(documents.getByRole('row', { name: /\bPaid\b/ })).toHaveCount(1);
  await expect(documents.getByRole('row', { name: /Partly paid/ })).toHaveCount(1);
  await expect(page.getByTestId('customer-balance')).toHaveText('Owes ₹200.00');
  const statement = page.getByRole('table', { name: 'Statement entries' });
  await expect(statement.getByRole('row', { name: /Invoice/ })).toHaveCount(2);
  await expect(page.getByTestId('statement-closing')).toHaveText('₹200.00');

  // The payment says where its money went, the credit applied included.
  await page.getByRole('table', { name: "Customer's payments" }).getByRole('link').first().click();
  const allocations = page.getByRole('table', { name: 'Allocations' });
  await expect(allocations).toContainText('Paid at the counter');
  await expect(allocations).toContainText('Applied from credit');
  await expect(allocations).toContainText('₹300.00');
});

test('a cheque recorded, then reversed as bounced: the invoice is unpaid again and the charge added', async ({
  page,
  request,
  server,
}) => {
  const { owing } = await setUp(page, request, server, { bouncedChequeChargeMinor: 25_000 });
  const vijay = await owing('Vijay Patil', 'vijay.p');

  await openCounterFor(page, 'Vijay Patil');
  await page.getByText('Cheque', { exact: true }).click();
  // A cheque needs its number and bank: said under each field.
  await page.getByRole('button', { name: 'Save and print receipt' }).click();
  await expect(page.getByText('Type the cheque number')).toBeVisible();
  await expect(page.getByText('Type the bank the cheque is drawn on')).toBeVisible();
  await textbox(page, 'Cheque number').fill('004512');
  await textbox(page, 'Bank').fill('HDFC Bank Kothrud');
  await textbox(page, 'Cheque number').press('Enter');
  const done = page.getByRole('region', { name: 'Payment saved' });
  await expect(done).toContainText('₹500.00 cheque');
  await expect(page.getByTestId('balance-after')).toHaveText('Nothing owed');

  // The same cheque again is refused, naming the receipt it is on.
  const number = /RCPT\/\d{2}-\d{2}\/\d{5}/.exec(await done.innerText())?.[0] ?? 'no receipt number';
  await done.getByRole('button', { name: 'New payment' }).click();
  await openCounterFor(page, 'Vijay Patil');
  await amountBox(page).fill('100');
  await page.getByText('Cheque', { exact: true }).click();
  await textbox(page, 'Cheque number').fill('004512');
  await textbox(page, 'Bank').fill('HDFC Bank Kothrud');
  await textbox(page, 'Bank').press('Enter');
  await expect(page.getByText(`already recorded on receipt ${number}`)).toBeVisible();
  await page.getByRole('link', { name: 'Open the receipt it is on' }).click();
  await expect(page.getByRole('heading', { name: number, level: 2 })).toBeVisible();

  // It bounces: reversed with the reason; the charge from Settings is said before it is added.
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(dialog(page)).toContainText('₹250.00');
  await dialog(page).getByRole('button', { name: 'Reverse payment' }).click();
  await expect(dialog(page).getByText(/Say why/)).toBeVisible();
  await textbox(dialog(page), 'Reason').fill('Cheque returned: insufficient funds');
  await dialog(page).getByLabel('The cheque bounced').check();
  await dialog(page).getByRole('button', { name: 'Reverse payment' }).click();
  await expect(dialog(page)).toBeHidden();
  const reversal = page.getByRole('region', { name: 'Reversal' });
  await expect(reversal).toContainText('Cheque returned: insufficient funds');
  await expect(reversal).toContainText('bounced-cheque charge');
  await expect(page.getByRole('table', { name: 'Allocations' })).toContainText('Undone by the reversal');
  await expect(page.getByRole('button', { name: 'Reverse' })).toBeDisabled();

  // The customer owes the invoice again and the charge; the statement shows the reversal.
  await page.goto(`${new URL(page.url()).origin}/#/customers/${vijay.id}`);
  await expect(page.getByTestId('customer-balance')).toHaveText('Owes ₹750.00');
  const documents = page.getByRole('region', { name: 'Billing', exact: true }).getByRole('table', {
    name: 'Invoices and credit notes',
  });
  await expect(documents.getByRole('row', { name: /Unpaid/ })).toHaveCount(2);
  const statement = page.getByRole('table', { name: 'Statement entries' });
  await expect(statement.getByRole('row', { name: /Reversal/ })).toContainText(number);
  await expect(statement.getByRole('row', { name: /Reversal/ })).toContainText('₹500.00');
  await expect(page.getByTestId('statement-closing')).toHaveText('₹750.00');
  await expect(page.getByRole('table', { name: "Customer's payments" })).toContainText('Reversed');

  // The statement as a PDF says the same.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/payments.statementPdf'), { timeout: 60_000 });
  await page.getByRole('region', { name: 'Statement' }).getByRole('button', { name: 'Download / print PDF' }).click();
  const text = (await pdfText(await answer)).replace(/\s+/g, ' ');
  expect(text).toContain('Vijay Patil');
  expect(text).toContain(number);
  expect(text).toContain('750.00');
});

test('a prepaid customer: made prepaid on their page, recharged at the counter for two periods', async ({
  page,
  request,
  server,
}) => {
  const { plan } = await setUp(page, request, server);
  const sunil = await api<Created>(request, server, 'customers.create', {
    name: 'Sunil Pawar',
    phones: ['+91 98220 55555'],
    pppoeUsername: 'sunil.p',
    pppoePassword: 'secret-1',
    planId: plan.id,
    accessPoint: 'Tower 1',
  });

  // The switch on the customer's Payments section asks first, saying what changes.
  await page.goto(`${new URL(page.url()).origin}/#/customers/${sunil.id}`);
  const payments = page.getByRole('region', { name: 'Payments' });
  await payments.getByRole('switch', { name: 'Prepaid' }).click({ force: true });
  await expect(dialog(page)).toContainText('Billing runs no longer invoice them');
  await dialog(page).getByRole('button', { name: 'Make prepaid' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(payments.getByRole('switch', { name: 'Prepaid' })).toBeChecked();
  await expect(payments).toContainText('Not recharged yet');

  // At the counter: the recharge comes first, its price quoted and prefilled.
  await payments.getByRole('link', { name: 'Take payment' }).click();
  const recharge = page.getByRole('region', { name: 'Recharge' });
  await expect(recharge.getByRole('status')).toContainText('Home 50 × 1');
  await expect(textbox(recharge, 'Amount received')).toHaveValue('500.00');
  await choose(page, recharge.getByRole('combobox', { name: 'Periods' }), /^2$/);
  await expect(recharge.getByRole('status')).toContainText('Home 50 × 2');
  await expect(textbox(recharge, 'Amount received')).toHaveValue('1000.00');
  // The quote names the last day the two periods pay for.
  const quoted = await recharge.getByRole('status').innerText();
  const validUntil = /– (.+?) —/.exec(quoted)?.[1] ?? 'no end date';
  await textbox(recharge, 'Amount received').press('Enter');

  const done = page.getByRole('region', { name: 'Payment saved' });
  await expect(done).toContainText('₹1,000.00 cash');
  await expect(done).toContainText(`Service paid until ${validUntil}.`);
  await expect(page.getByTestId('balance-after')).toHaveText('Nothing owed');

  // The customer's page: valid until the end of the second period, the paid invoice in Billing.
  await page.goto(`${new URL(page.url()).origin}/#/customers/${sunil.id}`);
  await expect(page.getByRole('region', { name: 'Payments' })).toContainText(`Valid until${validUntil}`);
  const documents = page.getByRole('region', { name: 'Billing', exact: true }).getByRole('table', {
    name: 'Invoices and credit notes',
  });
  await expect(documents.getByRole('row', { name: /\bPaid\b/ })).toHaveCount(1);
});
