// The statement, the day book and dues on a real file, with hand-worked numbers.
import { describe, expect, it } from 'vitest';
import { call, databaseChecksum, refused } from '../helpers';
import { billingApp, invoiceStates, owingCustomer } from './paymentsApp';

describe('a credit note on a paid invoice', () => {
  it('gives the money back as credit, which pays the next open invoice', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId, invoiceIds } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 50_000, method: 'cash' });
    expect(invoiceStates(app, customerId)[0]).toEqual({ status: 'paid', paid: 50_000 });
    await call(app, 'billing.creditNote', { invoiceId: invoiceIds[0]!, reason: 'Outage', amount: { kind: 'rest' } });
    // The September invoice is cancelled; its ₹500 moved to October's.
    expect(invoiceStates(app, customerId)).toEqual([
      { status: 'cancelled', paid: 0 },
      { status: 'paid', paid: 50_000 },
      { status: 'unpaid', paid: 0 },
    ]);
    expect(await call(app, 'payments.counter', { customerId })).toMatchObject({ balance: 50_000, credit: 0 });
  });
});

describe('the customer statement', () => {
  it('opens with the balance before the range and runs to the closing balance', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-10-15');
    await call(app, 'payments.record', { customerId, amount: 60_000, method: 'cash', receivedOn: '2026-10-15' });
    app.setToday('2026-11-20');
    const whole = await call(app, 'payments.statement', { customerId });
    expect(whole.entries.map((e) => [e.on, e.kind, e.debit, e.credit, e.balance])).toEqual([
      ['2026-09-01', 'invoice', 50_000, 0, 50_000],
      ['2026-10-01', 'invoice', 50_000, 0, 100_000],
      ['2026-10-15', 'payment', 0, 60_000, 40_000],
      ['2026-11-01', 'invoice', 50_000, 0, 90_000],
    ]);
    expect(whole).toMatchObject({ opening: 0, closing: 90_000, debits: 150_000, credits: 60_000 });
    const november = await call(app, 'payments.statement', { customerId, from: '2026-10-16', to: '2026-11-30' });
    expect(november).toMatchObject({ opening: 40_000, closing: 90_000 });
    expect(november.entries).toHaveLength(1);
    expect(november.closing).toBe((await call(app, 'payments.counter', { customerId })).balance);
  });
});

describe('the day book', () => {
  it('adds the cash to the float, records the difference, and closing locks the day', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    await call(app, 'payments.record', { customerId, amount: 30_000, method: 'cash' });
    await call(app, 'payments.record', { customerId, amount: 20_000, method: 'cash' });
    await call(app, 'payments.record', { customerId, amount: 10_000, method: 'upi', reference: '612345678901' });
    const book = await call(app, 'payments.dayBook', { day: '2026-11-20' });
    expect(book.byMethod).toEqual([
      { method: 'cash', count: 2, amount: 50_000 },
      { method: 'upi', count: 1, amount: 10_000 },
    ]);
    expect(book).toMatchObject({ received: 60_000, cashReceived: 50_000, close: null });

    const closed = await call(app, 'payments.closeDay', {
      day: '2026-11-20',
      openingFloat: 100_000,
      counted: 149_000,
      note: 'short by ten',
    });
    expect(closed).toMatchObject({ cashExpected: 150_000, close: { counted: 149_000, difference: -1_000 } });

    const before = databaseChecksum(app.db.sqlite);
    const late = await refused(app, 'payments.record', { customerId, amount: 1_000, method: 'cash' });
    expect(late.message).toContain('closed');
    const backDated = await refused(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cash',
      receivedOn: '2026-11-20',
    });
    expect(backDated.code).toBe('validation');
    expect((await refused(app, 'payments.closeDay', { day: '2026-11-20', openingFloat: 0, counted: 0 })).code).toBe(
      'conflict',
    );
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
    // The next day opens with what was counted.
    expect((await call(app, 'payments.dayBook', { day: '2026-11-21' })).openingFloat).toBe(149_000);
  });
});

describe('dues', () => {
  it('ages what is owed by due date and flags who is to be suspended', async () => {
    const app = await billingApp('2026-11-01', { suspendAfterDays: 30 });
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    // Due 8 Sep (73 days), 8 Oct (43 days), 8 Nov (12 days).
    const dues = await call(app, 'payments.dues', {});
    expect(dues.totals).toMatchObject({ d0_30: 50_000, d31_60: 50_000, d61_90: 50_000, d90_plus: 0, toSuspend: 1 });
    expect(dues.rows[0]).toMatchObject({ customerId, balance: 150_000, daysOverdue: 73, toSuspend: true });
    const csv = await call(app, 'payments.duesCsv', { toSuspendOnly: true });
    expect(csv.rows).toBe(1);
    expect(csv.csv).toContain('overdue 73 days');
    await call(app, 'payments.record', { customerId, amount: 150_000, method: 'cash' });
    expect((await call(app, 'payments.dues', {})).rows).toEqual([]);
  });
});
