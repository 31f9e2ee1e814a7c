// The ledger in the database itself (src-main/db/ledger.ts, src-main/db/guards.ts): triggers keep
// each customer's balance and credit in the write's own transaction, opening the file remakes
// a trigger that went missing or was changed and recomputes every balance from the documents,
// and payments, allocations and reversals cannot be edited or deleted, even by raw SQL.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { BALANCES_FROM_DOCUMENTS, LEDGER_TRIGGERS } from '../../../src-main/db/ledger';
import { call, onCleanup } from '../helpers';
import type { BillingTestApp } from '../billing/billingApp';
import { billingApp, owingCustomer } from './paymentsApp';

type Row = { customer_id: number; balance_minor: number; credit_minor: number };

const kept = (db: Database.Database) =>
  db
    .prepare(`SELECT customer_id, balance_minor, credit_minor FROM customer_balances ORDER BY customer_id`)
    .all() as Row[];
const fromDocuments = (db: Database.Database) =>
  db.prepare(`SELECT * FROM (${BALANCES_FROM_DOCUMENTS}) ORDER BY customer_id`).all() as Row[];

/** Two customers with invoices, payments (one over), a reversal, a credit note and a refund. */
async function busyOffice(): Promise<{ app: BillingTestApp; a: number; b: number }> {
  const app = await billingApp('2026-11-01');
  const a = await owingCustomer(app);
  const b = await owingCustomer(app, { name: 'Other' });
  app.setToday('2026-11-20');
  await call(app, 'payments.record', { customerId: a.customerId, amount: 70_000, method: 'cash' });
  const bounced = await call(app, 'payments.record', {
    customerId: a.customerId,
    amount: 50_000,
    method: 'cheque',
    reference: '004512',
    chequeBank: 'SBI',
  });
  await call(app, 'payments.reverse', { paymentId: bounced.id, reason: 'Bounced' });
  await call(app, 'payments.record', { customerId: b.customerId, amount: 180_000, method: 'upi', reference: 'U1' });
  await call(app, 'billing.creditNote', { invoiceId: b.invoiceIds[0]!, reason: 'Outage', amount: { kind: 'rest' } });
  await call(app, 'payments.refund', { customerId: b.customerId, amount: 20_000, method: 'cash', reason: 'Asked' });
  return { app, a: a.customerId, b: b.customerId };
}

/** Closes the app, runs raw SQL on its file (as a stray tool would), and opens it again. */
function reopenAfter(app: BillingTestApp, sql: (db: Database.Database) => void): BillingTestApp {
  app.close();
  const db = new Database(join(app.dataDir, DATABASE_FILE));
  try {
    sql(db);
  } finally {
    db.close();
  }
  const reopened = createApp({
    dataDir: app.dataDir,
    host: 'browser',
    checkOutputs: true,
    clock: () => new Date('2026-11-20T06:30:00Z'),
  });
  onCleanup(() => reopened.close());
  return Object.assign(reopened, { dataDir: app.dataDir, setToday: () => {} });
}

