// The customer list as a pattern for every list: its state lives in the address, so Back and a
// reload keep it; it says when only archived customers match; it fits a 1024×700 screen.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { choose, dialog, openNav, textbox } from './steps';

test.use({ demo: true });

/** Calls the back end the way the page does (browser mode's bearer token). */
function api(serverUrl: string) {
  const { origin, searchParams } = new URL(serverUrl);
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const response = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value: T };
    expect(result.ok).toBe(true);
    return result.value;
  };
}

const statusSelect = (page: Page) => page.getByRole('combobox', { name: 'Status', exact: true });
const rows = (page: Page) => page.locator('table tbody tr');
const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

test('the list keeps its filter, sort and page across a customer page, Back and a reload', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await openNav(page, 'Customers');
  await choose(page, statusSelect(page), 'All, with archived');

  // Newest first, then a new column: it starts ascending, whatever the last direction was.
  const header = (name: RegExp) => page.locator('thead th').filter({ hasText: name });
  await header(/^Account no/).click();
  await expect.poll(() => hashParams(page).get('sort')).toBe('accountNo.desc');
  await header(/^Name/).click();
  await expect.poll(() => hashParams(page).get('sort')).toBe('name.asc');
  const names = rows(page).locator('td:nth-child(2)');
  await expect
    .poll(async () => {
      const shown = (await names.allInnerTexts()).map((n) => n.toLowerCase());
      return shown.length === 50 && shown.every((name, i) => i === 0 || shown[i - 1]! <= name);
    })
    .toBe(true);

  await page.getByRole('button', { name: '3', exact: true }).click();
  await expect(page.getByText(/^101–150 of \d+ customers$/)).toBeVisible();
  expect(Object.fromEntries(hashParams(page))).toEqual({ status: 'all', sort: 'name.asc', page: '3' });
  const firstOnPage3 = await names.first().innerText();

  const listAsLeft = async () => {
    await expect(page.getByText(/^101–150 of \d+ customers$/)).toBeVisible();
    await expect(statusSelect(page)).toHaveValue('All, with archived');
    await expect(names.first()).toHaveText(firstOnPage3);
    expect(Object.fromEntries(hashParams(page))).toEqual({ status: 'all', sort: 'name.asc', page: '3' });
  };

  // A customer, then Back.
  await rows(page).first().click();
  await expect(page.getByRole('heading', { name: firstOnPage3, level: 2 })).toBeVisible();
  await page.goBack();
  await listAsLeft();

  // A reload.
  await page.reload();
  await listAsLeft();

  // A customer, then the page's own "Customers" link.
  await rows(page).nth(1).click();
  await page.getByRole('main').getByRole('link', { name: 'Customers', exact: true }).click();
  await listAsLeft();

  // Typing a filter starts again from page one, and Back keeps the filter too.
  await textbox(page, 'Filter').fill('sharma');
  await expect.poll(() => hashParams(page).get('q')).toBe('sharma');
  expect(hashParams(page).get('page')).toBeNull();
  await expect(rows(page).first()).toContainText(/sharma/i);
  await rows(page).first().click();
  await page.goBack();
  await expect(textbox(page, 'Filter')).toHaveValue('sharma');
  await expect(rows(page).first()).toContainText(/sharma/i);

  // Back does not step through each change of the list (the filter, every keystroke): it leaves
  // the list for the customer opened before the "Customers" link.
  await page.goBack();
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
});

test('a filter that finds only archived customers says so, and shows them on request', async ({ page, server }) => {
  const call = api(server.url);
  const { id } = await call<{ id: number }>('customers.create', { name: 'Rahul Quixote', pppoeUsername: 'rquixote' });
  await call('customers.setStatus', { id, status: 'archived', reason: 'moved away', keepIdentifiers: false });

  await page.goto(server.url);
  await openNav(page, 'Customers');
  await textbox(page, 'Filter').fill('quixote');
  const hint = page.getByRole('status').filter({ hasText: 'No current customer matches' });
  await expect(hint).toHaveText(/No current customer matches “quixote”; 1 archived customer does — show it/);
  await hint.getByRole('button', { name: 'show it' }).click();
  await expect(statusSelect(page)).toHaveValue('Archived');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Rahul Quixote');
  await expect(hint).toBeHidden();

  // Nothing at all matches: no hint, only the empty table.
  await choose(page, statusSelect(page), 'Current (not archived)');
  await textbox(page, 'Filter').fill('zzqqxx');
  await expect(page.getByText('No customers match these filters')).toBeVisible();
  await expect(hint).toBeHidden();
});

test('the dashboard counts current customers, and each card opens the list it counts', async ({ page, server }) => {
  await page.goto(server.url);
  const card = (label: string) => page.getByRole('link', { name: new RegExp(`^${label}: \\d+$`) });
  const countOf = async (label: string) => Number((await card(label).getAttribute('aria-label'))?.replace(/\D/g, ''));

  const archived = await countOf('Archived');
  const current = await countOf('Current customers');
  expect(archived).toBeGreaterThan(0);
  await expect(card('Current customers')).toContainText(`not counting ${archived} archived`);
  const parts = await Promise.all(['Active', 'Suspended', 'Disconnected'].map(countOf));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(current);

  const opens = async (label: string, status: string, count: number) => {
    await openNav(page, 'Dashboard');
    await card(label).click();
    await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible();
    await expect(statusSelect(page)).toHaveValue(status);
    await expect(page.getByText(`of ${count} customer${count === 1 ? '' : 's'}`, { exact: false })).toBeVisible();
  };
  await opens('Suspended', 'Suspended', parts[1]!);
  expect(hashParams(page).get('status')).toBe('suspended');
  await opens('Current customers', 'Current (not archived)', current);
  await opens('Archived', 'Archived', archived);
});

