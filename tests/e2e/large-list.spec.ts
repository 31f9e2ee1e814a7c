// An ISP with 50,000 subscribers: the list still shows one page at a time, to the very last one.
import { expect, test } from './fixtures';
import { openNav } from './steps';

const CUSTOMERS = 50_000;

test('the customer list pages, sorts and filters 50,000 customers on the server', async ({ page, server }) => {
  test.setTimeout(120_000);
  const { origin, searchParams } = new URL(server.url);
  const call = async (channel: string, input: unknown) => {
    const response = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value: { mapping?: object } };
    expect(result.ok).toBe(true);
    return result.value;
  };
  await call('settings.save', { companyName: 'Big Valley Wireless' });
  const lines = ['name,phone,pppoe_username'];
  for (let i = 1; i <= CUSTOMERS; i++) lines.push(`Subscriber ${i},97${String(i).padStart(8, '0')},sub${i}`);
  const csv = lines.join('\n');
  const { mapping } = await call('customers.importPreview', { csv });
  await call('customers.importCommit', { csv, mapping });

  await page.goto(server.url);
  await openNav(page, 'Customers');
  const rows = page.locator('table tbody tr');
  await expect(page.getByText(`1–50 of ${CUSTOMERS} customers`)).toBeVisible();
  await expect(rows).toHaveCount(50);

  // The last page: only its 50 rows ever reach the page.
  await page.getByRole('button', { name: String(CUSTOMERS / 50), exact: true }).click();
  await expect(page.getByText(`49951–50000 of ${CUSTOMERS} customers`)).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.last()).toContainText('Subscriber 50000');

  // Newest first, by sorting the account number column the other way.
  await page
    .locator('thead th')
    .filter({ hasText: /^Account no/ })
    .click();
  await expect(rows.first()).toContainText('Subscriber 50000');

  // The filter box narrows 50,000 to the one with this phone number.
  await page.getByRole('textbox', { name: 'Filter' }).fill('97000 04999');
  await expect(page.getByText('1–1 of 1 customer')).toBeVisible();
  await expect(rows.first()).toContainText('Subscriber 4999');
  await expect(rows).toHaveCount(1);
});
