// Spreadsheets and the new customer fields: phones read against the office's country and
// written so they come back unchanged, GSTIN, place of supply and billing start both ways.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { call, createCustomer, freshApp, type TestApp } from '../helpers';

function rows(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

const storedPhones = (app: TestApp) =>
  app.db.sqlite.prepare('SELECT phones FROM customers ORDER BY id').pluck().all() as string[];

async function importCsv(app: TestApp, csv: string) {
  const preview = await call(app, 'customers.importPreview', { csv });
  return { preview, commit: () => call(app, 'customers.importCommit', { csv, mapping: preview.mapping }) };
}

describe('customers: CSV export of phones and billing fields', () => {
  it('writes phones as dialled from the office, and the billing fields', async () => {
    const app = freshApp();
    await createCustomer(app, {
      name: 'Asha Traders',
      phones: ['+91 98220 12345', '+44 20 7946 0958'],
      gstin: '27AABCS1234F1ZR',
      installedOn: '2024-03-01',
      billingStartOn: '2024-03-05',
    });
    const [row] = rows((await call(app, 'customers.exportCsv', {})).csv);
    expect(row).toMatchObject({
      Phone: '098220 12345',
      'Second phone': '00 44 20 7946 0958',
      GSTIN: '27AABCS1234F1ZR',
      'Place of supply': '27-Maharashtra',
      'Billing starts on': '2024-03-05',
    });
  });

  it('an exported file imports back unchanged', async () => {
    const app = freshApp();
    await createCustomer(app, {
      name: 'Asha Traders',
      phones: ['9822012345', '+44 20 7946 0958'],
      gstin: '29AAGCB7383J1Z4',
    });
    await createCustomer(app, { name: 'Imran Shaikh', phones: ['(020) 2553-0101'], billingStartOn: '2024-06-01' });
    const { csv } = await call(app, 'customers.exportCsv', {});
    const fields = (r: Record<string, unknown>) => ({
      name: r.name,
      gstin: r.gstin,
      placeOfSupply: r.placeOfSupply,
      billingStartOn: r.billingStartOn,
    });
    const before = await Promise.all([1, 2].map((id) => call(app, 'customers.get', { id })));
    const phonesBefore = storedPhones(app);

    const other = freshApp();
    const { preview, commit } = await importCsv(other, csv);
    expect(preview.invalidRows).toBe(0);
    await commit();
    const after = await Promise.all([1, 2].map((id) => call(other, 'customers.get', { id })));
    expect(after.map(fields)).toEqual(before.map(fields));
    expect(storedPhones(other)).toEqual(phonesBefore);
  });
});

describe('customers: CSV import of phones and billing fields', () => {
  it('maps GST headers, states by name or code, and billing start', async () => {
    const app = freshApp();
    const csv =
      'Name,Mobile,GST No,State,Billing Start,Username\n' +
      'Asha Traders,98220 12345,27aabcs1234f1zr,,05/03/2024,asha\n' +
      'Karnataka Co,+91 80 2222 3333,,Karnataka,,kco\n' +
      'Goa Stays,0832 222 3333,,30-Goa,2024-07-01,goa\n';
    const { preview, commit } = await importCsv(app, csv);
    expect(preview.mapping).toMatchObject({ gstin: 2, placeOfSupply: 3, billingStartOn: 4, status: null });
    expect(preview.invalidRows).toBe(0);
    await commit();
    const customers = await Promise.all([1, 2, 3].map((id) => call(app, 'customers.get', { id })));
    expect(customers.map((c) => [c.gstin, c.placeOfSupply, c.phones[0]])).toEqual([
      ['27AABCS1234F1ZR', '27', '98220 12345'],
      [null, '29', '080 2222 3333'],
      [null, '30', '0832 222 3333'],
    ]);
    expect(customers[0]!.billingStartOn).toBe('2024-03-05');
    expect(customers[2]!.billingStartOn).toBe('2024-07-01');
    expect(storedPhones(app)).toEqual(['["+919822012345"]', '["+918022223333"]', '["+918322223333"]']);
  });

  it('reports a bad phone, GSTIN or state on its row and column', async () => {
    const app = freshApp();
    const csv =
      'Name,Mobile,Alternate Mobile,GSTIN,State,Username\n' +
      'Short Number,98220 1234,,,,a\n' +
      'Bad Second,98220 12345,call me,,,b\n' +
      'Wrong Check,98220 12345,,27AABCS1234F1Z5,,c\n' +
      'No State,98220 12345,,,Atlantis,d\n' +
      'Disagrees,98220 12345,,27AABCS1234F1ZR,Goa,e\n';
    const { preview } = await importCsv(app, csv);
    expect(preview.invalidRows).toBe(5);
    const errors = preview.rows.map((r) => r.errors.map((e) => e.field));
    expect(errors).toEqual([['phone'], ['phone2'], ['gstin'], ['placeOfSupply'], ['placeOfSupply']]);
    expect(preview.rows[0]!.errors[0]!.message).toMatch(/not a valid phone number in India/);
    expect(preview.rows[3]!.errors[0]!.message).toMatch(/Atlantis/);
  });
});
