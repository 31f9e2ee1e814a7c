// The billing settings and changes during a period, each on a real file with hand-worked numbers.
import { describe, expect, it } from 'vitest';
import { call, createCustomer, createPlan, databaseChecksum, refused } from '../helpers';
import { billingApp, COMPANY, documents } from './billingApp';

const all = { kind: 'all' } as const;

describe('settings', () => {
  it('tax-inclusive prices: the customer pays exactly the price', async () => {
    const app = await billingApp('2026-11-01', { pricesIncludeTax: true });
    const plan = await createPlan(app, { priceMinor: 59_900, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const doc = await call(app, 'billing.document', { id: 1 });
    // taxable round(59900 / 1.18) = 50763; tax 9137 split 4569 + 4568.
    expect(doc.lines[0]).toMatchObject({ taxable: 50_763, cgst: 4_569, sgst: 4_568, total: 59_900 });
    expect(doc.total).toBe(59_900);
  });

  it('round off: the total to the whole rupee with its own round-off', async () => {
    const app = await billingApp('2026-11-20', { roundOff: true });
    const plan = await createPlan(app, { priceMinor: 59_900, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 5, billingStartOn: '2026-11-20' });
    await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    const doc = await call(app, 'billing.document', { id: 1 });
    // Lines 35342 (353.42) → 353.00: round-off −42.
    expect(doc).toMatchObject({ taxable: 29_950, tax: 5_392, roundOff: -42, total: 35_300 });
  });

  it('VAT with its own label, and a Bill of Supply with no tax', async () => {
    const vat = await billingApp('2026-11-01', { taxMode: 'vat', taxLabel: 'Sales tax', taxId: '', stateCode: '' });
    const plan = await createPlan(vat, { priceMinor: 10_000, taxRateBps: 750 });
    await createCustomer(vat, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(vat, 'billing.run', { asOf: '2026-11-01', scope: all });
    const doc = await call(vat, 'billing.document', { id: 1 });
    expect(doc.lines[0]).toMatchObject({ vat: 750, cgst: 0, total: 10_750 });
    expect(doc.parties.tax).toMatchObject({ mode: 'vat', label: 'Sales tax' });

    const none = await billingApp('2026-11-01', { taxMode: 'none', taxId: '' });
    const plan2 = await createPlan(none, { priceMinor: 10_000, taxRateBps: 1800 });
    await createCustomer(none, { planId: plan2.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(none, 'billing.run', { asOf: '2026-11-01', scope: all });
    const bill = await call(none, 'billing.document', { id: 1 });
    expect(bill).toMatchObject({ tax: 0, total: 10_000 });
    expect(bill.lines[0]).toMatchObject({ taxRateBps: 0, cgst: 0, sgst: 0 });
  });

  it('in arrears: bills periods that have ended, counting the days served', async () => {
    const app = await billingApp('2026-10-01', { billingTiming: 'arrears' });
    const plan = await createPlan(app, { priceMinor: 31_000, taxRateBps: 0 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-10-01' });
    expect(await call(app, 'billing.run', { asOf: '2026-10-31', scope: all })).toMatchObject({ invoiceCount: 0 });
    app.setToday('2026-10-11');
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'Travel' });
    app.setToday('2026-10-21');
    await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'Back' });
    // No credit notes in arrears: the run counts 1–10 and 21–31 Oct, 10 + 11 of 31 days.
    expect(documents(app)).toEqual([]);
    app.setToday('2026-11-01');
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const doc = await call(app, 'billing.document', { id: 1 });
    expect(doc.lines.map((l) => [l.spanStart, l.spanEnd, l.taxable])).toEqual([
      ['2026-10-01', '2026-10-10', 10_000],
      ['2026-10-21', '2026-10-31', 11_000],
    ]);
  });

  it('a mid-period start on one invoice with the next whole period, when set', async () => {
    const app = await billingApp('2026-11-20', { firstInvoice: 'combined' });
    const plan = await createPlan(app, { priceMinor: 30_000, taxRateBps: 0 });
    await createCustomer(app, { planId: plan.id, billingDay: 5, billingStartOn: '2026-11-20' });
    await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    const doc = await call(app, 'billing.document', { id: 1 });
    // 15 of 30 days (15000) and 5 Dec – 4 Jan whole (30000) on one invoice.
    expect(doc).toMatchObject({ periodStart: '2026-11-20', periodEnd: '2027-01-04', total: 45_000 });
    expect(await call(app, 'billing.run', { asOf: '2026-12-05', scope: all })).toMatchObject({ invoiceCount: 0 });
    expect(await call(app, 'billing.run', { asOf: '2027-01-05', scope: all })).toMatchObject({ invoiceCount: 1 });
  });

  it('numbers restart each financial year, with the start month a setting', async () => {
    const app = await billingApp('2027-03-01');
    const plan = await createPlan(app, { priceMinor: 10_000, taxRateBps: 0 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2027-03-01' });
    await call(app, 'billing.run', { asOf: '2027-03-01', scope: all });
    app.setToday('2027-04-01');
    await call(app, 'billing.run', { asOf: '2027-04-01', scope: all });
    expect(documents(app).map((d) => d.number)).toEqual(['INV/26-27/00001', 'INV/27-28/00001']);

    const calendar = await billingApp('2026-12-01', { fyStartMonth: 1, invoicePrefix: 'SW/{FY}/', invoiceDigits: 4 });
    const p2 = await createPlan(calendar, { priceMinor: 10_000, taxRateBps: 0 });
    await createCustomer(calendar, { planId: p2.id, billingDay: 1, billingStartOn: '2026-12-01' });
    await call(calendar, 'billing.run', { asOf: '2026-12-01', scope: all });
    calendar.setToday('2027-01-01');
    await call(calendar, 'billing.run', { asOf: '2027-01-01', scope: all });
    expect(documents(calendar).map((d) => d.number)).toEqual(['SW/2026/0001', 'SW/2027/0001']);
  });

  it('refuses an invoice prefix that makes numbers longer than 16 characters', async () => {
    const app = await billingApp('2026-11-01');
    const before = databaseChecksum(app.db.sqlite);
    const error = await refused(app, 'settings.save', { ...COMPANY, invoicePrefix: 'SAHYADRI/{FY}/' });
    expect(error.code).toBe('validation');
    expect(error.details?.issues?.[0]?.message).toMatch(/SAHYADRI\/99-00\/99999.*GST allows at most 16/);
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });
});

describe('changes during a period', () => {
  it('plan change now: a credit note for the old plan, an invoice for the new one', async () => {
    const app = await billingApp('2026-11-01');
    const basic = await createPlan(app, { name: 'Basic', priceMinor: 30_000, taxRateBps: 1800 });
    const fast = await createPlan(app, { name: 'Fast', priceMinor: 60_000, taxRateBps: 1800 });
    const c = await createCustomer(app, { planId: basic.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    app.setToday('2026-11-16');
    const { creditNote, invoice } = await call(app, 'billing.changePlan', {
      customerId: c.id,
      planId: fast.id,
      when: 'now',
    });
    // 16–30 Nov, 15 of 30 days: credit 30000 × 15/30 = 15000 (+ 1350 + 1350), charge 60000 × 15/30 = 30000 (+ 2700 + 2700).
    expect(creditNote).toMatchObject({
      number: 'CN/26-27/0001',
      taxable: 15_000,
      total: 17_700,
      creditsInvoice: { number: 'INV/26-27/00001' },
    });
    expect(invoice).toMatchObject({
      number: 'INV/26-27/00002',
      taxable: 30_000,
      total: 35_400,
      periodStart: '2026-11-16',
      periodEnd: '2026-11-30',
    });
    expect((await call(app, 'customers.get', { id: c.id })).planId).toBe(fast.id);
    // December bills the new plan in full.
    app.setToday('2026-12-01');
    expect(await call(app, 'billing.run', { asOf: '2026-12-01', scope: all })).toMatchObject({ total: 70_800 });
    // Balance: 35400 − 17700 + 35400 + 70800.
    expect((await call(app, 'billing.customer', { customerId: c.id })).balance).toBe(123_900);
  });

  it('plan change from the next period prorates nothing', async () => {
    const app = await billingApp('2026-11-01');
    const basic = await createPlan(app, { name: 'Basic', priceMinor: 30_000, taxRateBps: 0 });
    const fast = await createPlan(app, { name: 'Fast', priceMinor: 60_000, taxRateBps: 0 });
    const c = await createCustomer(app, { planId: basic.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    app.setToday('2026-11-16');
    expect(await call(app, 'billing.changePlan', { customerId: c.id, planId: fast.id, when: 'next_period' })).toEqual({
      creditNote: null,
      invoice: null,
    });
    app.setToday('2026-12-01');
    expect(await call(app, 'billing.run', { asOf: '2026-12-01', scope: all })).toMatchObject({ total: 60_000 });
  });

  it('refuses a plan change to a retired plan, changing nothing', async () => {
    const app = await billingApp('2026-11-01');
    const basic = await createPlan(app, { name: 'Basic', priceMinor: 30_000 });
    const old = await createPlan(app, { name: 'Old', priceMinor: 20_000 });
    await call(app, 'plans.setStatus', { id: old.id, status: 'retired' });
    const c = await createCustomer(app, { planId: basic.id, billingDay: 1, billingStartOn: '2026-11-01' });
    const before = databaseChecksum(app.db.sqlite);
    const error = await refused(app, 'billing.changePlan', { customerId: c.id, planId: old.id, when: 'now' });
    expect(error.code).toBe('plan_retired');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('a reconnection within a billed period bills the rest of it', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 30_000, taxRateBps: 0 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    app.setToday('2026-11-11');
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'Unpaid' });
    app.setToday('2026-11-21');
    await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'Paid' });
    // Credit 11–30 Nov (20 days = 20000), then invoice 21–30 Nov (10 days = 10000).
    expect(documents(app).map((d) => [d.number, d.total])).toEqual([
      ['INV/26-27/00001', 30_000],
      ['CN/26-27/0001', 20_000],
      ['INV/26-27/00002', 10_000],
    ]);
    // A second suspension in the same period credits only what is still charged.
    app.setToday('2026-11-26');
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'Unpaid again' });
    expect(documents(app).at(-1)).toMatchObject({ number: 'CN/26-27/0002', total: 5_000 });
    expect((await call(app, 'billing.customer', { customerId: c.id })).balance).toBe(30_000 - 20_000 + 10_000 - 5_000);
  });

  it('no credit for suspended days when the setting is off', async () => {
    const app = await billingApp('2026-11-01', { creditSuspendedDays: false });
    const plan = await createPlan(app, { priceMinor: 30_000, taxRateBps: 0 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    app.setToday('2026-11-11');
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'Unpaid' });
    app.setToday('2026-11-21');
    await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'Paid' });
    expect(documents(app)).toHaveLength(1);
  });
});

describe('charges beyond the plan', () => {
  it('an add-on, a percent discount with an end date and a one-time charge on the next invoice', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { name: 'Home 50', priceMinor: 50_000, taxRateBps: 1800 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.addCharge', {
      customerId: c.id,
      kind: 'addon',
      description: 'Static IP',
      amount: 20_000,
      sacCode: '998422',
      taxRateBps: 1800,
    });
    await call(app, 'billing.addCharge', {
      customerId: c.id,
      kind: 'discount',
      description: 'Festive 10% off',
      percentBps: 1000,
      endsOn: '2026-11-30',
    });
    await call(app, 'billing.addCharge', {
      customerId: c.id,
      kind: 'one_time',
      description: 'Installation',
      amount: 100_000,
      sacCode: '995461',
      taxRateBps: 1800,
    });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const nov = await call(app, 'billing.document', { id: 1 });
    expect(nov.lines.map((l) => [l.kind, l.description, l.taxable, l.total])).toEqual([
      ['plan', 'Home 50', 50_000, 59_000],
      ['addon', 'Static IP', 20_000, 23_600],
      // 10% of 50000 off, taxed at the plan's rate: −5000 − 450 − 450.
      ['discount', 'Festive 10% off', -5_000, -5_900],
      ['one_time', 'Installation', 100_000, 118_000],
    ]);
    expect(nov).toMatchObject({ taxable: 165_000, total: 194_700 });
    expect(nov.lines.find((l) => l.kind === 'one_time')?.sacCode).toBe('995461');
    // December: the discount has ended and the installation was billed.
    app.setToday('2026-12-01');
    await call(app, 'billing.run', { asOf: '2026-12-01', scope: all });
    const dec = await call(app, 'billing.document', { id: 2 });
    expect(dec.lines.map((l) => l.kind)).toEqual(['plan', 'addon']);
  });

  it('a one-time charge billed at once, which then cannot be cancelled', async () => {
    const app = await billingApp('2026-11-10');
    const c = await createCustomer(app, { billingStartOn: '2026-11-10' });
    const { charge, invoice } = await call(app, 'billing.addCharge', {
      customerId: c.id,
      kind: 'one_time',
      description: 'Router (TP-Link C6)',
      amount: 250_000,
      sacCode: '8517',
      taxRateBps: 1800,
      billNow: true,
    });
    expect(invoice).toMatchObject({ number: 'INV/26-27/00001', total: 295_000, source: 'charge' });
    expect(charge.billedInvoice?.number).toBe('INV/26-27/00001');
    const error = await refused(app, 'billing.cancelCharge', { id: charge.id });
    expect(error.message).toMatch(/billed on INV\/26-27\/00001: issue a credit note/);
  });

  it('a late fee once per overdue invoice, taxed like the service', async () => {
    const app = await billingApp('2026-10-01', { lateFeeMode: 'flat', lateFeeMinor: 10_000, lateFeeGraceDays: 5 });
    const plan = await createPlan(app, { priceMinor: 50_000, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-10-01' });
    await call(app, 'billing.run', { asOf: '2026-10-01', scope: all }); // due 8 Oct, late after 13 Oct
    app.setToday('2026-11-01');
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const nov = await call(app, 'billing.document', { id: 2 });
    expect(nov.lines.map((l) => [l.kind, l.taxable, l.cgst])).toEqual([
      ['plan', 50_000, 4_500],
      ['late_fee', 10_000, 900],
    ]);
    app.setToday('2026-12-01');
    await call(app, 'billing.run', { asOf: '2026-12-01', scope: all });
    const dec = await call(app, 'billing.document', { id: 3 });
    // October's fee is not charged twice; November's invoice is overdue now and gets its own.
    expect(dec.lines.filter((l) => l.kind === 'late_fee').map((l) => l.description)).toEqual([
      'Late fee on INV/26-27/00002 (due 2026-11-08)',
    ]);
  });

  it('refuses bad charges with a clear error and writes nothing', async () => {
    const app = await billingApp('2026-11-10');
    const c = await createCustomer(app, {});
    const before = databaseChecksum(app.db.sqlite);
    const bad = [
      { customerId: c.id, kind: 'one_time', description: 'X', amount: 0 },
      { customerId: c.id, kind: 'one_time', description: 'X', amount: -100 },
      { customerId: c.id, kind: 'one_time', description: 'X', amount: 10.5 },
      { customerId: c.id, kind: 'one_time', description: 'X', amount: 2 ** 60 },
      { customerId: c.id, kind: 'addon', description: 'X', amount: 100, taxRateBps: 10_001 },
      { customerId: c.id, kind: 'addon', description: 'X', amount: 100, taxRateBps: -1 },
      { customerId: c.id, kind: 'addon', description: 'X', amount: 100, percentBps: 500 },
      { customerId: c.id, kind: 'discount', description: 'X', percentBps: 20_000 },
      { customerId: c.id, kind: 'addon', description: 'X', amount: 100, billNow: true },
      { customerId: c.id, kind: 'addon', description: 'X', amount: 100, sacCode: '12' },
      { customerId: 999, kind: 'one_time', description: 'X', amount: 100 },
    ];
    for (const input of bad) {
      const error = await refused(app, 'billing.addCharge', input);
      expect(['validation', 'not_found']).toContain(error.code);
    }
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });
});

describe('credit notes', () => {
  it('cancel the rest of an invoice exactly, and nothing more can be credited', async () => {
    const app = await billingApp('2026-11-20', { roundOff: true });
    const plan = await createPlan(app, { priceMinor: 59_900, taxRateBps: 1800 });
    await createCustomer(app, { planId: plan.id, billingDay: 5, billingStartOn: '2026-11-20' });
    await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    const part = await call(app, 'billing.creditNote', {
      invoiceId: 1,
      reason: 'Outage 3 days',
      amount: { kind: 'lines', lines: [{ lineId: 1, taxable: 5_990 }] },
    });
    // 5990 + 2 × round(539.1) = 5990 + 539 + 539.
    expect(part).toMatchObject({ number: 'CN/26-27/0001', total: 7_068 });
    const afterPart = await call(app, 'billing.document', { id: 1 });
    expect(afterPart.status).toBe('unpaid');
    expect(afterPart.lines[0]!.creditedTaxable).toBe(5_990);
    const tooMuch = await refused(app, 'billing.creditNote', {
      invoiceId: 1,
      reason: 'x',
      amount: { kind: 'lines', lines: [{ lineId: 1, taxable: 25_000 }] },
    });
    expect(tooMuch.message).toMatch(/has ₹239\.60 left to credit, less than the ₹250\.00 asked/);
    const rest = await call(app, 'billing.creditNote', {
      invoiceId: 1,
      reason: 'Connection cancelled',
      amount: { kind: 'rest' },
    });
    // 35300 − 7068 = 28232, the round-off included.
    expect(rest.total).toBe(28_232);
    const invoice = await call(app, 'billing.document', { id: 1 });
    expect(invoice).toMatchObject({ status: 'cancelled', credited: 35_300, outstanding: 0 });
    const before = databaseChecksum(app.db.sqlite);
    const again = await refused(app, 'billing.creditNote', { invoiceId: 1, reason: 'again', amount: { kind: 'rest' } });
    expect(again.message).toMatch(/cancelled/);
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });
});

describe('credit notes and the round-off', () => {
  it('crediting every line in full takes the round-off too, so the invoice ends cancelled', async () => {
    const app = await billingApp('2026-11-20', { roundOff: true });
    const down = await createPlan(app, { name: 'Down', priceMinor: 59_900, taxRateBps: 1800 });
    const up = await createPlan(app, { name: 'Up', priceMinor: 29_958, taxRateBps: 1800 });
    await createCustomer(app, { planId: down.id, billingDay: 5, billingStartOn: '2026-11-20' });
    await createCustomer(app, { planId: up.id, billingDay: 20, billingStartOn: '2026-11-20' });
    await call(app, 'billing.run', { asOf: '2026-11-20', scope: all });
    // Invoice 1: lines 353.42, rounded down to 353.00 (−0.42). Invoice 2: 29958 + 2 × 2696 = 353.50, up to 354.00 (+0.50).
    const [first, second] = [
      await call(app, 'billing.document', { id: 1 }),
      await call(app, 'billing.document', { id: 2 }),
    ];
    expect([first.roundOff, first.total, second.roundOff, second.total]).toEqual([-42, 35_300, 50, 35_400]);
    for (const doc of [first, second]) {
      const note = await call(app, 'billing.creditNote', {
        invoiceId: doc.id,
        reason: 'Billed by mistake',
        amount: { kind: 'lines', lines: [{ lineId: doc.lines[0]!.id, taxable: doc.lines[0]!.taxable }] },
      });
      expect(note).toMatchObject({ total: doc.total, roundOff: doc.roundOff });
      expect(note.lines).toHaveLength(1);
      expect((await call(app, 'billing.document', { id: doc.id })).status).toBe('cancelled');
    }
  });
});

describe('issued documents', () => {
  it('keep the details they were issued with when settings, plan and customer change later', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { name: 'Home 50', priceMinor: 50_000, taxRateBps: 1800 });
    const c = await createCustomer(app, {
      name: 'Asha Jadhav',
      planId: plan.id,
      billingDay: 1,
      billingStartOn: '2026-11-01',
    });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const before = await call(app, 'billing.document', { id: 1 });
    await call(app, 'settings.save', { ...COMPANY, companyName: 'Renamed Networks', address: 'Elsewhere' });
    await call(app, 'plans.update', {
      id: plan.id,
      plan: { name: 'Home 50 New', downloadKbps: 51_200, uploadKbps: 25_600, priceMinor: 99_900 },
    });
    await call(app, 'customers.update', {
      id: c.id,
      customer: { name: 'Asha Patil', phones: [], pppoeUsername: 'asha' },
    });
    const after = await call(app, 'billing.document', { id: 1 });
    expect(after.parties).toEqual(before.parties);
    expect(after.parties.seller.name).toBe('Sahyadri Wireless');
    expect(after.parties.buyer.name).toBe('Asha Jadhav');
    expect(after.lines[0]!.description).toBe('Home 50');
    expect(after.total).toBe(59_000);
    // The next document carries the new details.
    await call(app, 'billing.creditNote', {
      invoiceId: 1,
      reason: 'Goodwill',
      amount: { kind: 'lines', lines: [{ lineId: 1, taxable: 100 }] },
    });
    expect((await call(app, 'billing.document', { id: 2 })).parties.seller.name).toBe('Renamed Networks');
  });
});

