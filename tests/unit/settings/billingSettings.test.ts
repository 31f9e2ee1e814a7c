// Billing settings: tax, numbering, billing rules, payment details, and the logo and signature,
// through the real handlers on a real SQLite file.
import { randomBytes } from 'node:crypto';
import { pngFile } from '../pngFile';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app';
import { largestInputs } from '../../../src-main/rpc/bodyLimit';
import { contractAsJsonSchema, startHttpHost } from '../../../src-main/rpc/httpTransport';
import { TABLES_WITH_AMOUNTS } from '../../../src-main/settings/store';
import { documentNumber, type SettingsInput } from '../../../src-shared/contract';
import {
  call,
  createCustomer,
  createPlan,
  databaseChecksum,
  expectValidation,
  freshApp,
  refused,
  type TestApp,
} from '../helpers';

const company: SettingsInput = {
  companyName: 'Sahyadri Wireless',
  taxId: '27AAKCS1234F1ZI',
  stateCode: '27',
  timeZone: 'Asia/Kolkata',
};

/** A real PNG of the given size, one colour. */
const png = (width: number, height: number) => pngFile(width, height);

/** An 8×6 JPEG as Chromium's canvas encodes it. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAgEAABAwQCAwAAAAAAAAAAAAACAAEEAwUTIhIxIVJh/8QAFQEBAQAAAAAAAAAAAAAAAAAABAf/xAAXEQADAQAAAAAAAAAAAAAAAAAAAQIx/9oADAMBAAIRAxEAPwCmvLgHZY8albcdwA3KpNzk+QdteHTdj5b1+oiIZOqp1p//2Q==',
  'base64',
);

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function imageCount(app: TestApp): number {
  return app.db.sqlite.prepare('SELECT count(*) FROM images').pluck().get() as number;
}

async function configured(): Promise<TestApp> {
  const app = freshApp();
  await call(app, 'settings.save', company);
  return app;
}

describe('billing settings', () => {
  it('default to GST, INV/{FY}/ numbering, billing in advance, no late fee and no images', async () => {
    const app = freshApp();
    expect(await call(app, 'settings.get', {})).toMatchObject({
      taxMode: 'gst',
      taxLabel: 'VAT',
      pricesIncludeTax: false,
      roundOff: false,
      fyStartMonth: 4,
      invoicePrefix: 'INV/{FY}/',
      invoiceDigits: 5,
      creditNotePrefix: 'CN/{FY}/',
      creditNoteDigits: 4,
      dueDays: 7,
      billingTiming: 'advance',
      firstInvoice: 'separate',
      creditSuspendedDays: true,
      lateFeeMode: 'none',
      lateFeeMinor: 0,
      lateFeeBps: 0,
      lateFeeGraceDays: 15,
      sacCode: '998422',
      upiId: '',
      logoSha256: null,
      signatureSha256: null,
    });
  });

  it('are saved and read back, also after a restart', async () => {
    const app = freshApp();
    const billing = {
      taxMode: 'vat',
      taxLabel: 'Sales tax',
      pricesIncludeTax: true,
      roundOff: true,
      fyStartMonth: 1,
      invoicePrefix: 'SW-{FY}-',
      invoiceDigits: 6,
      creditNotePrefix: 'CR/',
      creditNoteDigits: 3,
      dueDays: 10,
      billingTiming: 'arrears',
      firstInvoice: 'combined',
      creditSuspendedDays: false,
      lateFeeMode: 'percent',
      lateFeeBps: 250,
      lateFeeGraceDays: 5,
      sacCode: '',
      upiId: 'sahyadri.net@okaxis',
      bankDetails: 'HDFC Bank, FC Road\nA/c 50200012345678, IFSC HDFC0001234',
      paymentInstructions: 'Pay by UPI or at the office.',
      invoiceFooter: 'Thank you for staying connected.',
    } as const;
    const saved = await call(app, 'settings.save', { ...company, ...billing });
    expect(saved).toMatchObject(billing);
    app.close();
    const again = createApp({ dataDir: app.dataDir, host: 'browser', checkOutputs: true });
    try {
      expect(await call(again, 'settings.get', {})).toEqual(saved);
    } finally {
      again.close();
    }
  });

  describe('document numbers', () => {
    it('a prefix that makes invoice numbers longer than 16 characters is refused under the field, changing nothing', async () => {
      const app = await configured();
      const before = databaseChecksum(app.db.sqlite);
      const error = await refused(app, 'settings.save', { ...company, invoicePrefix: 'SAHYADRI/{FY}/' });
      expectValidation(error, 'invoicePrefix');
      const issue = error.details?.issues?.find((i) => i.path.join('.') === 'invoicePrefix');
      expect(issue?.message).toMatch(/SAHYADRI\/99-00\/99999 \(20 characters\): GST allows at most 16/);
      expect(databaseChecksum(app.db.sqlite)).toBe(before);
      expect((await call(app, 'settings.get', {})).invoicePrefix).toBe('INV/{FY}/');
    });

    it('counts the digits too: a prefix that fits with 5 digits may not fit with 8', async () => {
      const app = await configured();
      await call(app, 'settings.save', { ...company, invoicePrefix: 'SW/{FY}/', invoiceDigits: 5 });
      expectValidation(
        await refused(app, 'settings.save', { ...company, invoicePrefix: 'SW/{FY}/', invoiceDigits: 8 }),
        'invoicePrefix',
      );
      expectValidation(
        await refused(app, 'settings.save', { ...company, creditNotePrefix: 'CREDITNOTE/{FY}/' }),
        'creditNotePrefix',
      );
    });

    it('the longest allowed prefix makes a 16-character number; one more digit is refused', async () => {
      const app = await configured();
      expectValidation(
        await refused(app, 'settings.save', { ...company, invoicePrefix: 'SWB/{FY}/', invoiceDigits: 7 }),
        'invoicePrefix',
      );
      const saved = await call(app, 'settings.save', { ...company, invoicePrefix: 'SWB/{FY}/', invoiceDigits: 6 });
      expect(documentNumber(saved.invoicePrefix, '2026-27', 42, saved.invoiceDigits)).toBe('SWB/26-27/000042');
      expect(documentNumber(saved.invoicePrefix, '2026-27', 42, saved.invoiceDigits)).toHaveLength(16);
    });

    it.each([['INV 2026/'], ['INV_'], ['INV/{YEAR}/'], ['INV{/'], ['₹/']])(
      'refuses the prefix %j (GST allows letters, digits, / and -)',
      async (invoicePrefix) => {
        const app = await configured();
        expectValidation(await refused(app, 'settings.save', { ...company, invoicePrefix }), 'invoicePrefix');
      },
    );
  });

  describe('late fee', () => {
    it('a flat fee needs an amount, a percent fee a rate; "none" needs neither', async () => {
      const app = await configured();
      expectValidation(await refused(app, 'settings.save', { ...company, lateFeeMode: 'flat' }), 'lateFeeMinor');
      expectValidation(await refused(app, 'settings.save', { ...company, lateFeeMode: 'percent' }), 'lateFeeBps');
      expect(await call(app, 'settings.save', { ...company, lateFeeMode: 'flat', lateFeeMinor: 5_000 })).toMatchObject({
        lateFeeMode: 'flat',
        lateFeeMinor: 5_000,
      });
      expect(await call(app, 'settings.save', { ...company, lateFeeMode: 'none' })).toMatchObject({
        lateFeeMode: 'none',
      });
    });

    it.each([
      ['lateFeeMinor', -100],
      ['lateFeeMinor', 12.5],
      ['lateFeeBps', 2_501],
      ['lateFeeBps', 1.5],
      ['lateFeeGraceDays', -1],
      ['lateFeeGraceDays', 366],
    ])('refuses %s = %j', async (field, value) => {
      const app = await configured();
      const before = databaseChecksum(app.db.sqlite);
      const input = { ...company, lateFeeMode: field === 'lateFeeMinor' ? 'flat' : 'percent', [field]: value };
      expectValidation(await refused(app, 'settings.save', { lateFeeMinor: 100, lateFeeBps: 100, ...input }), field);
      expect(databaseChecksum(app.db.sqlite)).toBe(before);
    });
  });

  it.each([
    ['upiId', 'not a upi'],
    ['upiId', 'name@'],
    ['upiId', '@okaxis'],
    ['sacCode', '99842'.repeat(2)],
    ['sacCode', 'abc'],
    ['dueDays', 400],
    ['fyStartMonth', 13],
    ['invoiceDigits', 2],
    ['taxMode', 'sales'],
    ['taxLabel', '   '],
  ])('refuses %s = %j', async (field, value) => {
    const app = await configured();
    const input = { ...company, taxMode: 'vat', [field]: value };
    expectValidation(await refused(app, 'settings.save', input), field);
  });

  it('accepts a UPI id like name@bank', async () => {
    const app = await configured();
    for (const upiId of ['skynet@okaxis', 'sky.net-1@ybl', '9845012345@paytm']) {
      expect((await call(app, 'settings.save', { ...company, upiId })).upiId).toBe(upiId);
    }
  });

  describe('the currency locks once billing holds amounts', () => {
    it('invoices and customer charges are tables that hold amounts', () => {
      expect(TABLES_WITH_AMOUNTS.map((t) => t.table)).toEqual(
        expect.arrayContaining(['plans', 'invoices', 'customer_charges']),
      );
    });

    it('a customer charge (and nothing else holding an amount) locks it', async () => {
      const app = await configured();
      const customer = await createCustomer(app);
      const columns = app.db.sqlite.prepare(`PRAGMA table_info(customer_charges)`).all() as {
        name: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }[];
      // One row with a plausible value for each required column, whatever the lead's schema grows to hold.
      const sample: Record<string, unknown> = {
        customer_id: customer.id,
        description: 'Router',
        amount_minor: 150_000,
        tax_rate_bps: 1_800,
        charge_on: '2026-11-27',
        created_at: new Date().toISOString(),
      };
      const required = columns.filter((c) => c.notnull && c.dflt_value === null && !c.pk).map((c) => c.name);
      const values = required.map((name) => sample[name] ?? (name.endsWith('_minor') ? 100 : 'x'));
      app.db.sqlite
        .prepare(`INSERT INTO customer_charges (${required.join(', ')}) VALUES (${required.map(() => '?').join(', ')})`)
        .run(...values);
      const error = await refused(app, 'settings.save', { ...company, currency: 'USD', taxId: '', stateCode: '' });
      expectValidation(error, 'currency');
      expect(error.message).toMatch(/1 charge/);
    });
  });

  describe('logo and signature', () => {
    it('a real PNG is stored by its hash, set as the logo, and read back', async () => {
      const app = await configured();
      const bytes = png(64, 32);
      const seen: string[] = [];
      app.events.subscribe((name) => seen.push(name));
      const saved = await call(app, 'settings.setImage', { which: 'logo', base64: bytes.toString('base64') });
      expect(saved.logoSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(saved.signatureSha256).toBeNull();
      expect(seen).toEqual(['settings.changed']);
      expect(await call(app, 'settings.image', { which: 'logo' })).toEqual({
        mime: 'image/png',
        base64: bytes.toString('base64'),
      });
      expect(await call(app, 'settings.image', { which: 'signature' })).toBeNull();
    });

    it('a real JPEG is accepted as the signature', async () => {
      const app = await configured();
      const saved = await call(app, 'settings.setImage', { which: 'signature', base64: JPEG.toString('base64') });
      expect(saved.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await call(app, 'settings.image', { which: 'signature' }))?.mime).toBe('image/jpeg');
    });

    it('the same image twice is one row; saving the settings keeps the images', async () => {
      const app = await configured();
      const base64 = png(10, 10).toString('base64');
      await call(app, 'settings.setImage', { which: 'logo', base64 });
      const both = await call(app, 'settings.setImage', { which: 'signature', base64 });
      expect(imageCount(app)).toBe(1);
      const saved = await call(app, 'settings.save', { ...company, companyName: 'Renamed' });
      expect(saved.logoSha256).toBe(both.logoSha256);
      expect(saved.signatureSha256).toBe(both.logoSha256);
    });

    it('remove clears the pointer and keeps the image row (issued invoices point at it)', async () => {
      const app = await configured();
      const set = await call(app, 'settings.setImage', { which: 'logo', base64: png(10, 10).toString('base64') });
      const removed = await call(app, 'settings.removeImage', { which: 'logo' });
      expect(removed.logoSha256).toBeNull();
      expect(await call(app, 'settings.image', { which: 'logo' })).toBeNull();
      expect(imageCount(app)).toBe(1);
      const row = app.db.sqlite.prepare('SELECT sha256 FROM images').pluck().get();
      expect(row).toBe(set.logoSha256);
      // Removing what is not there is harmless.
      expect((await call(app, 'settings.removeImage', { which: 'signature' })).signatureSha256).toBeNull();
    });

    it('may be set before the company details are saved, which stay to be filled in', async () => {
      const app = freshApp();
      const saved = await call(app, 'settings.setImage', { which: 'logo', base64: png(8, 8).toString('base64') });
      expect(saved).toMatchObject({ configured: false, companyName: '' });
      const after = await call(app, 'settings.save', company);
      expect(after).toMatchObject({ configured: true, logoSha256: saved.logoSha256 });
    });

    /** The JPEG with its frame header saying another size: the bytes after it are left as they are. */
    function jpegSized(width: number, height: number): Buffer {
      const bytes = Buffer.from(JPEG);
      const frame = bytes.indexOf(Buffer.from([0xff, 0xc0]));
      bytes.writeUInt16BE(height, frame + 5);
      bytes.writeUInt16BE(width, frame + 7);
      return bytes;
    }

    it('reads a JPEG’s size from its frame header: 4000 px is taken, 4001 is not', async () => {
      const app = await configured();
      await call(app, 'settings.setImage', { which: 'logo', base64: jpegSized(4000, 10).toString('base64') });
      const error = await refused(app, 'settings.setImage', {
        which: 'signature',
        base64: jpegSized(20, 4001).toString('base64'),
      });
      expectValidation(error, 'signature');
      expect(error.message).toMatch(/^The signature is 20×4001 pixels/);
    });

    it('remove says settings.changed too', async () => {
      const app = await configured();
      await call(app, 'settings.setImage', { which: 'logo', base64: png(4, 4).toString('base64') });
      const seen: string[] = [];
      app.events.subscribe((name) => seen.push(name));
      await call(app, 'settings.removeImage', { which: 'logo' });
      expect(seen).toEqual(['settings.changed']);
    });

    const truncatedPng = png(40, 40).subarray(0, 60);
    const truncatedJpeg = JPEG.subarray(0, JPEG.length - 40);
    it.each([
      ['a text file', Buffer.from('Company logo goes here\n'), /not a PNG or JPEG/],
      ['a GIF', GIF, /is a GIF file: save it as PNG or JPEG/],
      ['an SVG', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG/],
      ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /PDF/],
      ['a truncated PNG', truncatedPng, /cut short/],
      ['a truncated JPEG', truncatedJpeg, /cut short/],
      ['a PNG without its end', png(8, 8).subarray(0, -12), /cut short/],
      ['a PNG 5000 px wide', png(5000, 2), /5000×2 pixels: at most 4000/],
      ['a PNG 0 px high', png(8, 0), /no pixels/],
      ['an empty file', Buffer.alloc(0), /empty/],
      // Within what the contract lets through as base64, one byte over 1 MB once decoded.
      [
        'just over 1 MB',
        Buffer.concat([png(8, 8), randomBytes(1024 * 1024 + 1 - png(8, 8).length)]),
        /larger than 1 MB/,
      ],
    ])('refuses %s as the logo, naming the field, and changes nothing', async (_, bytes, message) => {
      const app = await configured();
      await call(app, 'settings.setImage', { which: 'signature', base64: JPEG.toString('base64') });
      const before = databaseChecksum(app.db.sqlite);
      const error = await refused(app, 'settings.setImage', { which: 'logo', base64: bytes.toString('base64') });
      expectValidation(error, 'logo');
      expect(error.details?.field).toBe('logo');
      expect(error.message).toMatch(/^The logo /);
      expect(error.message).toMatch(message);
      expect(databaseChecksum(app.db.sqlite)).toBe(before);
    });

    it('refuses text that is not base64', async () => {
      const app = await configured();
      const error = await refused(app, 'settings.setImage', {
        which: 'signature',
        base64: 'data:image/png;base64,AAAA',
      });
      expectValidation(error, 'signature');
    });

    it('a 2 MB file is refused by the contract before it is decoded', async () => {
      const app = await configured();
      const before = databaseChecksum(app.db.sqlite);
      const error = await refused(app, 'settings.setImage', {
        which: 'logo',
        base64: randomBytes(2 * 1024 * 1024).toString('base64'),
      });
      expectValidation(error, 'base64');
      expect(error.details?.issues?.[0]?.message).toMatch(/larger than 1 MB/);
      expect(databaseChecksum(app.db.sqlite)).toBe(before);
    });

    it('a 50 MB upload over HTTP is refused cleanly with a validation error, the app still answering', async () => {
      const app = await configured();
      // The image channel's own bound is under 10 MB of JSON; the body limit is the largest channel's (the CSV import).
      expect(largestInputs(contractAsJsonSchema())['settings.setImage']).toBeLessThan(10 * 1024 * 1024);
      const before = databaseChecksum(app.db.sqlite);
      const host = await startHttpHost({ registry: app.registry, events: app.events, staticDir: app.dataDir, port: 0 });
      try {
        const post = (body: string) =>
          fetch(`http://127.0.0.1:${host.port}/api/settings.setImage`, {
            method: 'POST',
            headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
            body,
          });
        const res = await post(JSON.stringify({ which: 'logo', base64: 'A'.repeat(50 * 1024 * 1024) }));
        expect([200, 413]).toContain(res.status);
        const answer = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
        expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(answer.error.message).toMatch(/larger than 1 MB/);
        expect(databaseChecksum(app.db.sqlite)).toBe(before);
        const ok = await post(JSON.stringify({ which: 'logo', base64: png(4, 4).toString('base64') }));
        expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
      } finally {
        await host.close();
      }
    });
  });

  it('a plan still locks the currency as before', async () => {
    const app = await configured();
    await createPlan(app);
    expectValidation(
      await refused(app, 'settings.save', { ...company, currency: 'EUR', taxId: '', stateCode: '' }),
      'currency',
    );
  });
});
