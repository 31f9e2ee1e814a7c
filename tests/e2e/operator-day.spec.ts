import { join } from 'node:path';
import { expect, test } from './fixtures';
import { choose, completeFirstRun, dialog, openNav, textbox } from './steps';

const CSV = join(__dirname, 'fixtures', 'customers-20-rows-2-bad.csv');

test('a new operator sets up, signs up customers, finds, edits and archives one, and imports a spreadsheet', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await completeFirstRun(page);

  // A plan: speeds typed in Mbit/s, price as text, GST as a percentage.
  await openNav(page, 'Plans');
  await page.getByRole('button', { name: 'New plan' }).click();
  await textbox(dialog(page), 'Plan name').fill('Home 50');
  await textbox(dialog(page), 'Download speed').fill('50');
  await textbox(dialog(page), 'Upload speed').fill('25');
  await textbox(dialog(page), 'Price').fill('499.00');
  await textbox(dialog(page), 'Tax rate (%)').fill('18');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toBeHidden();
  const planRow = page.getByRole('row', { name: /Home 50/ });
  await expect(planRow).toContainText('50 Mbit/s / 25 Mbit/s');
  await expect(planRow).toContainText('₹499.00');
  await expect(planRow).toContainText('18%');

  // First customer on PPPoE, from anywhere with Ctrl+N.
  await page.keyboard.press('Control+n');
  await expect(dialog(page).getByText('New customer')).toBeVisible();
  await textbox(dialog(page), 'Name').fill('Asha Kulkarni');
  await textbox(dialog(page), 'Phone').fill('+91 98220 41234');
  await textbox(dialog(page), 'PPPoE username').fill('asha.k');
  await textbox(dialog(page), 'PPPoE password').fill('tower-7-secret');
  await choose(page, dialog(page).getByRole('combobox', { name: 'Plan', exact: true }), /Home 50/);
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Asha Kulkarni' })).toBeVisible();
  await expect(page.getByText('SA-000001').first()).toBeVisible();

  // Second customer on a static IP; a wrong address is shown under its input.
  await openNav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await textbox(dialog(page), 'Name').fill('Ravi Deshmukh');
  await textbox(dialog(page), 'Phone').fill('+91 90110 77865');
  // A PPPoE username already taken is refused, and said so under the input.
  await textbox(dialog(page), 'PPPoE username').fill('asha.k');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page).getByText(/already used by SA-000001 Asha Kulkarni/)).toBeVisible();
  await dialog(page).getByText('Static', { exact: true }).click();
  await textbox(dialog(page), 'Static IP').fill('10.20.30.300');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page).getByText(/IPv4 address/)).toBeVisible();
  await textbox(dialog(page), 'Static IP').fill('10.20.30.41');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ravi Deshmukh' })).toBeVisible();

  // Find Asha by digits from the middle of her phone number, with Ctrl+K.
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.type('20412');
  await expect(page.getByRole('option', { name: /Asha Kulkarni/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Asha Kulkarni' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText(
    '₹499.00 + 18% GST = ₹588.82/month',
  );

  // The PPPoE password stays hidden until asked for.
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('PPPoE password')).toHaveText('tower-7-secret');

  // Edit: a new address and a second phone; the password is left blank, so it is kept.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await textbox(dialog(page), 'Address').fill('Flat 4, Shanti Apartments, Kothrud, Pune');
  await dialog(page).getByRole('button', { name: 'Add phone' }).click();
  await textbox(dialog(page), 'Phone 2').fill('+91 20 2543 9876');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toBeHidden();
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact).toContainText('Flat 4, Shanti Apartments, Kothrud, Pune');
  // Stored as E.164, shown in the national format.
  await expect(contact).toContainText('020 2543 9876');

  // Archive, with a reason; an archived customer cannot be edited.
  await page.getByRole('button', { name: 'Archive' }).click();
  await textbox(dialog(page), 'Reason (optional)').fill('Moved to Mumbai');
  await dialog(page).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This customer is archived')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Bring back' })).toBeVisible();

  // Import a spreadsheet of 20 rows, two of them bad.
  await openNav(page, 'Customers');
  await expect(page.getByText('1–1 of 1 customer')).toBeVisible();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await dialog(page).locator('input[type="file"]').setInputFiles(CSV);
  await expect(dialog(page).getByText('20 rows: 18 new customers, 2 to fix')).toBeVisible();
  await expect(dialog(page).getByText('Fix 2 rows, or import the 18 good ones.')).toBeVisible();
  await expect(dialog(page).getByRole('combobox', { name: 'Name', exact: true })).toHaveValue('name');
  await expect(dialog(page).getByRole('combobox', { name: 'Static IP', exact: true })).toHaveValue('static_ip');

  const problems = dialog(page).getByRole('table', { name: 'Rows with errors' });
  await expect(problems.getByRole('row')).toHaveCount(3);
  const badIp = problems.getByRole('row', { name: /Nikhil More/ });
  await expect(badIp.getByRole('cell').first()).toHaveText('8');
  await expect(badIp).toContainText(/Static IP: .*IPv4 address/);
  const duplicate = problems.getByRole('row', { name: /Rohit Mane/ });
  await expect(duplicate.getByRole('cell').first()).toHaveText('15');
  await expect(duplicate).toContainText('PPPoE username "arjun.patil" is also on row 4');

  // The button says what it does: the bad rows are left out, the good ones imported.
  const importGood = dialog(page).getByRole('button', { name: 'Import the 18 good ones' });
  await importGood.scrollIntoViewIfNeeded();
  await importGood.click();
  await expect(page.getByText('Imported 18 customers, skipped 2 rows')).toBeVisible();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText('1–19 of 19 customers')).toBeVisible();
  await expect(page.getByText('19 current, 1 archived')).toBeVisible();
  await expect(page.getByRole('row', { name: /Yogesh Sawant/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Nikhil More/ })).toHaveCount(0);
});