describe('the database itself', () => {
  it('refuses a second invoice for the same customer and period, and a duplicate number', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 10_000, taxRateBps: 0 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const copy = (number: string, seq: number, periodKey: string | null) =>
      app.db.sqlite
        .prepare(
          `INSERT INTO invoices (kind, number, fy, seq, customer_id, issued_on, period_key, source, taxable_minor, tax_minor, total_minor, status, previous_balance_minor, seller_sha256, snapshot, created_at)
           SELECT kind, ?, fy, ?, customer_id, issued_on, ?, source, taxable_minor, tax_minor, total_minor, status, previous_balance_minor, seller_sha256, snapshot, created_at FROM invoices WHERE id = 1`,
        )
        .run(number, seq, periodKey);
    expect(() => copy('X', 99, '2026-11-01')).toThrow(/UNIQUE.*customer_id, invoices.period_key/);
    expect(() => copy('INV/26-27/00001', 99, null)).toThrow(/UNIQUE.*invoices.kind, invoices.number/);
    expect(() => copy('X', 1, null)).toThrow(/UNIQUE.*invoices.kind, invoices.fy, invoices.seq/);
    expect(documents(app)).toHaveLength(1);
  });

  it('never lets an issued document be edited or deleted, only credited', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 10_000, taxRateBps: 0 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: all });
    const sql = (text: string) => () => app.db.sqlite.exec(text);
    expect(sql(`UPDATE invoices SET total_minor = 1, taxable_minor = 1 WHERE id = 1`)).toThrow(/never edited/);
    expect(sql(`UPDATE invoices SET snapshot = '{}' WHERE id = 1`)).toThrow(/never edited/);
    expect(sql(`DELETE FROM invoices WHERE id = 1`)).toThrow(/never deleted/);
    expect(sql(`UPDATE invoice_lines SET description = 'x'`)).toThrow(/never edited/);
    expect(sql(`DELETE FROM invoice_lines`)).toThrow(/never deleted/);
    expect(sql(`UPDATE sellers SET details = '{}'`)).toThrow(/never edited/);
    // What a credit note (or a payment) takes off is the one thing that moves, with the status.
    expect(sql(`UPDATE invoices SET total_minor = total_minor + 1 WHERE id = 1`)).toThrow(/never edited|CHECK/);
    await call(app, 'billing.creditNote', { invoiceId: 1, reason: 'Cancelled', amount: { kind: 'rest' } });
    expect(documents(app).map((d) => d.status)).toEqual(['cancelled', 'issued']);
  });
});
