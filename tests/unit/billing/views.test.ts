// What the operator reads: the preview's scope and warnings, the Invoices list with its sums,
// the customer's Billing tab, and bad input refused with nothing written.
import { describe, expect, it } from 'vitest';
import { call, createCustomer, createPlan, databaseChecksum, refused } from '../helpers';
import { billingApp } from './billingApp';

describe('the preview', () => {
  it('covers the scope asked for and warns about customers it cannot bill properly', async () => {
    const app = await billingApp('2026-11-01', { stateCode: '', taxId: '' });
    const home = await createPlan(app, { name: 'Home', priceMinor: 50_000, taxRateBps: 1800 });
    const free = await createPlan(app, { name: 'Staff', priceMinor: 0 });
    const old = await createPlan(app, { name: 'Old', priceMinor: 30_000 });
    const a = await createCustomer(app, {
      name: 'A',
      planId: home.id,
      accessPoint: 'Tower 1',
      billingDay: 1,
      billingStartOn: '2026-11-01',
      placeOfSupply: '27',
    });
    const b = await createCustomer(app, {
      name: 'B',
      planId: home.id,
      accessPoint: 'Tower 2',
      billingDay: 1,
      billingStartOn: '2026-11-01',
      placeOfSupply: '27',
    });
    await createCustomer(app, {
      name: 'No plan',
      accessPoint: 'Tower 1',
      billingStartOn: '2026-11-01',
      placeOfSupply: '27',
    });
    await createCustomer(app, { name: 'Staff', planId: free.id, billingStartOn: '2026-11-01', placeOfSupply: '27' });
    const retired = await createCustomer(app, {
      name: 'Retired',
      planId: old.id,
      billingDay: 1,
      billingStartOn: '2026-11-01',
      placeOfSupply: '27',
    });
    await call(app, 'plans.setStatus', { id: old.id, status: 'retired' });
    await createCustomer(app, { name: 'Nowhere', planId: home.id, billingDay: 1, billingStartOn: '2026-11-01' });

    const everyone = await call(app, 'billing.preview', { asOf: '2026-11-01', scope: { kind: 'all' } });
    expect(everyone.invoices.map((i) => i.name)).toEqual(['A', 'B', 'Retired', 'Nowhere']);
    expect(everyone.warnings.map((w) => [w.name, w.problem])).toEqual([
      ['No plan', 'no_plan'],
      ['Staff', 'zero_price'],
      ['Retired', 'retired_plan'],
      ['Nowhere', 'no_place_of_supply'],
    ]);
    // Totals by tax rate: three at 18% (50000 + 9000 each) and the retired plan at 18%.
    expect(everyone.byRate).toEqual([{ taxRateBps: 1800, taxable: 180_000, tax: 32_400, total: 212_400 }]);
    expect(everyone.total).toBe(212_400);

    const tower = await call(app, 'billing.preview', {
      asOf: '2026-11-01',
      scope: { kind: 'accessPoint', accessPoint: 'Tower 2' },
    });
    expect(tower.invoices.map((i) => i.customerId)).toEqual([b.id]);
    const byPlan = await call(app, 'billing.preview', { asOf: '2026-11-01', scope: { kind: 'plan', planId: old.id } });
    expect(byPlan.invoices.map((i) => i.customerId)).toEqual([retired.id]);
    const one = await call(app, 'billing.preview', {
      asOf: '2026-11-01',
      scope: { kind: 'customer', customerId: a.id },
    });
    expect(one.invoices.map((i) => i.customerId)).toEqual([a.id]);
  });

  it('never bills archived customers, and says so when asked for one', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 50_000 });
    const c = await createCustomer(app, { planId: plan.id, billingStartOn: '2026-11-01', billingDay: 1 });
    await call(app, 'customers.setStatus', { id: c.id, status: 'archived', reason: 'Moved away' });
    expect((await call(app, 'billing.preview', { asOf: '2026-11-01', scope: { kind: 'all' } })).invoiceCount).toBe(0);
    const error = await refused(app, 'billing.preview', {
      asOf: '2026-11-01',
      scope: { kind: 'customer', customerId: c.id },
    });
    expect(error).toMatchObject({ code: 'customer_archived' });
    expect(
      (await refused(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'customer', customerId: 404 } })).code,
    ).toBe('not_found');
  });
});

