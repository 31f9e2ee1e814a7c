import { describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../../src-shared/contract';
import { createApp } from '../../../src-main/app';
import { financialYearOf, machineTimeZone } from '../../../src-shared/dates';
import { call, createPlan, expectValidation, freshApp, onCleanup, refused, tempDir } from '../helpers';

const company: SettingsInput = {
  companyName: 'Sahyadri Wireless',
  address: 'FC Road, Pune',
  phone: '+91 20 2553 0101',
  email: 'billing@sahyadri.example.in',
  taxId: '27AAKCS1234F1ZI',
  currency: 'INR',
  locale: 'en-IN',
  stateCode: '27',
  accountPrefix: 'SWB-',
  country: 'IN',
  timeZone: 'Asia/Kolkata',
};

function settingsRows(app: ReturnType<typeof freshApp>): number {
  return app.db.sqlite.prepare('SELECT count(*) FROM settings').pluck().get() as number;
}

describe('settings', () => {
  it('before the first save: not configured, with INR and en-IN defaults', async () => {
    const app = freshApp();
    expect(await call(app, 'settings.get', {})).toMatchObject({
      configured: false,
      companyName: '',
      address: '',
      phone: '',
      email: '',
      taxId: '',
      currency: 'INR',
      locale: 'en-IN',
      stateCode: '',
      accountPrefix: 'WD-',
      country: 'IN',
      timeZone: machineTimeZone(),
    });
  });

  it('save makes it configured and is read back, also after a restart', async () => {
    const app = freshApp();
    const saved = await call(app, 'settings.save', company);
    expect(saved).toMatchObject({ ...company, configured: true, logoSha256: null, signatureSha256: null });
    expect(await call(app, 'settings.get', {})).toEqual(saved);
    app.close();
    const again = createApp({ dataDir: app.dataDir, host: 'browser', checkOutputs: true });
    try {
      expect(await call(again, 'settings.get', {})).toEqual(saved);
    } finally {
      again.close();
    }
  });

  it('trims text, upper-cases the GSTIN and fills defaults', async () => {
    const app = freshApp();
    const saved = await call(app, 'settings.save', { companyName: '  Net Co  ', taxId: '27aakcs1234f1zi' });
    expect(saved).toMatchObject({
      companyName: 'Net Co',
      taxId: '27AAKCS1234F1ZI',
      currency: 'INR',
      locale: 'en-IN',
      accountPrefix: 'WD-',
    });
  });

  it('saving again updates the one row', async () => {
    const app = freshApp();
    await call(app, 'settings.save', company);
    const saved = await call(app, 'settings.save', { ...company, companyName: 'Renamed', accountPrefix: 'RN-' });
    expect(saved.companyName).toBe('Renamed');
    expect(settingsRows(app)).toBe(1);
  });

  it('an invalid GSTIN for INR is a validation error on taxId, and nothing is saved', async () => {
    const app = freshApp();
    for (const taxId of ['27AAKCS1234F1Z', 'ABCDE1234567890', '27AAKCS1234F0Z5']) {
      const error = await refused(app, 'settings.save', { ...company, taxId });
      expectValidation(error, 'taxId');
      expect(error.details?.field).toBe('taxId');
    }
    expect(settingsRows(app)).toBe(0);
    expect((await call(app, 'settings.get', {})).configured).toBe(false);
  });

  it('a VAT number that is no GSTIN is fine for other currencies', async () => {
    const app = freshApp();
    const saved = await call(app, 'settings.save', {
      ...company,
      taxId: 'GB123456789',
      currency: 'GBP',
      locale: 'en-GB',
      stateCode: '',
    });
    expect(saved).toMatchObject({ taxId: 'GB123456789', currency: 'GBP', locale: 'en-GB' });
  });

  it('a state code that disagrees with the GSTIN prefix is refused', async () => {
    const app = freshApp();
    const error = await refused(app, 'settings.save', { ...company, stateCode: '29' });
    expectValidation(error, 'stateCode');
    expect(settingsRows(app)).toBe(0);
  });

  it.each([
    ['currency', 'XYZ'],
    ['currency', 'inr'],
    ['currency', 'RUPEES'],
    ['locale', 'not a locale!'],
    ['locale', 'x'.repeat(50)],
    ['stateCode', '40'],
    ['stateCode', '7'],
    ['accountPrefix', 'wd-'],
    ['accountPrefix', 'TOOLONGPREFIX'],
    ['email', 'not-an-email'],
    ['companyName', '   '],
    ['companyName', 'x'.repeat(100_000)],
  ])('refuses %s = %j', async (field, value) => {
    const app = freshApp();
    expectValidation(await refused(app, 'settings.save', { ...company, [field]: value }), field);
    expect(settingsRows(app)).toBe(0);
  });

  it('refuses unknown keys', async () => {
    const app = freshApp();
    const error = await refused(app, 'settings.save', { ...company, isAdmin: true });
    expect(error.code).toBe('validation');
    expect(settingsRows(app)).toBe(0);
  });

  it('the account prefix is used for new customers', async () => {
    const app = freshApp();
    await call(app, 'settings.save', company);
    const customer = await call(app, 'customers.create', { name: 'A', pppoeUsername: 'a1' });
    expect(customer.accountNo).toBe('SWB-000001');
  });

  describe('changing the currency', () => {
    it('is refused once a plan holds an amount, so ₹499.00 never becomes ¥49,900', async () => {
      const app = freshApp();
      await call(app, 'settings.save', company);
      const plan = await createPlan(app, { priceMinor: 49_900 });
      const error = await refused(app, 'settings.save', { ...company, currency: 'JPY', taxId: '', stateCode: '' });
      expectValidation(error, 'currency');
      expect(error.message).toMatch(/The currency can't change once plans or invoices hold amounts in INR: 1 plan/);
      expect(error.details?.issues?.[0]?.message).toMatch(/can't change once plans or invoices hold amounts in INR/);
      expect((await call(app, 'settings.get', {})).currency).toBe('INR');
      expect((await call(app, 'plans.get', { id: plan.id })).priceMinor).toBe(49_900);
    });

    it('is refused for retired plans too, and before the first save (amounts were entered in the default INR)', async () => {
      const app = freshApp();
      const plan = await createPlan(app);
      await call(app, 'plans.setStatus', { id: plan.id, status: 'retired' });
      const error = await refused(app, 'settings.save', { ...company, currency: 'USD', taxId: '', stateCode: '' });
      expectValidation(error, 'currency');
      expect(settingsRows(app)).toBe(0);
    });

    it('first-time setup in any currency, and any change while no amount is stored, still work', async () => {
      const app = freshApp();
      const first = { ...company, currency: 'JPY', locale: 'ja-JP', taxId: '', stateCode: '' };
      expect((await call(app, 'settings.save', first)).currency).toBe('JPY');
      expect((await call(app, 'settings.save', { ...first, currency: 'EUR' })).currency).toBe('EUR');
    });

    it('a save that keeps the currency works with plans in place', async () => {
      const app = freshApp();
      await call(app, 'settings.save', company);
      await createPlan(app);
      const saved = await call(app, 'settings.save', { ...company, companyName: 'Renamed' });
      expect(saved).toMatchObject({ companyName: 'Renamed', currency: 'INR' });
    });
  });

  it('emits settings.changed on save', async () => {
    const app = freshApp();
    const seen: string[] = [];
    app.events.subscribe((name) => seen.push(name));
    await call(app, 'settings.save', company);
    expect(seen).toEqual(['settings.changed']);
  });
});

describe('the office time zone', () => {
  it('is the machine’s until chosen; today and the financial year follow it, not UTC', async () => {
    // 00:30 on 1 April in Kolkata is still 31 March in UTC.
    const dataDir = tempDir();
    const app = createApp({
      dataDir,
      host: 'browser',
      checkOutputs: true,
      clock: () => new Date('2026-03-31T19:00:00Z'),
    });
    onCleanup(() => app.close());
    expect((await call(app, 'settings.get', {})).timeZone).toBe(machineTimeZone());
    const saved = await call(app, 'settings.save', { companyName: 'Sahyadri Wireless', timeZone: 'Asia/Kolkata' });
    expect(saved.timeZone).toBe('Asia/Kolkata');
    expect(app.services.settings.today()).toBe('2026-04-01');
    expect(financialYearOf(app.services.settings.today()).label).toBe('2026-27');
  });

  it('refuses a zone that does not exist', async () => {
    const app = freshApp();
    const error = await refused(app, 'settings.save', { companyName: 'X', timeZone: 'Mars/Olympus' });
    expect(error.code).toBe('validation');
    expect(error.details?.issues?.[0]).toMatchObject({
      path: ['timeZone'],
      message: expect.stringMatching(/time zone/),
    });
  });
});