describe('the kept balances', () => {
  it('follow every invoice, credit note, payment, allocation, reversal and refund', async () => {
    const { app, a, b } = await busyOffice();
    const db = app.db.sqlite;
    // a: 3 × 500 invoiced, 700 paid, 500 paid and reversed → owes 800, no credit.
    // b: 3 × 500 invoiced, 500 credited, 1,800 paid, 200 refunded → 1,500 − 500 − 1,800 + 200 = −600 (credit 600).
    expect(kept(db)).toEqual([
      { customer_id: a, balance_minor: 80_000, credit_minor: 0 },
      { customer_id: b, balance_minor: -60_000, credit_minor: 60_000 },
    ]);
    expect(fromDocuments(db)).toEqual(kept(db));
    // The counter reads the same row.
    expect(await call(app, 'payments.counter', { customerId: b })).toMatchObject({ balance: -60_000, credit: 60_000 });
    // The credit note on the paid invoice gave its 500 back to credit, all of it kept.
    expect(
      db.prepare(`SELECT kind, sum(amount_minor) AS amount FROM payment_allocations GROUP BY kind ORDER BY kind`).all(),
    ).toEqual([
      { kind: 'payment', amount: 70_000 + 50_000 + 150_000 },
      { kind: 'release', amount: -50_000 },
      { kind: 'reversal', amount: -50_000 },
    ]);
  });

  it('move with a write made in raw SQL, in the same statement', async () => {
    const { app, a } = await busyOffice();
    const db = app.db.sqlite;
    const invoiceId = db
      .prepare(`SELECT id FROM invoices WHERE customer_id = ? AND status = 'partly_paid'`)
      .pluck()
      .get(a) as number;
    db.prepare(
      `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, source, balance_after_minor, snapshot, created_at)
       VALUES ('payment', 'RAW/1', '26-27', 999, ?, '2026-11-20', 'cash', 12345, 'counter', 0, '{}', '2026-11-20T00:00:00Z')`,
    ).run(a);
    const paymentId = db.prepare(`SELECT id FROM payments WHERE number = 'RAW/1'`).pluck().get() as number;
    expect(kept(db).find((r) => r.customer_id === a)).toEqual({
      customer_id: a,
      balance_minor: 80_000 - 12_345,
      credit_minor: 12_345,
    });
    db.prepare(
      `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, kind, "on") VALUES (?, ?, 10000, 'payment', '2026-11-20')`,
    ).run(paymentId, invoiceId);
    expect(kept(db).find((r) => r.customer_id === a)).toMatchObject({ credit_minor: 2_345 });
    expect(db.prepare(`SELECT paid_minor, status FROM invoices WHERE id = ?`).get(invoiceId)).toEqual({
      paid_minor: 30_000,
      status: 'partly_paid',
    });
    expect(fromDocuments(db)).toEqual(kept(db));
  });
});

describe('opening the file remakes the ledger', () => {
  it.each(LEDGER_TRIGGERS.map((t) => t.name))(
    'when %s is missing: the trigger is back and every balance is recomputed from the documents',
    async (name) => {
      const { app, a, b } = await busyOffice();
      const before = kept(app.db.sqlite);
      const reopened = reopenAfter(app, (db) => {
        db.exec(`DROP TRIGGER ${name}`);
        // Written while the trigger was gone, and the kept rows spoiled: both must be put right.
        db.exec(`UPDATE customer_balances SET balance_minor = balance_minor + 777, credit_minor = 5`);
      });
      const db = reopened.db.sqlite;
      expect(db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name)).toBe(
        LEDGER_TRIGGERS.find((t) => t.name === name)!.sql,
      );
      expect(kept(db)).toEqual(before);
      expect(kept(db)).toEqual(fromDocuments(db));
      // And it works again: a payment moves the balance.
      await call(reopened, 'payments.record', { customerId: a, amount: 10_000, method: 'cash' });
      expect(kept(db).find((r) => r.customer_id === a)!.balance_minor).toBe(70_000);
      expect(kept(db).find((r) => r.customer_id === b)!.balance_minor).toBe(-60_000);
    },
  );

  it('when a trigger was changed, and after a payment written while it did nothing', async () => {
    const { app, a } = await busyOffice();
    const reopened = reopenAfter(app, (db) => {
      db.exec(`DROP TRIGGER ledger_payment_recorded`);
      db.exec(`CREATE TRIGGER ledger_payment_recorded AFTER INSERT ON payments BEGIN SELECT 1; END`);
      db.prepare(
        `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, source, balance_after_minor, snapshot, created_at)
         VALUES ('payment', 'RAW/2', '26-27', 998, ?, '2026-11-20', 'cash', 5000, 'counter', 0, '{}', '2026-11-20T00:00:00Z')`,
      ).run(a);
    });
    const db = reopened.db.sqlite;
    expect(kept(db).find((r) => r.customer_id === a)).toEqual({
      customer_id: a,
      balance_minor: 75_000,
      credit_minor: 5_000,
    });
    expect(kept(db)).toEqual(fromDocuments(db));
  });

  it('does not recompute on every opening when every trigger is whole', async () => {
    const { app } = await busyOffice();
    const before = kept(app.db.sqlite);
    const reopened = reopenAfter(app, (db) => {
      // A spoiled row with every trigger in place is not looked for on opening: this shows
      // that nothing was recomputed (the ledger is trusted while its triggers are whole).
      db.exec(
        `UPDATE customer_balances SET credit_minor = credit_minor + 1 WHERE customer_id = (SELECT min(customer_id) FROM customer_balances)`,
      );
    });
    const after = kept(reopened.db.sqlite);
    expect(after[0]!.credit_minor).toBe(before[0]!.credit_minor + 1);
  });
});

