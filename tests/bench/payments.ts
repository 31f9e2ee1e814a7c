// Payments figures on an office of 50,000 customers with three years of monthly invoices and
// their payments: a counter payment (allocation and receipt), a ten-year statement, and dues by
// age for everyone. Its own data dir: the history is seeded in SQL in one transaction with the
// ledger triggers dropped, then the app is opened again so that opening (ensureLedger) remakes
// them and computes every balance from the documents, as it would after any repair.
// Alone: npx vite-node tests/bench/index.ts -- --only=payments [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src-main/app';
import { BALANCES_FROM_DOCUMENTS, LEDGER_TRIGGERS } from '../../src-main/db/ledger';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../src-main/demo/demoIsp';
import { SettingsInput } from '../../src-shared/contract';
import { addDays, addMonths } from '../../src-shared/dates';

const CUSTOMERS = 50_000;
const MONTHS = 36;
const POSTS = 200;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

/** The financial year label (April to March) of a date column, in SQL. */
const fySql = (d: string) =>
  `CASE WHEN CAST(strftime('%m', ${d}) AS INTEGER) >= 4
     THEN strftime('%Y', ${d}) || '-' || printf('%02d', (CAST(strftime('%Y', ${d}) AS INTEGER) + 1) % 100)
     ELSE (CAST(strftime('%Y', ${d}) AS INTEGER) - 1) || '-' || printf('%02d', CAST(strftime('%Y', ${d}) AS INTEGER) % 100) END`;

/**
 * Three years of monthly invoices for every customer, each paid a few days after it was issued,
 * except the last two months of one customer in five (one in 17 paid half of the last):
 * invoices, one line each, payments and allocations, with the invoices' paid amounts and statuses.
 */
