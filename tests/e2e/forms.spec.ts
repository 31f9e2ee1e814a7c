// The patterns every form copies: errors from the back end under their fields all at once, in
// words; errors going as the field changes; asking before unsaved changes are thrown away;
// focus where the operator will type next.
import { expect, test } from './fixtures';
import { choose, dialog, openNav, textbox } from './steps';

test.use({ demo: true });

const formDialog = (page: import('@playwright/test').Page) =>
  page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Save' }) });

test('the back end refuses several customer fields at once: each error is under its field, in words, no paths', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await openNav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await textbox(dialog(page), 'Name').fill('Kiran Jadhav');
  await textbox(dialog(page), 'Phone').fill('call after 6');
  await textbox(dialog(page), 'E-mail').fill('kiran@');
  await textbox(dialog(page), 'MAC address').fill('AA:BB');
  await dialog(page).getByRole('button', { name: 'Save' }).click();

  await expect(textbox(dialog(page), 'Phone')).toHaveAccessibleDescription(/must be a phone number/);
  await expect(textbox(dialog(page), 'E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(textbox(dialog(page), 'MAC address')).toHaveAccessibleDescription(/must be a MAC address/);
  await expect(dialog(page)).not.toContainText('phones.0');
  await expect(dialog(page)).not.toContainText('customer.');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a plan's burst problems are each under their own input, none in a banner", async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Plans');
  await page.getByRole('button', { name: 'New plan' }).click();
  await textbox(dialog(page), 'Plan name').fill('Burst test');
  await textbox(dialog(page), 'Download speed').fill('50');
  await textbox(dialog(page), 'Upload speed').fill('25');
  await textbox(dialog(page), 'Price').fill('599');
  await dialog(page).getByRole('switch', { name: 'Burst' }).check();
  await textbox(dialog(page), 'Burst download').fill('40');
  await textbox(dialog(page), 'Burst upload').fill('50');
  await textbox(dialog(page), 'Burst threshold download').fill('20');
  await textbox(dialog(page), 'Burst threshold upload').fill('60');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(textbox(dialog(page), 'Burst download')).toHaveAccessibleDescription(/above the download speed/);
  await expect(textbox(dialog(page), 'Burst threshold upload')).toHaveAccessibleDescription(/below the burst upload/);
  await expect(textbox(dialog(page), 'Burst upload')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page)).not.toContainText('burst:');
  await expect(dialog(page).getByRole('alert')).toHaveCount(0);
});

test("settings: the GSTIN's problem is under the GSTIN, in words", async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Settings');
  await page.getByLabel('GSTIN / tax ID').fill('27AAPFU0939F1Z');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('GSTIN / tax ID')).toHaveAccessibleDescription(/15 characters/);
  await expect(page.getByRole('main')).not.toContainText('taxId');
});

test('an error goes as soon as its field changes, in every form', async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Plans');
  await page.getByRole('button', { name: 'New plan' }).click();
  await textbox(dialog(page), 'Plan name').fill('Clears');
  await textbox(dialog(page), 'Download speed').fill('50');
  await textbox(dialog(page), 'Upload speed').fill('25');
  await textbox(dialog(page), 'Price').fill('599');
  await dialog(page).getByRole('switch', { name: 'Burst' }).check();
  await textbox(dialog(page), 'Burst download').fill('40');
  await textbox(dialog(page), 'Burst upload').fill('50');
  await textbox(dialog(page), 'Burst threshold download').fill('20');
  await textbox(dialog(page), 'Burst threshold upload').fill('20');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  const burstDownload = textbox(dialog(page), 'Burst download');
  await expect(burstDownload).toHaveAttribute('aria-invalid', 'true');
  await burstDownload.fill('80');
  await expect(burstDownload).not.toHaveAttribute('aria-invalid', 'true');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toBeHidden();

  await openNav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  const name = textbox(dialog(page), 'Name');
  await expect(name).toHaveAccessibleDescription(/is required/);
  await name.fill('K');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await dialog(page).getByRole('button', { name: 'Discard' }).click();

  await openNav(page, 'Settings');
  await page.getByLabel('GST state code').fill('29');
  await page.getByRole('button', { name: 'Save' }).click();
  const state = page.getByLabel('GST state code');
  await expect(state).toHaveAccessibleDescription(/first two digits of the GSTIN/);
  await state.fill('27');
  await expect(state).not.toHaveAttribute('aria-invalid', 'true');
});

