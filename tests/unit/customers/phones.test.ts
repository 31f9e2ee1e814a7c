// Phones in one form: stored as E.164, checked against the office's country, shown in its
// national format, found however they are typed.
import { describe, expect, it } from 'vitest';
import { call, createCustomer, customerInput, expectValidation, freshApp, refused, type TestApp } from '../helpers';

const storedPhones = (app: TestApp, id: number) =>
  JSON.parse(app.db.sqlite.prepare('SELECT phones FROM customers WHERE id = ?').pluck().get(id) as string) as string[];

describe('customers: phones in one form', () => {
  it('stores E.164 and shows the national format for the office’s country', async () => {
    const app = freshApp();
    const created = await createCustomer(app, { phones: ['+91 98220 12345', '(020) 2553-0101', '+44 20 7946 0958'] });
    expect(storedPhones(app, created.id)).toEqual(['+919822012345', '+912025530101', '+442079460958']);
    expect(created.phones).toEqual(['98220 12345', '020 2553 0101', '+44 20 7946 0958']);
    const [row] = (await call(app, 'customers.list', {})).records;
    expect(row!.phone).toBe('98220 12345');
    const [hit] = await call(app, 'customers.search', { query: 'Rahul' });
    expect(hit!.phone).toBe('98220 12345');
  });

  it('the same number typed three ways is stored once the same way', async () => {
    const app = freshApp();
    for (const typed of ['09822012345', '98220 12345', '+91-98220-12345']) {
      const c = await createCustomer(app, { phones: [typed] });
      expect(storedPhones(app, c.id)).toEqual(['+919822012345']);
    }
  });

  it('refuses a nine-digit mobile on create and update, at the phone’s own path', async () => {
    const app = freshApp();
    const error = await refused(app, 'customers.create', customerInput({ phones: ['98220 1234'] }));
    expectValidation(error, 'phones.0');
    expect(error.message).toMatch(/phone.*not a valid phone number in India/);
    const c = await createCustomer(app);
    expectValidation(
      await refused(app, 'customers.update', {
        id: c.id,
        customer: customerInput({ pppoeUsername: c.pppoeUsername!, phones: ['98220 12345', '12345 6789'] }),
      }),
      'phones.1',
    );
    expect(storedPhones(app, c.id)).toEqual(['+919845012345']);
  });

  it('an edit that sends back the shown form keeps the number', async () => {
    const app = freshApp();
    const c = await createCustomer(app);
    const updated = await call(app, 'customers.update', {
      id: c.id,
      customer: customerInput({ pppoeUsername: c.pppoeUsername!, phones: c.phones }),
    });
    expect(updated.phones).toEqual(c.phones);
    expect(storedPhones(app, c.id)).toEqual(['+919845012345']);
  });

  it('reads numbers as the country in settings says', async () => {
    const app = freshApp();
    expect((await call(app, 'settings.get', {})).country).toBe('IN');
    await call(app, 'settings.save', {
      companyName: 'Dales Wireless',
      currency: 'GBP',
      locale: 'en-GB',
      country: 'GB',
    });
    const c = await createCustomer(app, { phones: ['020 7946 0958', '+91 98220 12345'] });
    expect(storedPhones(app, c.id)).toEqual(['+442079460958', '+919822012345']);
    expect(c.phones).toEqual(['020 7946 0958', '+91 98220 12345']);
    expectValidation(await refused(app, 'settings.save', { companyName: 'X', country: 'XX' }), 'country');
  });
});

describe('customers: search finds a number however it is typed', () => {
  async function office() {
    const app = freshApp();
    const rahul = await createCustomer(app, { name: 'Rahul Patil', phones: ['98220 12345'] });
    await createCustomer(app, { name: 'Imran Shaikh', phones: ['+91 90110 55667'] });
    await createCustomer(app, { name: 'Sneha Kulkarni', phones: ['020 2445 1100'] });
    return { app, rahul };
  }

  it.each(['+91 98220 12345', '+919822012345', '09822012345', '98220 12345', '9822012345', '919822012345', '98220'])(
    '%s finds the customer, in search and in the list',
    async (query) => {
      const { app, rahul } = await office();
      expect((await call(app, 'customers.search', { query })).map((h) => h.id)).toEqual([rahul.id]);
      expect((await call(app, 'customers.list', { query })).records.map((r) => r.id)).toEqual([rahul.id]);
    },
  );

  it('a landline fragment with its trunk 0 finds it too', async () => {
    const { app } = await office();
    expect((await call(app, 'customers.search', { query: '020 2445' })).map((h) => h.name)).toEqual(['Sneha Kulkarni']);
  });

  it('the CSV export of a filtered list uses the same reading of the query', async () => {
    const { app } = await office();
    const { count } = await call(app, 'customers.exportCsv', { query: '09822012345' });
    expect(count).toBe(1);
  });
});