describe('the Invoices list', () => {
  it('pages on the server and sums the whole filtered set, credit notes counting negative', async () => {
    const app = await billingApp('2026-09-01');
    const plan = await createPlan(app, { priceMinor: 10_000, taxRateBps: 1800 });
    const a = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-09-01' });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-09-01' });
    for (const d of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      app.setToday(d);
      await call(app, 'billing.run', { asOf: d, scope: { kind: 'all' } });
    }
    await call(app, 'billing.creditNote', { invoiceId: 1, reason: 'Outage', amount: { kind: 'rest' } });
    const page = await call(app, 'billing.documents', { pageSize: 4, page: 1 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.number)).toEqual([
      'CN/26-27/0001',
      'INV/26-27/00006',
      'INV/26-27/00005',
      'INV/26-27/00004',
    ]);
    // Six invoices of 11800, one cancelled by a credit note of 11800.
    expect(page.sums).toEqual({ taxable: 50_000, tax: 9_000, total: 59_000, outstanding: 59_000 });
    const second = await call(app, 'billing.documents', { pageSize: 4, page: 2 });
    expect(second.rows.map((r) => r.number)).toEqual(['INV/26-27/00003', 'INV/26-27/00002', 'INV/26-27/00001']);

    const october = await call(app, 'billing.documents', { from: '2026-10-01', to: '2026-10-31' });
    expect(october.rows.map((r) => r.number)).toEqual(['INV/26-27/00004', 'INV/26-27/00003']);
    expect((await call(app, 'billing.documents', { status: 'cancelled' })).rows.map((r) => r.number)).toEqual([
      'INV/26-27/00001',
    ]);
    expect((await call(app, 'billing.documents', { customerId: a.id, kind: 'invoice' })).total).toBe(3);
    expect((await call(app, 'billing.documents', { number: '00005' })).rows.map((r) => r.number)).toEqual([
      'INV/26-27/00005',
    ]);
    // LIKE wildcards typed by the operator are taken literally.
    expect((await call(app, 'billing.documents', { number: '%' })).total).toBe(0);
  });
});

describe('the Billing tab', () => {
  it('shows the balance, documents, charges and what the next run bills', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { name: 'Home', priceMinor: 50_000, taxRateBps: 1800 });
    const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'all' } });
    await call(app, 'billing.addCharge', { customerId: c.id, kind: 'addon', description: 'Static IP', amount: 20_000 });
    const tab = await call(app, 'billing.customer', { customerId: c.id });
    expect(tab.balance).toBe(59_000);
    expect(tab.documents.map((d) => d.number)).toEqual(['INV/26-27/00001']);
    expect(tab.charges.map((ch) => ch.description)).toEqual(['Static IP']);
    // The next run (1 Dec) bills the plan and the add-on: (50000 + 20000) × 1.18.
    expect(tab.upcoming).toMatchObject({
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      billsOn: '2026-12-01',
      total: 82_600,
    });
  });

  it('a plan changed on the customer form takes effect from the next period', async () => {
    const app = await billingApp('2026-11-01');
    const basic = await createPlan(app, { name: 'Basic', priceMinor: 30_000, taxRateBps: 0 });
    const fast = await createPlan(app, { name: 'Fast', priceMinor: 60_000, taxRateBps: 0 });
    const c = await createCustomer(app, {
      planId: basic.id,
      billingDay: 1,
      billingStartOn: '2026-11-01',
      pppoeUsername: 'form.plan',
    });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'all' } });
    app.setToday('2026-11-10');
    await call(app, 'customers.update', {
      id: c.id,
      customer: {
        name: c.name,
        phones: [],
        pppoeUsername: 'form.plan',
        planId: fast.id,
        billingDay: 1,
        billingStartOn: '2026-11-01',
      },
    });
    const history = await call(app, 'customers.history', { id: c.id });
    expect(history.find((e) => e.kind === 'plan_changed')?.effectiveOn).toBe('2026-12-01');
    app.setToday('2026-12-01');
    expect(await call(app, 'billing.run', { asOf: '2026-12-01', scope: { kind: 'all' } })).toMatchObject({
      total: 60_000,
    });
  });
});

describe('bad input', () => {
  it('credit notes of zero, negative, fractional or absurd amounts are refused and write nothing', async () => {
    const app = await billingApp('2026-11-01');
    const plan = await createPlan(app, { priceMinor: 50_000 });
    await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-11-01' });
    await call(app, 'billing.run', { asOf: '2026-11-01', scope: { kind: 'all' } });
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    for (const taxable of [0, -100, 10.5, 2 ** 60, Number.NaN, '100']) {
      const error = await refused(app, 'billing.creditNote', {
        invoiceId: 1,
        reason: 'x',
        amount: { kind: 'lines', lines: [{ lineId: 1, taxable }] },
      });
      expect(error.code).toBe('validation');
    }
    expect(
      (await refused(app, 'billing.creditNote', { invoiceId: 1, reason: '', amount: { kind: 'rest' } })).code,
    ).toBe('validation');
    expect(
      (await refused(app, 'billing.creditNote', { invoiceId: 99, reason: 'x', amount: { kind: 'rest' } })).code,
    ).toBe('not_found');
    expect(
      (
        await refused(app, 'billing.creditNote', {
          invoiceId: 1,
          reason: 'x',
          amount: { kind: 'lines', lines: [{ lineId: 999, taxable: 1 }] },
        })
      ).code,
    ).toBe('validation');
    for (const asOf of ['2026-02-30', '26-11-01', '', '1926-11-01', '2126-11-01']) {
      expect((await refused(app, 'billing.run', { asOf, scope: { kind: 'all' } })).code).toBe('validation');
    }
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
  });
});
