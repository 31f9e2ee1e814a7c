// Bad input at the counter, on a real file through the registry: every one refused with a code
// and a message that names the problem, and the database exactly as it was.
import { describe, expect, it } from 'vitest';
import type { RpcErrorData } from '../../../src-shared/errors';
import { call, databaseChecksum, issuePaths } from '../helpers';
import { billingApp, owingCustomer } from './paymentsApp';
import type { BillingTestApp } from '../billing/billingApp';

/** Sends input that must be refused; asserts nothing was written and returns the error. */
async function refusedUnchanged(app: BillingTestApp, channel: string, input: unknown): Promise<RpcErrorData> {
  const before = databaseChecksum(app.db.sqlite);
  const result = await app.registry.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} ${JSON.stringify(input)} was accepted`);
  expect(databaseChecksum(app.db.sqlite), `${channel} ${JSON.stringify(input)} wrote`).toBe(before);
  expect(result.error.code).not.toBe('internal');
  return result.error;
}

/** The error's message and its issues' messages, to look for what it names. */
const said = (e: RpcErrorData) =>
  [e.message, ...(e.details?.issues ?? []).map((i) => `${i.path.join('.')} ${i.message}`)].join(' | ');

async function office(settings = {}) {
  const app = await billingApp('2026-11-01', settings);
  const owing = await owingCustomer(app);
  app.setToday('2026-11-20');
  return { app, ...owing };
}

describe('amounts the counter refuses', () => {
  it.each([
    ['zero', 0, /more than zero/],
    ['negative', -50_000, /more than zero/],
    ['fractional minor units', 12.5, /expected int|integer|whole/i],
    ['absurd (2^60)', 2 ** 60, /too large|too big|at most/i],
    ['absurd (10^15)', 10 ** 15, /too large/],
    ['not a number', '500', /number/i],
  ])('%s', async (_what, amount, message) => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', { customerId, amount, method: 'cash' });
    expect(e.code).toBe('validation');
    expect(issuePaths(e)).toContain('amount');
    expect(said(e)).toMatch(message);
    // The same amounts are refused for refunds and recharges.
    const r = await refusedUnchanged(app, 'payments.refund', { customerId, amount, method: 'cash', reason: 'x' });
    expect(issuePaths(r)).toContain('amount');
  });
});

describe('whose money, and where it goes', () => {
  it('a payment for an archived customer', async () => {
    const { app, customerId } = await office();
    await call(app, 'customers.setStatus', { id: customerId, status: 'archived', reason: 'Left town' });
    const e = await refusedUnchanged(app, 'payments.record', { customerId, amount: 50_000, method: 'cash' });
    expect(e.code).toBe('customer_archived');
    expect(e.message).toMatch(/is archived/);
  });

  it('a payment for a customer who does not exist', async () => {
    const { app } = await office();
    const e = await refusedUnchanged(app, 'payments.record', { customerId: 99_999, amount: 50_000, method: 'cash' });
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('99999');
  });

  it("an allocation to another customer's invoice", async () => {
    const { app, customerId } = await office();
    app.setToday('2026-11-01');
    const other = await owingCustomer(app, { name: 'Other plan' });
    app.setToday('2026-11-20');
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 50_000,
      method: 'cash',
      allocation: { kind: 'chosen', invoices: [{ invoiceId: other.invoiceIds[0]!, amount: 50_000 }] },
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/INV\/26-27\/\d+ is another customer's invoice/);
    expect(issuePaths(e)).toContain('allocation.invoices.0');
  });

  it('an allocation beyond what is owed on the invoice, and one on a paid invoice', async () => {
    const { app, customerId, invoiceIds } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 60_000,
      method: 'cash',
      allocation: { kind: 'chosen', invoices: [{ invoiceId: invoiceIds[1]!, amount: 50_001 }] },
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/has ₹500\.00 left to pay, less than the ₹500\.01 put on it/);
    await call(app, 'payments.record', { customerId, amount: 50_000, method: 'cash' });
    const paid = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 100,
      method: 'cash',
      allocation: { kind: 'chosen', invoices: [{ invoiceId: invoiceIds[0]!, amount: 100 }] },
    });
    expect(paid.message).toMatch(/has nothing left to pay/);
  });

  it('chosen amounts that add up to more than the payment, and an invoice picked twice', async () => {
    const { app, customerId, invoiceIds } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 70_000,
      method: 'cash',
      allocation: {
        kind: 'chosen',
        invoices: [
          { invoiceId: invoiceIds[0]!, amount: 50_000 },
          { invoiceId: invoiceIds[1]!, amount: 20_001 },
        ],
      },
    });
    expect(e.code).toBe('validation');
    expect(e.message).toContain('(₹700.01) are more than the payment (₹700.00)');
    const twice = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 70_000,
      method: 'cash',
      allocation: {
        kind: 'chosen',
        invoices: [
          { invoiceId: invoiceIds[0]!, amount: 10_000 },
          { invoiceId: invoiceIds[0]!, amount: 10_000 },
        ],
      },
    });
    expect(twice.message).toMatch(/is picked twice/);
  });
});

describe('dates', () => {
  it('back-dating into a day closed in the day book', async () => {
    const { app, customerId } = await office();
    await call(app, 'payments.record', { customerId, amount: 30_000, method: 'cash', receivedOn: '2026-11-18' });
    const book = await call(app, 'payments.closeDay', { day: '2026-11-18', openingFloat: 0, counted: 30_000 });
    expect(book.close).toMatchObject({ counted: 30_000, difference: 0 });
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 10_000,
      method: 'cash',
      receivedOn: '2026-11-18',
    });
    expect(e.code).toBe('validation');
    expect(e.message).toBe('2026-11-18 is closed in the day book: date it on a day still open');
    expect(issuePaths(e)).toContain('receivedOn');
    // The day before and after are open.
    await call(app, 'payments.record', { customerId, amount: 100, method: 'cash', receivedOn: '2026-11-17' });
    await call(app, 'payments.record', { customerId, amount: 100, method: 'cash', receivedOn: '2026-11-19' });
  });

  it('today closed: reversals and refunds dated today are refused too', async () => {
    const { app, customerId } = await office();
    const p = await call(app, 'payments.record', { customerId, amount: 200_000, method: 'cash' });
    await call(app, 'payments.closeDay', { day: '2026-11-20', openingFloat: 0, counted: 200_000 });
    const e = await refusedUnchanged(app, 'payments.reverse', { paymentId: p.id, reason: 'Mistake' });
    expect(e.message).toMatch(/Today \(2026-11-20\) is closed in the day book/);
    const r = await refusedUnchanged(app, 'payments.refund', {
      customerId,
      amount: 100,
      method: 'cash',
      reason: 'Change',
    });
    expect(r.message).toMatch(/closed in the day book/);
  });

  it('a date in the future', async () => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 10_000,
      method: 'cash',
      receivedOn: '2026-11-21',
    });
    expect(e.code).toBe('validation');
    expect(e.message).toBe('2026-11-21 is after today (2026-11-20): a payment is dated when it came in');
  });

  it('a date more than a year back, and a date that is not one', async () => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 10_000,
      method: 'cash',
      receivedOn: '2025-11-18',
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/2025-11-18 is more than a year ago: check the date/);
    const bad = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 10_000,
      method: 'cash',
      receivedOn: '2026-02-30',
    });
    expect(issuePaths(bad)).toContain('receivedOn');
    // A year back exactly is fine (a late entry of last November).
    await call(app, 'payments.record', { customerId, amount: 100, method: 'cash', receivedOn: '2025-11-20' });
  });
});

describe('references', () => {
  it('a reused UPI id, gateway reference or cheque number of the same bank; another bank may repeat a number', async () => {
    const { app, customerId } = await office();
    const first = await call(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'upi',
      reference: '612345678901',
    });
    const upi = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 2_000,
      method: 'upi',
      reference: '612345678901',
    });
    expect(upi.code).toBe('conflict');
    expect(upi.message).toContain(`612345678901 is already recorded on receipt ${first.number}`);

    const gw = await call(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'gateway',
      reference: 'pay_N8xYz12AbC',
    });
    const gateway = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'gateway',
      reference: 'PAY_N8XYZ12ABC',
    });
    expect(gateway.code).toBe('conflict');
    expect(gateway.message).toContain(`already recorded on receipt ${gw.number}`);

    const chq = await call(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cheque',
      reference: '000123',
      chequeBank: 'State Bank of India',
    });
    const cheque = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cheque',
      reference: '000123',
      chequeBank: 'state bank of  india',
    });
    expect(cheque.code).toBe('conflict');
    expect(cheque.message).toContain(`000123 is already recorded on receipt ${chq.number}`);
    await call(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cheque',
      reference: '000123',
      chequeBank: 'HDFC Bank',
    });
  });

  it.each([
    ['upi', /the UPI transaction id/],
    ['cheque', /the cheque number/],
    ['gateway', /the gateway's reference/],
  ] as const)('a %s payment without its reference', async (method, message) => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method,
      ...(method === 'cheque' ? { chequeBank: 'SBI' } : {}),
    });
    expect(e.code).toBe('validation');
    expect(issuePaths(e)).toContain('reference');
    expect(said(e)).toMatch(message);
  });

  it('a cheque without its bank, and a bank on a cash payment', async () => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cheque',
      reference: '000777',
    });
    expect(issuePaths(e)).toContain('chequeBank');
    expect(said(e)).toMatch(/type the bank/);
    const cash = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'cash',
      chequeBank: 'SBI',
    });
    expect(said(cash)).toMatch(/only a cheque has a bank/);
  });

  it('a reference with characters no bank prints', async () => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.record', {
      customerId,
      amount: 1_000,
      method: 'upi',
      reference: "6123'; DROP TABLE payments",
    });
    expect(issuePaths(e)).toContain('reference');
  });
});

describe('reversals, refunds and recharges', () => {
  it('a reversal of a reversed payment, of a refund, and of a payment that does not exist', async () => {
    const { app, customerId } = await office();
    const p = await call(app, 'payments.record', { customerId, amount: 200_000, method: 'cash' });
    await call(app, 'payments.reverse', { paymentId: p.id, reason: 'Entered twice' });
    const again = await refusedUnchanged(app, 'payments.reverse', { paymentId: p.id, reason: 'Again' });
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(`${p.number} was already reversed on 2026-11-20`);

    const q = await call(app, 'payments.record', { customerId, amount: 200_000, method: 'cash' });
    expect(q.allocations.reduce((s, a) => s + a.amount, 0)).toBe(150_000);
    const refund = await call(app, 'payments.refund', {
      customerId,
      amount: 50_000,
      method: 'cash',
      reason: 'Advance',
    });
    const e = await refusedUnchanged(app, 'payments.reverse', { paymentId: refund.id, reason: 'Mistake' });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(
      new RegExp(`${refund.number.replaceAll('/', '\\/')} is a refund: a refund is not reversed`),
    );

    const missing = await refusedUnchanged(app, 'payments.reverse', { paymentId: 99_999, reason: 'x' });
    expect(missing.code).toBe('not_found');
    const noReason = await refusedUnchanged(app, 'payments.reverse', { paymentId: q.id, reason: '' });
    expect(issuePaths(noReason)).toContain('reason');
  });

  it('a bounced flag on a payment that was not a cheque', async () => {
    const { app, customerId } = await office({ bouncedChequeChargeMinor: 25_000 });
    const p = await call(app, 'payments.record', { customerId, amount: 10_000, method: 'cash' });
    const e = await refusedUnchanged(app, 'payments.reverse', { paymentId: p.id, reason: 'x', bounced: true });
    expect(e.message).toMatch(/was not a cheque: only a cheque bounces/);
  });

  it('a refund beyond the credit, and one with no credit at all', async () => {
    const { app, customerId } = await office();
    const none = await refusedUnchanged(app, 'payments.refund', {
      customerId,
      amount: 100,
      method: 'cash',
      reason: 'Asked',
    });
    expect(none.code).toBe('validation');
    expect(none.message).toMatch(/has no credit to refund/);
    await call(app, 'payments.record', { customerId, amount: 160_000, method: 'cash' });
    const e = await refusedUnchanged(app, 'payments.refund', {
      customerId,
      amount: 10_001,
      method: 'cash',
      reason: 'Asked',
    });
    expect(e.message).toMatch(/has ₹100\.00 of credit, less than the ₹100\.01 asked/);
    expect(issuePaths(e)).toContain('amount');
  });

  it('a recharge for a postpaid customer', async () => {
    const { app, customerId } = await office();
    const e = await refusedUnchanged(app, 'payments.recharge', {
      customerId,
      periods: 1,
      method: 'cash',
      amount: 50_000,
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/is postpaid: billing runs invoice them; make them prepaid first/);
  });

  it('a recharge amount below what is due, and a recharge of no periods', async () => {
    const { app, customerId } = await office();
    await call(app, 'payments.record', { customerId, amount: 150_000, method: 'cash' });
    await call(app, 'payments.setBillingMode', { customerId, mode: 'prepaid' });
    const quote = await call(app, 'payments.rechargeQuote', { customerId, periods: 2 });
    expect(quote.toPay).toBe(100_000);
    const e = await refusedUnchanged(app, 'payments.recharge', {
      customerId,
      periods: 2,
      method: 'cash',
      amount: 99_999,
    });
    expect(e.code).toBe('validation');
    expect(e.message).toBe('The recharge costs ₹1,000.00: ₹999.99 is not enough');
    const zero = await refusedUnchanged(app, 'payments.recharge', {
      customerId,
      periods: 0,
      method: 'cash',
      amount: 100_000,
    });
    expect(issuePaths(zero)).toContain('periods');
  });
});