test('"?" lists the keyboard shortcuts, from the keyboard or the header button', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  const overlay = dialog(page).filter({ has: page.getByRole('heading', { name: 'Keyboard shortcuts' }) });

  await page.keyboard.press('Shift+Slash');
  await expect(overlay).toBeVisible();
  for (const does of ['Search customers', 'New customer', 'Close a dialog', 'Open the highlighted customer']) {
    await expect(overlay.getByRole('row').filter({ hasText: does })).toBeVisible();
  }
  await expect(overlay.getByRole('row').filter({ hasText: 'Search customers' })).toContainText('CtrlK');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // A question mark typed into a field is just text.
  await openNav(page, 'Customers');
  await textbox(page, 'Filter').fill('');
  await textbox(page, 'Filter').press('Shift+Slash');
  await expect(textbox(page, 'Filter')).toHaveValue('?');
  await expect(overlay).toBeHidden();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(overlay).toBeVisible();
});

test('Ctrl+K finds a customer by MAC address or e-mail, and the hit shows what matched', async ({ page, server }) => {
  await api(server.url)('customers.create', {
    name: 'Meera Quadros',
    phones: ['+91 99220 44556'],
    email: 'meera.quadros@example.in',
    pppoeUsername: 'meera-q',
    macAddress: 'a4:5e:60:c2:11:f0',
  });
  await page.goto(server.url);
  const search = page.getByRole('textbox', { name: 'Search customers' });
  const hit = page.getByRole('option', { name: /Meera Quadros/ });

  await page.keyboard.press('Control+k');
  await search.fill('60:c2:11');
  await expect(hit).toContainText('MAC A4:5E:60:C2:11:F0');
  await search.fill('quadros@exam');
  await expect(hit).toContainText('meera.quadros@example.in');

  // The highlighted hit's details are as readable as its name: the same colour, not grey on blue.
  await expect(hit).toHaveAttribute('data-combobox-selected', 'true');
  const colour = (locator: Locator) =>
    locator.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).color);
  const colours = [
    await colour(hit.getByText('Meera Quadros', { exact: true })),
    await colour(hit.locator('.wd-search-hit-details')),
  ];
  expect(colours[1]).toBe(colours[0]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Meera Quadros', level: 2 })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`at 1024×700 in the ${scheme} theme every column and action is on screen without scrolling`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    // Mantine keeps the theme in localStorage; set it before the app reads it.
    await page.addInitScript(`localStorage.setItem('mantine-color-scheme-value', '${scheme}')`);
    await page.goto(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);

    /** Nothing in the table is wider than the box that holds it, so no sideways scrollbar. */
    const noSidewaysScroll = (table: ReturnType<Page['locator']>) =>
      expect
        .poll(() =>
          table.evaluate((element) => {
            for (let box = element.parentElement; box; box = box.parentElement) {
              if (box.scrollWidth > box.clientWidth + 1) return `${box.className} scrolls sideways`;
            }
            return 'fits';
          }),
        )
        .toBe('fits');

    await openNav(page, 'Plans');
    const plans = page.getByRole('table', { name: 'Plans' });
    await noSidewaysScroll(plans);
    for (const name of ['Name', 'Price', 'Customers', 'Status', 'Actions']) {
      await expect(plans.getByRole('columnheader', { name })).toBeInViewport({ ratio: 1 });
    }
    const firstPlan = plans.locator('tbody tr').first();
    await expect(firstPlan.getByRole('button', { name: /^Edit / })).toBeInViewport({ ratio: 1 });
    await expect(firstPlan.getByRole('button', { name: /^(Retire|Reactivate) / })).toBeInViewport({ ratio: 1 });

    await openNav(page, 'Customers');
    const customers = page.locator('table').first();
    await expect(rows(page)).toHaveCount(50);
    await noSidewaysScroll(customers);
    for (const name of ['Account no', 'Name', 'Phone', 'Plan', 'Status', 'Connection']) {
      await expect(customers.locator('thead th').filter({ hasText: name })).toBeInViewport({ ratio: 1 });
    }
    // A phone number is on one line: its cell is as tall as one line of text.
    const phone = rows(page).first().locator('td').nth(2);
    await expect(phone).toHaveText(/^\d[\d ]+\d$/);
    const lines = await phone.evaluate((cell) => {
      const range = cell.ownerDocument.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await expect(page.getByRole('button', { name: 'New customer' })).toBeInViewport({ ratio: 1 });

    // The customer page's status actions, and the dashboard's cards.
    await rows(page).first().click();
    for (const action of ['Suspend', 'Disconnect', 'Archive', 'Edit']) {
      await expect(page.getByRole('button', { name: action, exact: true })).toBeInViewport({ ratio: 1 });
    }
    await openNav(page, 'Dashboard');
    await expect(page.getByRole('link', { name: /^Current customers: \d+$/ })).toBeInViewport({ ratio: 1 });
  });
}
