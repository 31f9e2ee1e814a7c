// Billing settings as the office sets them up: the tax, an invoice prefix GST accepts, and the logo.
import { deflateSync, crc32 } from 'node:zlib';
import { expect, test } from './fixtures';
import { openNav, textbox } from './steps';

test.use({ demo: true });

/** A real 120×40 PNG, as any encoder writes it. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x30)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('tax mode, a too-long invoice prefix refused under its field, a good one saved, and a logo that stays', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await openNav(page, 'Settings');

  await page.getByText('VAT or sales tax', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'VAT or sales tax' })).toBeChecked();
  await textbox(page, 'Tax name').fill('Sales tax');

  const prefix = textbox(page, 'Invoice prefix');
  await prefix.fill('SAHYADRI/{FY}/');
  // The example says it before Save does.
  await expect(page.getByTestId('invoices-example')).toHaveText(/^SAHYADRI\/\d\d-\d\d\/00001$/);
  await expect(page.getByText('(20 of at most 16 characters)')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  await expect(prefix).toHaveAccessibleDescription(/20 characters\): GST allows at most 16/);
  await expect(prefix).toBeFocused();

  await prefix.fill('SA/{FY}/');
  await expect(prefix).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('invoices-example')).toHaveText(/^SA\/\d\d-\d\d\/00001$/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  // A GIF is refused under the field, in words; a PNG is taken and shown.
  await page.locator('input[type=file][name=signature]').setInputFiles({
    name: 'sign.gif',
    mimeType: 'image/png',
    buffer: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  });
  await expect(page.getByText('sign.gif is a GIF file: save it as PNG or JPEG and upload that')).toBeVisible();
  await page.locator('input[type=file][name=logo]').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: png(120, 40),
  });
  await expect(page.getByText('Logo saved')).toBeVisible();
  const preview = page.getByRole('img', { name: 'Logo preview' });
  await expect(preview).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'VAT or sales tax' })).toBeChecked();
  await expect(textbox(page, 'Tax name')).toHaveValue('Sales tax');
  await expect(textbox(page, 'Invoice prefix')).toHaveValue('SA/{FY}/');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
  await expect(page.getByRole('img', { name: 'Signature preview' })).toHaveCount(0);

  // Removing the logo leaves the page without one, after a reload too.
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Logo removed')).toBeVisible();
  await expect(preview).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Upload logo' })).toBeVisible();
});
