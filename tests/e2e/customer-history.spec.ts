import { expect, test } from './fixtures';
import { completeFirstRun, dialog, textbox } from './steps';

async function newStaticCustomer(page: import('@playwright/test').Page, name: string, phone: string, ip: string) {
  await page.keyboard.press('Alt+n');
  await textbox(dialog(page), 'Name').fill(name);
  await textbox(dialog(page), 'Phone').fill(phone);
  await dialog(page).getByText('Static', { exact: true }).click();
  await textbox(dialog(page), 'Static IP').fill(ip);
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

async function changeStatus(page: import('@playwright/test').Page, action: string, reason: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await dialog(page).getByLabel('Reason (optional)').fill(reason);
  await dialog(page).getByRole('button', { name: action, exact: true }).click();
  await expect(dialog(page)).toBeHidden();
}

test('a churned customer is archived with a reason, their IP goes to a new customer, and the timeline tells the story', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await completeFirstRun(page);
  await newStaticCustomer(page, 'Imran Shaikh', '098220 41234', '10.20.30.41');
  await expect(page.getByRole('region', { name: 'Contact' })).toContainText('98220 41234');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Signed up');

  await changeStatus(page, 'Suspend', 'unpaid October');
  await expect(timeline.locator('[data-kind="status_changed"]').first()).toContainText('Suspended');
  await expect(timeline).toContainText('“unpaid October”');

  // Archiving frees the IP unless the operator keeps it reserved.
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(dialog(page).getByText(/IP 10\.20\.30\.41 is free for a new customer/)).toBeVisible();
  await expect(dialog(page).getByLabel('Keep their IP reserved')).not.toBeChecked();
  await dialog(page).getByLabel('Reason (optional)').fill('moved to Mumbai');
  await dialog(page).getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(timeline.locator('[data-kind="status_changed"]').first()).toContainText('Archived');
  await expect(timeline).toContainText('Freed Static IP 10.20.30.41');
  await expect(timeline).toContainText('“moved to Mumbai”');

  // The same IP goes to a new customer at once.
  await newStaticCustomer(page, 'Neha Joshi', '+91 90110 77865', '10.20.30.41');
  await expect(page.getByRole('region', { name: 'Connection' })).toContainText('10.20.30.41');

  // Imran comes back, and is found by his number as the caller ID shows it: the IP is Neha's now.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('919822041234');
  await page.getByRole('option', { name: /Imran Shaikh/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Imran Shaikh' })).toBeVisible();
  await changeStatus(page, 'Bring back', 'came back from Mumbai');
  await expect(timeline.locator('[data-kind="status_changed"]').first()).toContainText('Brought back as active');
  await expect(timeline).toContainText('Not taken back: Static IP 10.20.30.41 (now SA-000002 Neha Joshi)');
  await expect(timeline.locator('[data-kind]')).toHaveCount(4);
});
