import { describe, expect, it, vi } from 'vitest';
import { loadDemoIsp } from '../../../src-main/demo/demoIsp';
import { documentNumber } from '../../../src-shared/contract';
import { BALANCES_FROM_DOCUMENTS } from '../../../src-main/db/ledger';
import { addDays, addMonths, financialYearOf } from '../../../src-shared/dates';
import {
  call,
  createPlan,
  customerCount,
  databaseChecksum,
  freshApp,
  planCount,
  refused,
  type TestApp,
} from '../helpers';

const rows = <T>(app: TestApp, sql: string, ...params: unknown[]) => app.db.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(app: TestApp, sql: string, ...params: unknown[]) =>
  app.db.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

describe('app.loadDemo', () => {
  it('fills an empty database: 12 plans, 300 customers in every status, settings configured', async () => {
    const app = freshApp();
    const events: string[] = [];
    app.events.subscribe((name) => events.push(name));
    expect(await call(app, 'app.loadDemo', {})).toEqual({ plans: 12, customers: 300 });
    expect(planCount(app)).toBe(12);
    expect(customerCount(app)).toBe(300);
    const counts = await call(app, 'customers.countByStatus', {});
    expect(counts.total).toBe(300);
    for (const status of ['active', 'suspended', 'disconnected', 'archived'] as const) {
      expect(counts[status]).toBeGreaterThan(0);
    }
    const plans = await call(app, 'plans.list', {});
    expect(plans.filter((p) => p.status === 'retired')).toHaveLength(1);
    expect(plans.every((p) => Number.isInteger(p.priceMinor))).toBe(true);
    const settings = await call(app, 'settings.get', {});
    expect(settings).toMatchObject({ configured: true, currency: 'INR', accountPrefix: 'SWB-' });
    const first = (await call(app, 'customers.list', { status: 'all', pageSize: 1 })).records[0]!;
    expect(first.accountNo).toBe('SWB-000001');
    expect(events).toEqual(expect.arrayContaining(['plans.changed', 'customers.changed', 'settings.changed']));
  });

  it('is the same every time (seeded)', async () => {
    const a = freshApp();
    const b = freshApp();
    await call(a, 'app.loadDemo', {});
    await call(b, 'app.loadDemo', {});
    const names = (rows: { name: string; pppoeUsername: string | null }[]) =>
      rows.map((r) => `${r.name}|${r.pppoeUsername}`);
    const listA = await call(a, 'customers.list', { status: 'all', pageSize: 200 });
    const listB = await call(b, 'customers.list', { status: 'all', pageSize: 200 });
    expect(names(listA.records)).toEqual(names(listB.records));
    const ledger = `SELECT number, customer_id, issued_on, total_minor FROM invoices ORDER BY id`;
    expect(rows(a, ledger)).toEqual(rows(b, ledger));
  });

  it('a second time answers not_empty and changes nothing', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    const before = databaseChecksum(app.db.sqlite);
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('not_empty');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('refuses a database that has only a plan', async () => {
    const app = freshApp();
    await createPlan(app);
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('not_empty');
    expect(customerCount(app)).toBe(0);
    expect(planCount(app)).toBe(1);
  });

  it('keeps settings the office already saved', async () => {
    const app = freshApp();
    await call(app, 'settings.save', { companyName: 'Our Own ISP', accountPrefix: 'OO-' });
    await call(app, 'app.loadDemo', {});
    expect(await call(app, 'settings.get', {})).toMatchObject({ companyName: 'Our Own ISP', accountPrefix: 'OO-' });
  });
});

// Each test loads the whole demo (~1 s of CPU): room for a loaded machine.
describe("the demo ISP's two years of billing", { timeout: 60_000 }, () => {
  it('loads quickly: invoices every month for two years up to today, in one transaction', async () => {
    const app = freshApp();
    const started = performance.now();
    await call(app, 'app.loadDemo', {});
    const ms = performance.now() - started;
    console.log(`demo load with two years of billing: ${ms.toFixed(0)} ms`);
    // ~1 s of CPU on 2 cores; the bound leaves room for a loaded CI machine.
    expect(ms).toBeLessThan(15_000);
    const today = app.services.settings.today();
    const months = rows<{ month: string }>(
      app,
      `SELECT DISTINCT substr(issued_on, 1, 7) AS month FROM invoices WHERE kind = 'invoice' ORDER BY month`,
    ).map((r) => r.month);
    expect(months[0]).toBe(addMonths(today, -24).slice(0, 7));
    expect(months[months.length - 1]).toBe(today.slice(0, 7));
    expect(months.length).toBeGreaterThanOrEqual(24);
    expect(one<string>(app, `SELECT max(issued_on) FROM invoices`)).toBe(today);
    expect(one<number>(app, `SELECT count(*) FROM invoices WHERE kind = 'invoice'`)).toBeGreaterThan(2_000);
  });

  it('numbers each kind and financial year 1..n with no gap, dated in order', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    const docs = rows<{ kind: string; fy: string; seq: number; number: string; issuedOn: string }>(
      app,
      `SELECT kind, fy, seq, number, issued_on AS issuedOn FROM invoices ORDER BY kind, fy, seq`,
    );
    const years = new Map<string, typeof docs>();
    for (const d of docs) {
      const key = `${d.kind} ${d.fy}`;
      years.set(key, [...(years.get(key) ?? []), d]);
    }
    const today = app.services.settings.today();
    const settings = app.services.settings.get();
    const expected = [-24, -12, 0].map((m) => financialYearOf(addMonths(today, m)).label);
    for (const fy of new Set(expected)) expect(years.has(`invoice ${fy}`)).toBe(true);
    expect(years.get(`invoice ${expected[0]}`)![0]!.number).toBe(`INV/${expected[0]!.slice(2)}/00001`);
    expect(years.has(`credit_note ${financialYearOf(today).label}`)).toBe(true);
    for (const [key, list] of years) {
      expect(
        list.map((d) => d.seq),
        key,
      ).toEqual(list.map((_, i) => i + 1));
      const [prefix, digits] =
        list[0]!.kind === 'invoice'
          ? [settings.invoicePrefix, settings.invoiceDigits]
          : [settings.creditNotePrefix, settings.creditNoteDigits];
      for (const d of list) {
        expect(financialYearOf(d.issuedOn).label).toBe(d.fy);
        expect(d.number).toBe(documentNumber(prefix, d.fy, d.seq, digits));
      }
      const dates = list.map((d) => d.issuedOn);
      expect(dates, `${key} dated in order`).toEqual([...dates].sort());
    }
    expect(new Set(docs.map((d) => `${d.kind} ${d.number}`)).size).toBe(docs.length);
  });

  it('adds up: every total is its lines plus round-off, and every ledger carries its balance', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    expect(
      rows(
        app,
        `SELECT i.id FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id
         HAVING count(l.id) = 0 OR i.total_minor != coalesce(sum(l.total_minor), 0) + i.round_off_minor`,
      ),
    ).toEqual([]);
    // What credit notes took off each invoice is the sum of those credit notes.
    expect(
      rows(
        app,
        `SELECT i.id FROM invoices i WHERE i.kind = 'invoice' AND i.credited_minor !=
           (SELECT coalesce(sum(c.total_minor), 0) FROM invoices c WHERE c.kind = 'credit_note' AND c.invoice_id = i.id)`,
      ),
    ).toEqual([]);
    // Each document's previous balance is what the customer's earlier documents add up to, less
    // what they paid up to that day (payments of a run's day come in before its run). Today's
    // counter (recharges, bounced cheques, a refund) comes after today's documents.
    const today = app.services.settings.today();
    const ledger = rows<{ customerId: number; kind: string; total: number; previous: number; issuedOn: string }>(
      app,
      `SELECT customer_id AS customerId, kind, total_minor AS total, previous_balance_minor AS previous, issued_on AS issuedOn
       FROM invoices WHERE source != 'recharge' ORDER BY customer_id, id`,
    );
    const paidBy = app.db.sqlite.prepare(
      `SELECT coalesce(sum(amount_minor), 0) FROM payments WHERE customer_id = ? AND kind = 'payment' AND received_on <= ? AND source != 'recharge'`,
    );
    const documents = new Map<number, number>();
    for (const d of ledger) {
      const paid = paidBy.pluck().get(d.customerId, d.issuedOn) as number;
      expect(d.previous, `${d.kind} of customer ${d.customerId} on ${d.issuedOn}`).toBe(
        (documents.get(d.customerId) ?? 0) - paid,
      );
      documents.set(d.customerId, (documents.get(d.customerId) ?? 0) + (d.kind === 'invoice' ? d.total : -d.total));
    }
    expect(ledger.some((d) => d.issuedOn === today)).toBe(true);
    // The balance everywhere: invoices − credit notes − payments + reversed payments + refunds.
    const balances = new Map(
      rows<{ id: number; balance: number }>(
        app,
        `SELECT c.id, (SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN total_minor ELSE -total_minor END), 0) FROM invoices WHERE customer_id = c.id)
                    - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount_minor ELSE -amount_minor END), 0) FROM payments WHERE customer_id = c.id)
                    + (SELECT coalesce(sum(p.amount_minor), 0) FROM payment_reversals r JOIN payments p ON p.id = r.payment_id WHERE p.customer_id = c.id) AS balance
         FROM customers c`,
      ).map((r) => [r.id, r.balance]),
    );
    const sample = [...balances.keys()].filter((_, i) => i % 40 === 0);
    for (const customerId of sample) {
      expect((await call(app, 'billing.customer', { customerId })).balance).toBe(balances.get(customerId));
      expect((await call(app, 'payments.counter', { customerId })).balance).toBe(balances.get(customerId));
      expect((await call(app, 'payments.statement', { customerId })).closing).toBe(balances.get(customerId));
    }
    // One invoice per customer and period.
    expect(
      rows(
        app,
        `SELECT customer_id, period_key FROM invoices WHERE period_key IS NOT NULL
         GROUP BY customer_id, period_key HAVING count(*) > 1`,
      ),
    ).toEqual([]);
  });

  it('has the history a real office has: sign-ups, suspensions, plan changes, charges, credit notes', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    const today = app.services.settings.today();
    // Sign-ups spread over the two years, and the timeline agrees with the customer.
    const starts = rows<{ start: string; created: string }>(
      app,
      `SELECT c.billing_start_on AS start, e.effective_on AS created FROM customers c
       JOIN customer_events e ON e.customer_id = c.id AND e.kind = 'created'`,
    );
    expect(starts).toHaveLength(300);
    expect(starts.every((s) => s.start === s.created && s.start >= addMonths(today, -24) && s.start <= today)).toBe(
      true,
    );
    expect(starts.filter((s) => s.start > addMonths(today, -3)).length).toBeGreaterThan(20);
    expect(starts.filter((s) => s.start < addMonths(today, -12)).length).toBeGreaterThan(100);
    const changes = rows<{ kind: string; n: number; latest: string }>(
      app,
      `SELECT kind, count(*) AS n, max(effective_on) AS latest FROM customer_events
       WHERE kind IN ('status_changed', 'plan_changed') GROUP BY kind ORDER BY kind`,
    );
    expect(changes.map((c) => c.kind)).toEqual(['plan_changed', 'status_changed']);
    for (const c of changes) {
      expect(c.n).toBeGreaterThan(5);
      expect(c.latest < today).toBe(true);
    }
    // The last status change of each customer is where they stand now.
    expect(
      rows(
        app,
        `SELECT c.id FROM customers c JOIN customer_events e ON e.id =
           (SELECT max(id) FROM customer_events WHERE customer_id = c.id AND kind = 'status_changed')
         WHERE json_extract(e.details, '$.to') != c.status`,
      ),
    ).toEqual([]);
    // Archived customers were billed until they left, and not after.
    const archived = rows<{ id: number; left: string; lastPeriod: string | null }>(
      app,
      `SELECT c.id, e.effective_on AS left,
              (SELECT max(period_key) FROM invoices WHERE customer_id = c.id AND kind = 'invoice') AS lastPeriod
       FROM customers c JOIN customer_events e ON e.customer_id = c.id AND e.kind = 'status_changed'
       WHERE c.status = 'archived'`,
    );
    expect(archived.length).toBeGreaterThan(5);
    expect(archived.filter((a) => a.lastPeriod !== null).length).toBeGreaterThan(5);
    for (const a of archived) if (a.lastPeriod) expect(a.lastPeriod <= a.left).toBe(true);
    const lines = Object.fromEntries(
      rows<{ what: string; n: number }>(
        app,
        `SELECT kind || ':' || substr(description, 1, 12) AS what, count(*) AS n FROM invoice_lines
         WHERE kind != 'plan' GROUP BY what`,
      ).map((r) => [r.what, r.n]),
    );
    expect(lines['one_time:Installation']).toBeGreaterThanOrEqual(3);
    expect(lines['addon:Static IP ad']).toBeGreaterThan(50);
    expect(lines['discount:Senior citiz']).toBeGreaterThan(10);
    expect(lines['discount:Referral dis']).toBeGreaterThanOrEqual(5);
    expect(
      one<number>(app, `SELECT count(*) FROM customer_charges WHERE kind = 'one_time' AND billed_invoice_id IS NULL`),
    ).toBe(0);
    const credits = rows<{ total: number; status: string }>(
      app,
      `SELECT c.total_minor AS total, i.status FROM invoices c JOIN invoices i ON i.id = c.invoice_id
       WHERE c.kind = 'credit_note'`,
    );
    expect(credits.length).toBeGreaterThanOrEqual(3);
    expect(credits.some((c) => c.status === 'cancelled')).toBe(true);
  });

  it('has two years of payments: receipts gapless per year, balances kept, most paid, some owing', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    const today = app.services.settings.today();
    const settings = app.services.settings.get();
    // Receipts and refunds: each financial year 1..n, numbered as set, dated in it.
    const receipts = rows<{ kind: string; fy: string; seq: number; number: string; receivedOn: string }>(
      app,
      `SELECT kind, fy, seq, number, received_on AS receivedOn FROM payments ORDER BY kind, fy, seq`,
    );
    const years = new Map<string, typeof receipts>();
    for (const r of receipts) years.set(`${r.kind} ${r.fy}`, [...(years.get(`${r.kind} ${r.fy}`) ?? []), r]);
    for (const fy of new Set([-23, -12, 0].map((m) => financialYearOf(addMonths(today, m)).label))) {
      expect(years.has(`payment ${fy}`), fy).toBe(true);
    }
    for (const [key, list] of years) {
      expect(
        list.map((r) => r.seq),
        key,
      ).toEqual(list.map((_, i) => i + 1));
      for (const r of list) {
        expect(financialYearOf(r.receivedOn).label).toBe(r.fy);
        expect(r.number).toBe(
          r.kind === 'payment'
            ? documentNumber(settings.receiptPrefix, r.fy, r.seq, settings.receiptDigits)
            : documentNumber(settings.refundPrefix, r.fy, r.seq, settings.refundDigits),
        );
        expect(r.receivedOn <= today).toBe(true);
      }
    }
    expect(receipts.length).toBeGreaterThan(2_000);
    // The kept balances are the documents' sums, and every invoice's paid amount its allocations.
    expect(
      rows(
        app,
        `SELECT d.customer_id FROM (${BALANCES_FROM_DOCUMENTS}) d LEFT JOIN customer_balances b ON b.customer_id = d.customer_id
         WHERE b.balance_minor IS NOT d.balance_minor OR b.credit_minor IS NOT d.credit_minor`,
      ),
    ).toEqual([]);
    expect(
      rows(
        app,
        `SELECT i.id FROM invoices i WHERE i.paid_minor != (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id)`,
      ),
    ).toEqual([]);
    // How they paid: cash, UPI with 12-digit ids, bank transfers, cheques.
    const methods = Object.fromEntries(
      rows<{ method: string; n: number }>(app, `SELECT method, count(*) AS n FROM payments GROUP BY method`).map(
        (r) => [r.method, r.n],
      ),
    );
    expect(methods.cash).toBeGreaterThan(500);
    expect(methods.upi).toBeGreaterThan(500);
    expect(methods.bank).toBeGreaterThan(50);
    expect(methods.cheque).toBeGreaterThan(50);
    expect(
      one<number>(
        app,
        `SELECT count(*) FROM payments WHERE method = 'upi' AND reference NOT GLOB '[1-9]' || replace(hex(zeroblob(11)), '00', '[0-9]')`,
      ),
    ).toBe(0);
    // Most invoices before the last two months are paid; some customers owe, some are overdue.
    const older = rows<{ status: string; n: number }>(
      app,
      `SELECT status, count(*) AS n FROM invoices WHERE kind = 'invoice' AND issued_on < ? GROUP BY status`,
      addMonths(today, -2),
    );
    const count = (status: string) => older.find((r) => r.status === status)?.n ?? 0;
    expect(count('paid')).toBeGreaterThan(0.8 * older.reduce((n, r) => n + r.n, 0));
    expect(count('unpaid') + count('partly_paid')).toBeGreaterThan(2);
    expect(
      one<number>(app, `SELECT count(*) FROM invoices WHERE kind = 'invoice' AND status IN ('unpaid', 'partly_paid')`),
    ).toBeGreaterThan(30);
    expect(one<number>(app, `SELECT count(*) FROM invoices WHERE status = 'partly_paid'`)).toBeGreaterThan(10);
    const dues = await call(app, 'payments.dues', {});
    expect(dues.totals.d90_plus).toBeGreaterThan(0);
    expect(dues.totals.toSuspend).toBeGreaterThan(0);
    // Advances (credit), two bounced cheques reversed today, one refund.
    expect(one<number>(app, `SELECT count(*) FROM customer_balances WHERE credit_minor > 0`)).toBeGreaterThan(0);
    const reversals = rows<{ method: string; on: string }>(
      app,
      `SELECT p.method, r.reversed_on AS "on" FROM payment_reversals r JOIN payments p ON p.id = r.payment_id`,
    );
    expect(reversals).toEqual([
      { method: 'cheque', on: today },
      { method: 'cheque', on: today },
    ]);
    expect(one<number>(app, `SELECT count(*) FROM payments WHERE kind = 'refund'`)).toBe(1);
    // Prepaid customers: runs stopped billing them; four recharged today, with paid invoices.
    const prepaid = rows<{ id: number }>(app, `SELECT id FROM customers WHERE billing_mode = 'prepaid'`);
    expect(prepaid.length).toBeGreaterThanOrEqual(4);
    const recharges = rows<{ status: string; paid: number }>(
      app,
      `SELECT i.status, i.paid_minor AS paid FROM invoices i WHERE i.source = 'recharge'`,
    );
    expect(recharges.length).toBeGreaterThanOrEqual(4);
    expect(recharges.every((r) => r.status === 'paid')).toBe(true);
    // The day book: the last weeks closed, today open; a closed day refuses back-dating.
    const closed = rows<{ day: string; difference: number }>(
      app,
      `SELECT day, difference_minor AS difference FROM day_closes ORDER BY day`,
    );
    expect(closed.length).toBeGreaterThanOrEqual(30);
    expect(closed.at(-1)!.day).toBe(addDays(today, -1));
    expect(closed.filter((d) => d.difference !== 0).length).toBe(1);
    const customerId = one<number>(app, `SELECT min(id) FROM customers WHERE status = 'active'`);
    expect(
      (
        await refused(app, 'payments.record', {
          customerId,
          amount: 10_000,
          method: 'cash',
          receivedOn: addDays(today, -2),
        })
      ).message,
    ).toMatch(/closed in the day book/);
  });

  it('leaves nothing behind when billing fails halfway', async () => {
    const app = freshApp();
    const run = app.services.billing.run.bind(app.services.billing);
    let calls = 0;
    const spy = vi.spyOn(app.services.billing, 'run').mockImplementation((...args) => {
      if (++calls === 20) throw new Error('disk full');
      return run(...args);
    });
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('internal');
    expect(calls).toBe(20);
    for (const table of ['customers', 'plans', 'invoices', 'invoice_lines', 'customer_charges', 'customer_events']) {
      expect(one<number>(app, `SELECT count(*) FROM ${table}`), table).toBe(0);
    }
    expect(one<number>(app, `SELECT count(*) FROM sequences WHERE name LIKE 'invoice:%'`)).toBe(0);
    spy.mockRestore();
    expect(await call(app, 'app.loadDemo', {})).toEqual({ plans: 12, customers: 300 });
  });

  it('can load without history (the bench and other tests)', () => {
    const app = freshApp();
    expect(loadDemoIsp(app, 30, { history: false })).toEqual({ plans: 12, customers: 30 });
    expect(one<number>(app, `SELECT count(*) FROM invoices`)).toBe(0);
  });
});