function seedHistory(app: App, today: string): { invoices: number; payments: number } {
  const db = app.db.sqlite;
  const first = addMonths(`${today.slice(0, 8)}01`, -MONTHS);
  const seller = db.prepare(`SELECT sha256 FROM sellers LIMIT 1`).pluck().get() as string;
  db.transaction(() => {
    for (const t of LEDGER_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
    db.prepare(
      `WITH RECURSIVE months(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM months WHERE m < ${MONTHS - 1}),
       bills AS (
         SELECT c.id AS customer_id, m, date(@first, '+' || m || ' months') AS issued_on, p.price_minor AS taxable,
                p.price_minor * 18 / 100 AS tax,
                CASE WHEN c.id % 5 = 0 AND m >= ${MONTHS - 2} THEN 0
                     WHEN c.id % 17 = 0 AND m = ${MONTHS - 1} THEN (p.price_minor + p.price_minor * 18 / 100) / 2
                     ELSE p.price_minor + p.price_minor * 18 / 100 END AS paid
         FROM customers c JOIN plans p ON p.id = c.plan_id, months
         WHERE c.status != 'archived')
       INSERT INTO invoices (kind, number, fy, seq, customer_id, issued_on, due_on, period_start, period_end, period_key,
                             source, taxable_minor, tax_minor, round_off_minor, total_minor, paid_minor, status,
                             previous_balance_minor, seller_sha256, snapshot, created_at)
       SELECT 'invoice', 'H/' || customer_id || '/' || m, ${fySql('issued_on')}, 10000000 + customer_id * 100 + m, customer_id,
              issued_on, date(issued_on, '+15 days'), issued_on, date(issued_on, '+1 month', '-1 day'), NULL,
              'run', taxable, tax, 0, taxable + tax, paid,
              CASE WHEN paid = 0 THEN 'unpaid' WHEN paid < taxable + tax THEN 'partly_paid' ELSE 'paid' END,
              0, @seller, '{}', issued_on || 'T06:30:00.000Z'
       FROM bills ORDER BY issued_on, customer_id`,
    ).run({ first, seller });
    db.exec(
      `INSERT INTO invoice_lines (invoice_id, position, kind, description, sac_code, span_start, span_end, quantity,
                                  rate_minor, taxable_minor, tax_rate_bps, cgst_minor, sgst_minor, total_minor)
       SELECT id, 1, 'plan', 'Monthly plan', '998422', period_start, period_end, 1, taxable_minor, taxable_minor, 1800,
              tax_minor / 2, tax_minor - tax_minor / 2, total_minor
       FROM invoices WHERE number LIKE 'H/%'`,
    );
    db.exec(
      `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, reference, reference_key,
                             source, balance_after_minor, snapshot, created_at)
       SELECT 'payment', 'HR/' || id, ${fySql(`date(issued_on, '+' || (customer_id % 9) || ' days')`)}, 10000000 + id, customer_id,
              date(issued_on, '+' || (customer_id % 9) || ' days'),
              CASE customer_id % 3 WHEN 0 THEN 'cash' WHEN 1 THEN 'upi' ELSE 'bank' END, paid_minor,
              CASE customer_id % 3 WHEN 0 THEN '' ELSE 'H' || id END, CASE customer_id % 3 WHEN 0 THEN NULL ELSE 'H' || id END,
              'counter', 0, '{}', issued_on || 'T07:00:00.000Z'
       FROM invoices WHERE number LIKE 'H/%' AND paid_minor > 0 ORDER BY id`,
    );
    db.exec(
      `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, kind, "on")
       SELECT id, CAST(substr(number, 4) AS INTEGER), amount_minor, 'payment', received_on FROM payments WHERE number LIKE 'HR/%'`,
    );
  })();
  return {
    invoices: db.prepare(`SELECT count(*) FROM invoices`).pluck().get() as number,
    payments: db.prepare(`SELECT count(*) FROM payments`).pluck().get() as number,
  };
}

export async function benchPayments(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-bench-payments-'));
  let app = createApp({ dataDir, host: 'browser' });
  try {
    app.services.settings.save(SettingsInput.parse({ companyName: 'Bench ISP', currency: 'INR', locale: 'en-IN' }));
    const today = app.services.settings.today();
    const planIds = DEMO_PLANS.map((p) => app.services.plans.create(p).id);
    app.services.customers.createMany(demoCustomers(CUSTOMERS, planIds, seededRandom(17)));

    // A customer with ten years of monthly invoices (one catch-up run) and a payment for each.
    const [tenYears] = app.services.customers.createMany([
      {
        ...demoCustomers(1, planIds, seededRandom(99))[0]!,
        name: 'Ten Years Customer',
        pppoeUsername: 'ten.years.payments',
        status: 'active',
        billingDay: 1,
        billingStartOn: addMonths(`${today.slice(0, 8)}01`, -119),
      },
    ]);
    const customerId = tenYears!;
    app.services.billing.run({ asOf: today, scope: { kind: 'customer', customerId } }, null, () => {});
    const own = app.db.sqlite
      .prepare(`SELECT id, issued_on AS issuedOn, total_minor AS total FROM invoices WHERE customer_id = ? ORDER BY id`)
      .all(customerId) as { id: number; issuedOn: string; total: number }[];
    app.db.sqlite.transaction(() => {
      for (const [i, invoice] of own.entries()) {
        const receivedOn = addDays(invoice.issuedOn, 3) > today ? today : addDays(invoice.issuedOn, 3);
        app.services.payments.post({
          customerId,
          amount: invoice.total,
          method: i % 2 ? 'upi' : 'cash',
          receivedOn,
          reference: i % 2 ? `TEN${i}` : '',
          chequeBank: '',
          chequeDate: null,
          note: '',
          allocation: { kind: 'oldest_first' },
          source: 'counter',
        });
      }
    })();

    const seedStart = performance.now();
    const seeded = seedHistory(app, today);
    const seedMs = performance.now() - seedStart;
    app.close();
    const reopenStart = performance.now();
    app = createApp({ dataDir, host: 'browser' });
    const ledgerRebuildMs = performance.now() - reopenStart;
    const db = app.db.sqlite;
    const wrong = db
      .prepare(
        `SELECT count(*) FROM (${BALANCES_FROM_DOCUMENTS}) d LEFT JOIN customer_balances b ON b.customer_id = d.customer_id
         WHERE b.balance_minor IS NOT d.balance_minor OR b.credit_minor IS NOT d.credit_minor`,
      )
      .pluck()
      .get() as number;
    if (wrong !== 0) throw new Error(`${wrong} kept balances are not the documents' sums after reopening`);
    const owing = db.prepare(`SELECT count(*) FROM customer_balances WHERE balance_minor > 0`).pluck().get() as number;
    if (owing < CUSTOMERS / 10) throw new Error(`only ${owing} customers owe: the history was not seeded`);

    // Counter payments: customers who owe, part or all of it, oldest invoice first.
    const random = seededRandom(23);
    const debtors = db
      .prepare(`SELECT customer_id FROM customer_balances WHERE balance_minor > 0 ORDER BY customer_id`)
      .pluck()
      .all() as number[];
    const postTimes: number[] = [];
    for (let i = 0; i < POSTS; i++) {
      const id = debtors[Math.floor(random() * debtors.length)]!;
      const balance = app.services.payments.store.ledger(id).balance;
      const amount = Math.max(100, i % 3 ? balance : Math.floor(balance / 2));
      const t = performance.now();
      const result = await app.registry.invoke('payments.record', {
        customerId: id,
        amount,
        method: i % 2 ? 'upi' : 'cash',
        reference: i % 2 ? `BENCH${i}` : '',
      });
      postTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(`payment failed: ${result.error.message}`);
      if ((result.value as { allocations: unknown[] }).allocations.length === 0) throw new Error('nothing allocated');
    }

    const statementTimes: number[] = [];
    let entries = 0;
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      const result = await app.registry.invoke('payments.statement', { customerId });
      statementTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(`statement failed: ${result.error.message}`);
      entries = (result.value as { entries: unknown[] }).entries.length;
    }
    if (entries < 240) throw new Error(`the ten-year statement has ${entries} entries`);

    const duesTimes: number[] = [];
    let duesCustomers = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const result = await app.registry.invoke('payments.dues', {});
      duesTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(`dues failed: ${result.error.message}`);
      duesCustomers = (result.value as { totals: { customers: number } }).totals.customers;
    }

    return {
      paymentsHistoryInvoices: seeded.invoices,
      paymentsHistoryPayments: seeded.payments,
      paymentsHistorySeedMs: Math.round(seedMs),
      ledgerRebuildOnOpenMs: Math.round(ledgerRebuildMs),
      paymentPostP50Ms: round(percentile(postTimes, 50)),
      paymentPostP95Ms: round(percentile(postTimes, 95)),
      statement10yEntries: entries,
      statement10yMs: round(median(statementTimes)),
      duesCustomers,
      duesReportMs: round(median(duesTimes)),
    };
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