test('closing a form with changes asks "Discard changes?"; a clean form closes at once', async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Customers');

  // Clean: Esc closes without asking.
  await page.getByRole('button', { name: 'New customer' }).click();
  await expect(formDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  // Dirty: Esc asks; keeping on editing keeps what was typed.
  await page.getByRole('button', { name: 'New customer' }).click();
  await textbox(formDialog(page), 'Name').fill('Half typed');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(textbox(formDialog(page), 'Name')).toHaveValue('Half typed');

  // Esc on the question is "keep editing" too.
  await formDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(textbox(formDialog(page), 'Name')).toHaveValue('Half typed');

  // The X and Cancel ask; Discard closes.
  await formDialog(page).locator('.mantine-Modal-close').click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog(page)).toBeHidden();

  // A click outside a changed plan asks as well; changed back, it closes at once.
  await openNav(page, 'Plans');
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  const price = textbox(formDialog(page), 'Price');
  const before = await price.inputValue();
  await price.fill('1');
  await page.mouse.click(5, 5);
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await price.fill(before);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
});

test('"Add phone" puts the cursor in the new phone; billing day takes typing; a shared MAC is a warning', async ({
  page,
  server,
}) => {
  test.slow(); // Two customers signed up through the whole form.
  await page.goto(server.url);
  await openNav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await textbox(dialog(page), 'Name').fill('Meera Joshi');
  await textbox(dialog(page), 'Phone').fill('+91 98220 41234');
  await dialog(page).getByRole('button', { name: 'Add phone' }).click();
  await expect(textbox(dialog(page), 'Phone 2')).toBeFocused();
  // The spaces go into the number, not onto the button (which would add a third, empty phone).
  await page.keyboard.type('020 2553 0101');
  await expect(textbox(dialog(page), 'Phone 2')).toHaveValue('020 2553 0101');
  await expect(textbox(dialog(page), 'Phone 3')).toHaveCount(0);

  const billingDay = textbox(dialog(page), 'Billing day');
  await billingDay.fill('5');
  await expect(billingDay).toHaveAccessibleDescription('Day 5 of the month');
  await choose(page, dialog(page).getByRole('combobox', { name: 'Plan', exact: true }), /Home 30 Quarterly/);
  await expect(billingDay).toHaveAccessibleDescription('Day 5 of every third month');
  await textbox(dialog(page), 'PPPoE username').fill('meera.j');
  await textbox(dialog(page), 'MAC address').fill('aa-bb-cc-00-11-22');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Meera Joshi' })).toBeVisible();
  const billing = page.getByRole('region', { name: 'Plan and billing' });
  await expect(billing).toContainText('Day 5 of every third month');
  await expect(billing).toContainText('₹1,699.00 + 18% GST = ₹2,004.82/quarter');
  await expect(page.getByRole('region', { name: 'Contact' })).toContainText('020 2553 0101');

  // The same MAC on another customer: named, and saved anyway (the CPE moved).
  await page.keyboard.press('Control+n');
  await textbox(dialog(page), 'Name').fill('New tenant');
  await textbox(dialog(page), 'PPPoE username').fill('tenant.1');
  await textbox(dialog(page), 'MAC address').fill('AABBCC001122');
  await textbox(dialog(page), 'CPE model').click();
  await expect(dialog(page).getByRole('status')).toContainText(/Also the MAC of .* Meera Joshi/);
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New tenant' })).toBeVisible();
});

test("editing a plan's price says whom it reaches and shows the price with tax", async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Plans');
  const row = page.getByRole('row', { name: /Home 30 Quarterly/ });
  await expect(row).toContainText('₹2,004.82 with GST');
  const customers = Number(await row.getByRole('cell').nth(5).innerText());
  await row.getByRole('button', { name: /^Edit / }).click();
  await textbox(dialog(page), 'Price').fill('599');
  await expect(dialog(page)).toContainText('₹599.00 + 18% GST = ₹706.82');
  await expect(dialog(page).getByRole('status')).toHaveText(
    `${customers} customers are on this plan: their next invoices use the new price`,
  );
});