describe('the guards refuse, even in raw SQL', () => {
  it.each([
    ['editing a payment', `UPDATE payments SET amount_minor = 1`, /a payment is never edited/],
    ['deleting a payment', `DELETE FROM payments`, /a payment is never deleted/],
    ['editing an allocation', `UPDATE payment_allocations SET amount_minor = 1`, /an allocation is never edited/],
    ['deleting an allocation', `DELETE FROM payment_allocations`, /an allocation is never deleted/],
    ['editing a reversal', `UPDATE payment_reversals SET reason = 'other'`, /a reversal is never edited/],
    ['deleting a reversal', `DELETE FROM payment_reversals`, /a reversal is never deleted/],
    [
      'paying an invoice beyond its total',
      `UPDATE invoices SET paid_minor = total_minor + 1 WHERE kind = 'invoice'`,
      /cannot be paid more than what is left of it/,
    ],
    ['a negative paid amount', `UPDATE invoices SET paid_minor = -1 WHERE kind = 'invoice'`, /cannot be paid more/],
    [
      'an allocation beyond what the invoice owes',
      `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, kind, "on")
       SELECT (SELECT min(id) FROM payments), id, total_minor, 'payment', '2026-11-20' FROM invoices WHERE status = 'partly_paid' LIMIT 1`,
      /cannot be paid more than what is left of it/,
    ],
    [
      'a negative payment allocation',
      `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, kind, "on")
       SELECT (SELECT min(id) FROM payments), min(id), -1, 'payment', '2026-11-20' FROM invoices`,
      /CHECK constraint failed: payment_allocations_amount/,
    ],
    [
      'a payment of a fraction of a paisa',
      `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, source, balance_after_minor, snapshot, created_at)
       SELECT 'payment', 'RAW/3', '26-27', 997, min(id), '2026-11-20', 'cash', 12.5, 'counter', 0, '{}', 'x' FROM customers`,
      /CHECK constraint failed: payments_amount_positive/,
    ],
    [
      'a receipt number taken twice',
      `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, source, balance_after_minor, snapshot, created_at)
       SELECT 'payment', number || 'x', fy, seq, customer_id, received_on, method, 1, 'counter', 0, '{}', 'x' FROM payments LIMIT 1`,
      /UNIQUE constraint failed: payments.kind, payments.fy, payments.seq/,
    ],
    [
      'a second reversal of one payment',
      `INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at)
       SELECT payment_id, reversed_on, 'again', created_at FROM payment_reversals LIMIT 1`,
      /UNIQUE constraint failed: payment_reversals.payment_id/,
    ],
  ])('%s', async (_what, sql, message) => {
    const { app } = await busyOffice();
    const db = app.db.sqlite;
    const before = [kept(db), db.prepare(`SELECT * FROM payments`).all(), db.prepare(`SELECT * FROM invoices`).all()];
    expect(() => db.exec(sql)).toThrow(message);
    expect([kept(db), db.prepare(`SELECT * FROM payments`).all(), db.prepare(`SELECT * FROM invoices`).all()]).toEqual(
      before,
    );
  });
});
