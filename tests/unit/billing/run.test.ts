// Billing runs on a real file, with numbers computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../src-main/app';
import { call, createCustomer, createPlan, onCleanup, refused, databaseChecksum } from '../helpers';
import { billingApp, documents } from './billingApp';

const all = { kind: 'all' } as const;

describe('a billing run', () => {
  it('bills a mid-period start prorated, then whole periods, with CGST and SGST per line', async () => {
    const app = await billingApp('2026-11-20');
    const plan = await createPlan(app, { name: 'Home 50', priceMinor: 59_900, taxRateBps: 1800 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 5, billingStartOn: '2026-11-20' });

    const first = await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    expect(first).toMatchObject({ invoiceCount: 1, firstNumber: 'INV/26-27/00001' });
    const doc = await call(app, 'billing.document', { id: 1 });
    // 20 Nov – 4 Dec is 15 of the 30 days of 5 Nov – 4 Dec: 59900 × 15 / 30 = 29950.
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]).toMatchObject({
      description: 'Home 50 (15 of 30 days)',
      spanStart: '2026-11-20',
      spanEnd: '2026-12-04',
      taxable: 29_950,
    });
    // CGST = SGST = round_half_up(29950 × 9%) = round(2695.5) = 2696.
    expect(doc.lines[0]).toMatchObject({ cgst: 2_696, sgst: 2_696, igst: 0, total: 35_342 });
    expect(doc).toMatchObject({
      total: 35_342,
      dueOn: '2026-11-27',
      periodStart: '2026-11-20',
      periodEnd: '2026-12-04',
    });
    expect(doc.parties.buyer.accountNo).toBe(c.accountNo);

    // The same date again issues nothing.
    expect(await call(app, 'billing.run', { asOf: '2026-11-20', scope: all })).toMatchObject({ invoiceCount: 0 });

    // 5 Dec: the whole period 5 Dec – 4 Jan at full price: 59900 + 2 × 5391 = 70682.
    const second = await call(app, 'billing.run', { asOf: '2026-12-05', scope: all });
    expect(second).toMatchObject({ invoiceCount: 1, firstNumber: 'INV/26-27/00002', total: 70_682 });
    const whole = await call(app, 'billing.document', { id: 2 });
    expect(whole).toMatchObject({ periodStart: '2026-12-05', periodEnd: '2027-01-04', previousBalance: 35_342 });
    expect(whole.lines[0]).toMatchObject({ description: 'Home 50', cgst: 5_391, sgst: 5_391 });
  });

  it('catches up missed periods, one invoice each, and the preview says so', async () => {
    const app = await billingApp('2026-11-20');
    const plan = await createPlan(app, { priceMinor: 50_000, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-09-01' });
    const preview = await call(app, 'billing.preview', { asOf: '2026-11-20', scope: all });
    // 1 Sep, 1 Oct and 1 Nov have started: three invoices, two of them catching up.
    expect(preview).toMatchObject({ invoiceCount: 3, catchUpCount: 2, customers: 1, total: 3 * 59_000 });
    expect(preview.invoices.map((i) => [i.periodStart, i.catchUp])).toEqual([
      ['2026-09-01', true],
      ['2026-10-01', true],
      ['2026-11-01', false],
    ]);
    // A preview writes nothing: the next number is still 1.
    const run = await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    expect(run).toMatchObject({ invoiceCount: 3, firstNumber: 'INV/26-27/00001', lastNumber: 'INV/26-27/00003' });
  });

  it('charges IGST to a customer in another state', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 49_900, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01', placeOfSupply: '29' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const doc = await call(app, 'billing.document', { id: 1 });
    // 49900 × 18% = 8982.
    expect(doc.lines[0]).toMatchObject({ cgst: 0, sgst: 0, igst: 8_982, total: 58_882 });
    expect(doc.parties.tax.intraState).toBe(false);
    expect(doc.parties.buyer.placeOfSupplyName).toBe('Karnataka');
  });

  it('refuses a run date decades away, writing nothing', async () => {
    const app = await billingApp('2026-11-20');
    const before = databaseChecksum(app.db.sqlite);
    const error = await refused(app, 'billing.run', { asOf: '2062-11-20', scope: all });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/2062-11-20/);
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('does not bill periods that start while suspended, and bills the rest after reconnection', async () => {
    const app = await billingApp('2026-10-01');
    const plan = await createPlan(app, { priceMinor: 30_000, taxRateBps: 0 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-10-01' });
    await call(app, 'billing.run', { asOf: '2026-10-01', scope: all });
    app.setToday('2026-10-21');
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'Unpaid' });
    // Suspended 21 Oct: 11 of 31 days not served: 30000 × 11 / 31 = 10645.16 → 10645.
    expect(documents(app).map((d) => [d.kind, d.total])).toEqual([
      ['invoice', 30_000],
      ['credit_note', 10_645],
    ]);
    app.setToday('2026-11-01');
    expect(await call(app, 'billing.run', { asOf: '2026-11-01', scope: all })).toMatchObject({ invoiceCount: 0 });
    app.setToday('2026-11-16');
    await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'Paid' });
    // The November period started while suspended: the run bills 16–30 Nov, 15 of 30 days = 15000.
    const run = await call(app, 'billing.run', { asOf: '2026-11-16', scope: all });
    expect(run).toMatchObject({ invoiceCount: 1, total: 15_000 });
  });

  it('writes in one transaction: while it writes, another connection cannot, and a failure leaves nothing', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 50_000 });
    for (let i = 0; i < 3; i++)
      await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    const other = new Database(join(app.dataDir, DATABASE_FILE));
    other.pragma('busy_timeout = 0');
    onCleanup(() => {
      other.close();
    });
    const store = app.services.billing.store;
    const insert = store.insertDocument.bind(store);
    const seen: string[] = [];
    store.insertDocument = (doc, at) => {
      try {
        other.prepare(`INSERT INTO app_meta (key, value) VALUES ('probe', '1')`).run();
        seen.push('written');
      } catch (error) {
        seen.push((error as { code: string }).code);
      }
      if (seen.length === 3) throw new Error('power cut');
      return insert(doc, at);
    };
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    expect((await refused(app, 'billing.run', { asOf: '2026-11-01', scope: all })).code).toBe('internal');
    expect(seen).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY', 'SQLITE_BUSY']);
    // Nothing written, no number taken: the next run starts at 1.
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
    store.insertDocument = insert;
    expect(await call(app, 'billing.run', { asOf: '2026-11-01', scope: all })).toMatchObject({
      invoiceCount: 3,
      firstNumber: 'INV/26-27/00001',
      lastNumber: 'INV/26-27/00003',
    });
  });
});
