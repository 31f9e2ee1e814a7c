// Payments at the counter on a real file: allocation, credit, reversals, refunds, hand-worked.
import { describe, expect, it } from 'vitest';
import { call, databaseChecksum, refused } from '../helpers';
import { billingApp, invoiceStates, owingCustomer } from './paymentsApp';

describe('a payment at the counter', () => {
  it('goes to the oldest invoice first, a part payment leaves it partly paid, and takes receipt 1', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    const counter = await call(app, 'payments.counter', { customerId });
    expect(counter.balance).toBe(150_000);
    expect(counter.openInvoices.map((i) => i.issuedOn)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);

    const p = await call(app, 'payments.record', { customerId, amount: 70_000, method: 'cash' });
    expect(p.number).toBe('RCPT/26-27/00001');
    expect(p.allocations.map((a) => a.amount)).toEqual([50_000, 20_000]);
    expect(p.balanceAfter).toBe(80_000);
    expect(invoiceStates(app, customerId)).toEqual([
      { status: 'paid', paid: 50_000 },
      { status: 'partly_paid', paid: 20_000 },
      { status: 'unpaid', paid: 0 },
    ]);
    expect((await call(app, 'payments.counter', { customerId })).balance).toBe(80_000);
  });

  it('an overpayment is credit, applied to the next invoice the run issues', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    await call(app, 'payments.record', { customerId, amount: 180_000, method: 'upi', reference: '612345678901' });
    const counter = await call(app, 'payments.counter', { customerId });
    expect(counter).toMatchObject({ balance: -30_000, credit: 30_000 });
    app.setToday('2026-12-01');
    await call(app, 'billing.run', { asOf: '2026-12-01', scope: { kind: 'all' } });
    expect(invoiceStates(app, customerId).at(-1)).toEqual({ status: 'partly_paid', paid: 30_000 });
    expect(await call(app, 'payments.counter', { customerId })).toMatchObject({ balance: 20_000, credit: 0 });
  });

  it('a reversal undoes the allocations; a second reversal is refused', async () => {
    const app = await billingApp('2026-11-01', { bouncedChequeChargeMinor: 25_000 });
    const { customerId } = await owingCustomer(app);
    app.setToday('2026-11-20');
    const p = await call(app, 'payments.record', {
      customerId,
      amount: 100_000,
      method: 'cheque',
      reference: '000123',
      chequeBank: 'SBI',
    });
    const reversed = await call(app, 'payments.reverse', { paymentId: p.id, reason: 'Bounced', bounced: true });
    expect(reversed.reversal).toMatchObject({ on: '2026-11-20', reason: 'Bounced' });
    expect(reversed.reversal!.chargeInvoiceId).not.toBeNull();
    expect(invoiceStates(app, customerId).map((i) => i.status)).toEqual(['unpaid', 'unpaid', 'unpaid', 'unpaid']);
    expect((await call(app, 'payments.counter', { customerId })).balance).toBe(175_000);
    const before = databaseChecksum(app.db.sqlite);
    expect((await refused(app, 'payments.reverse', { paymentId: p.id, reason: 'again' })).code).toBe('conflict');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('refunds credit, never more than there is', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 160_000, method: 'cash' });
    expect(
      (await refused(app, 'payments.refund', { customerId, amount: 10_001, method: 'cash', reason: 'x' })).code,
    ).toBe('validation');
    const r = await call(app, 'payments.refund', { customerId, amount: 10_000, method: 'cash', reason: 'Moving away' });
    expect(r.number).toBe('RFD/26-27/0001');
    expect(await call(app, 'payments.counter', { customerId })).toMatchObject({ balance: 0, credit: 0 });
  });

  it('a reused UPI id is refused with the receipt it is on', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 1_000, method: 'upi', reference: 'abc123' });
    const before = databaseChecksum(app.db.sqlite);
    const e = await refused(app, 'payments.record', { customerId, amount: 1_000, method: 'upi', reference: 'ABC123' });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('RCPT/26-27/00001');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('prepaid: a recharge issues a paid invoice and a receipt, and moves valid-until', async () => {
    const app = await billingApp('2026-11-01');
    const { customerId } = await owingCustomer(app);
    await call(app, 'payments.record', { customerId, amount: 150_000, method: 'cash' });
    await call(app, 'payments.setBillingMode', { customerId, mode: 'prepaid' });
    app.setToday('2026-11-25');
    const quote = await call(app, 'payments.rechargeQuote', { customerId, periods: 2 });
    expect(quote).toMatchObject({ periodStart: '2026-12-01', periodEnd: '2027-01-31', total: 100_000, toPay: 100_000 });
    const out = await call(app, 'payments.recharge', { customerId, periods: 2, method: 'cash', amount: 100_000 });
    expect(out.validUntil).toBe('2027-01-31');
    expect(invoiceStates(app, customerId).at(-1)).toEqual({ status: 'paid', paid: 100_000 });
    expect((await call(app, 'payments.counter', { customerId })).validUntil).toBe('2027-01-31');
    // Runs leave prepaid customers alone.
    app.setToday('2026-12-01');
    expect(await call(app, 'billing.run', { asOf: '2026-12-01', scope: { kind: 'all' } })).toMatchObject({
      invoiceCount: 0,
    });
  });
});
