// A page is not a dialog: leaving Settings with unsaved changes asks first, as a closing form does.
import { expect, test } from './fixtures';
import { dialog, openNav, textbox } from './steps';

test.use({ demo: true });

test('leaving Settings with unsaved changes asks; Keep editing stays, Discard goes; after Save nothing asks', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await openNav(page, 'Settings');
  const companyName = textbox(page, 'Company name');
  const saved = await companyName.inputValue();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await companyName.fill('Changed Airlink');
  await nav.getByRole('link', { name: 'Customers' }).click();
  await expect(dialog(page)).toContainText('Discard changes?');
  await dialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(companyName).toHaveValue('Changed Airlink');

  await nav.getByRole('link', { name: 'Customers' }).click();
  await dialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible();
  await openNav(page, 'Settings');
  await expect(companyName).toHaveValue(saved);

  await companyName.fill('Saved Airlink');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await openNav(page, 'Customers');
  await expect(dialog(page)).toHaveCount(0);
  await openNav(page, 'Settings');
  await expect(companyName).toHaveValue('Saved Airlink');
});

test('Ctrl+K, Back and a reload with unsaved changes ask too', async ({ page, server }) => {
  await page.goto(server.url);
  await openNav(page, 'Customers');
  await openNav(page, 'Settings');
  await textbox(page, 'Company name').fill('Changed Airlink');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('ulkarn');
  await expect(page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toContainText('Discard changes?');
  await dialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(textbox(page, 'Company name')).toHaveValue('Changed Airlink');

  await page.goBack();
  await expect(dialog(page)).toContainText('Discard changes?');
  await expect(page).toHaveURL(/#\/settings$/);
  await dialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible();

  await openNav(page, 'Settings');
  await textbox(page, 'Company name').fill('Changed Airlink');
  // The browser asks before a reload only after the page was used, which fill() is.
  const asked = page.waitForEvent('dialog');
  void page.reload().catch(() => undefined);
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
  await expect(textbox(page, 'Company name')).toHaveValue('Changed Airlink');
});
