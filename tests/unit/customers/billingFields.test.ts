// The customer fields billing needs: GSTIN with its check character, the place of supply,
// and the day billing starts.
import { describe, expect, it } from 'vitest';
import { call, createCustomer, customerInput, expectValidation, freshApp, refused, type TestApp } from '../helpers';

/** Today in the office: the machine's zone unless settings name one. */
async function officeToday(app: TestApp): Promise<string> {
  const settings = (await call(app, 'settings.get', {})) as { timeZone?: string };
  return new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone || undefined }).format(new Date());
}

describe('customers: GSTIN and place of supply', () => {
  it('a customer without them is billed in the company’s state', async () => {
    const app = freshApp();
    const c = await createCustomer(app);
    expect(c).toMatchObject({ gstin: null, placeOfSupply: null });
  });

  it('keeps a GSTIN upper case, and takes its state as the place of supply', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { gstin: ' 29aagcb7383j1z4 ' });
    expect(c).toMatchObject({ gstin: '29AAGCB7383J1Z4', placeOfSupply: '29' });
    expect(await call(app, 'customers.get', { id: c.id })).toMatchObject({ placeOfSupply: '29' });
  });

  it('refuses a GSTIN whose check character is wrong', async () => {
    const app = freshApp();
    const error = await refused(app, 'customers.create', customerInput({ gstin: '27AABCS1234F1Z5' }));
    expectValidation(error, 'gstin');
    expect(error.message).toMatch(/check character/);
    expect((await createCustomer(app, { gstin: '27AABCS1234F1ZR' })).gstin).toBe('27AABCS1234F1ZR');
  });

  it('refuses a place of supply that disagrees with the GSTIN, or is no state', async () => {
    const app = freshApp();
    expectValidation(
      await refused(app, 'customers.create', customerInput({ gstin: '27AABCS1234F1ZR', placeOfSupply: '29' })),
      'placeOfSupply',
    );
    expectValidation(await refused(app, 'customers.create', customerInput({ placeOfSupply: '55' })), 'placeOfSupply');
    const c = await createCustomer(app, { placeOfSupply: '29' });
    expect(c.placeOfSupply).toBe('29');
  });

  it('an edit can add and clear them', async () => {
    const app = freshApp();
    const c = await createCustomer(app);
    const base = customerInput({ pppoeUsername: c.pppoeUsername! });
    const added = await call(app, 'customers.update', {
      id: c.id,
      customer: { ...base, gstin: '27AAACR5055K1Z7' },
    });
    expect(added).toMatchObject({ gstin: '27AAACR5055K1Z7', placeOfSupply: '27' });
    const cleared = await call(app, 'customers.update', { id: c.id, customer: { ...base, gstin: '' } });
    expect(cleared).toMatchObject({ gstin: null, placeOfSupply: null });
  });
});

describe('settings: the company’s GSTIN', () => {
  it('is checked by its check character', async () => {
    const app = freshApp();
    const base = { companyName: 'Sahyadri Wireless', stateCode: '27' };
    const error = await refused(app, 'settings.save', { ...base, taxId: '27AABCS1234F1Z5' });
    expectValidation(error, 'taxId');
    expect(error.message).toMatch(/check character/);
    expect((await call(app, 'settings.save', { ...base, taxId: '27aabcs1234f1zr' })).taxId).toBe('27AABCS1234F1ZR');
  });

  it('is any tax number outside India', async () => {
    const app = freshApp();
    const saved = await call(app, 'settings.save', { companyName: 'Dales', currency: 'GBP', taxId: 'GB123456789' });
    expect(saved.taxId).toBe('GB123456789');
  });
});

describe('customers: billing starts on', () => {
  it('defaults to the later of installed-on and the day the customer is added', async () => {
    const app = freshApp();
    const today = await officeToday(app);
    expect((await createCustomer(app, { installedOn: '2020-01-01' })).billingStartOn).toBe(today);
    expect((await createCustomer(app, { installedOn: null })).billingStartOn).toBe(today);
    expect((await createCustomer(app, { installedOn: '2099-03-01' })).billingStartOn).toBe('2099-03-01');
  });

  it('keeps a date the operator gives', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { installedOn: '2024-05-01', billingStartOn: '2024-05-10' });
    expect(c.billingStartOn).toBe('2024-05-10');
    expectValidation(
      await refused(app, 'customers.create', customerInput({ billingStartOn: '10/05/2024' })),
      'billingStartOn',
    );
  });

  it('an edit that clears it goes back to the default from the day the customer was added', async () => {
    const app = freshApp();
    const today = await officeToday(app);
    const c = await createCustomer(app, { billingStartOn: '2024-05-10' });
    const base = customerInput({ pppoeUsername: c.pppoeUsername! });
    const kept = await call(app, 'customers.update', { id: c.id, customer: { ...base, billingStartOn: '2024-06-01' } });
    expect(kept.billingStartOn).toBe('2024-06-01');
    const cleared = await call(app, 'customers.update', {
      id: c.id,
      customer: { ...base, installedOn: '2099-01-01', billingStartOn: null },
    });
    expect(cleared.billingStartOn).toBe('2099-01-01');
    const past = await call(app, 'customers.update', {
      id: c.id,
      customer: { ...base, installedOn: '2020-01-01', billingStartOn: null },
    });
    expect(past.billingStartOn).toBe(today);
  });
});
