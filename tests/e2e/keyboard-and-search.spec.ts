import { expect, test } from './fixtures';
import { dialog } from './steps';

test.use({ demo: true });

test('the keyboard drives the app: Ctrl+K searches by name or IP, Ctrl+N or Alt+N opens a new customer, Esc closes it', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const search = page.getByRole('textbox', { name: 'Search customers' });
  const hits = page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option');

  // A fragment from the middle of a surname finds every customer with it.
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await page.keyboard.type('ulkarn');
  await expect(hits.first()).toBeVisible();
  for (const label of await hits.evaluateAll((options) => options.map((o) => o.getAttribute('aria-label') ?? ''))) {
    expect(label).toMatch(/kulkarni/i);
  }

  // An IP prefix finds the static-IP customers of that block.
  await search.fill('10.12.0.');
  await expect
    .poll(async () => {
      const texts = await hits.allInnerTexts();
      return texts.length > 0 && texts.every((text) => text.includes('10.12.0.'));
    })
    .toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^10\.12\.0\.\d+$/).first()).toBeVisible();

  // Ctrl+N opens the new-customer dialog from anywhere; Esc closes it without saving.
  await page.keyboard.press('Control+n');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  // Alt+N too, for desktop browsers that keep Ctrl+N for a new window.
  await page.keyboard.press('Alt+n');
  await expect(dialog(page).getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
});

test('the dark theme is remembered across a reload', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});
