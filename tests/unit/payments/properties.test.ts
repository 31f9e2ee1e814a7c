// Rules of the ledger that must hold after every step of any office's year: billing runs on
// advancing dates, credit notes (whole and partial, paid invoices too), payments (partial,
// exact, over; oldest first and chosen), reversals, refunds and prepaid recharges, on a real
// file through the registry. The balance is computed here from what the test did, not read
// back from the ledger it checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BALANCES_FROM_DOCUMENTS } from '../../../src-main/db/ledger';
import type { Channel } from '../../../src-shared/contract';
import { addDays, financialYearOf } from '../../../src-shared/dates';
import { call, createCustomer, createPlan, databaseChecksum } from '../helpers';
import type { BillingTestApp } from '../billing/billingApp';
import { billingApp } from './paymentsApp';

const FIRST = '2026-04-01';
/** Over a year, so receipts start again at 1 in the next financial year. */
const SPAN_DAYS = 450;
const CUSTOMERS = 4;
/** The last customer is prepaid: runs leave them alone, recharges bill them. */
const PREPAID = CUSTOMERS - 1;

type Step =
  | { day: number; kind: 'run' }
  | { day: number; kind: 'credit'; pick: number; part: boolean; paidOnly: boolean }
  | {
      day: number;
      kind: 'pay';
      who: number;
      how: 'partial' | 'exact' | 'over';
      alloc: 'oldest' | 'chosen';
      pick: number;
      frac: number;
      method: 'cash' | 'upi' | 'cheque';
      back: number;
    }
  | { day: number; kind: 'overAllocate'; who: number; pick: number }
  | { day: number; kind: 'reverse'; pick: number; bounced: boolean }
  | { day: number; kind: 'refund'; who: number; percent: number }
  | { day: number; kind: 'recharge'; periods: number; extra: number; short: boolean };

const day = fc.integer({ min: 0, max: SPAN_DAYS });
const who = fc.nat(CUSTOMERS - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ day, kind: fc.constant('run' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      day,
      kind: fc.constant('credit' as const),
      pick: fc.nat(),
      part: fc.boolean(),
      paidOnly: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      day,
      kind: fc.constant('pay' as const),
      who,
      how: fc.constantFrom('partial', 'exact', 'over' as const),
      alloc: fc.constantFrom('oldest', 'chosen' as const),
      pick: fc.nat(),
      frac: fc.integer({ min: 1, max: 99 }),
      method: fc.constantFrom('cash', 'upi', 'cheque' as const),
      back: fc.constantFrom(0, 0, 0, 1, 3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ day, kind: fc.constant('overAllocate' as const), who, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ day, kind: fc.constant('reverse' as const), pick: fc.nat(), bounced: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ day, kind: fc.constant('refund' as const), who, percent: fc.integer({ min: 1, max: 130 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      day,
      kind: fc.constant('recharge' as const),
      periods: fc.integer({ min: 1, max: 2 }),
      extra: fc.constantFrom(0, 0, 1, 25_000),
      short: fc.boolean(),
    }),
  },
);

/** What the test did, as it did it: the independent side of every comparison. */
interface Model {
  payments: { id: number; customerId: number; amount: number; kind: 'payment' | 'refund'; reversed: boolean }[];
}

/** Over all runs: each channel's calls by outcome, to show the steps did what they say. */
const tally: Record<string, number> = {};

describe('properties of the ledger over a year of payments', () => {
  it('balances, credit, allocations, statuses and receipt numbers hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 8, maxLength: 60 }),
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), start: fc.integer({ min: 0, max: 90 }) }), {
          minLength: CUSTOMERS,
          maxLength: CUSTOMERS,
        }),
        async (steps, people) => {
          const app = await billingApp(FIRST, { bouncedChequeChargeMinor: 25_000 });
          try {
            await runSteps(app, steps, people);
          } finally {
            app.close();
          }
        },
      ),
      {
        numRuns: 40,
        examples: [
          // A refund of credit, then the payment that made the credit reversed.
          [
            [
              { day: 0, kind: 'credit', pick: 0, part: false, paidOnly: false },
              { day: 0, kind: 'run' },
              { day: 0, kind: 'credit', pick: 0, part: false, paidOnly: false },
              {
                day: 1,
                kind: 'pay',
                who: 0,
                how: 'partial',
                alloc: 'oldest',
                pick: 0,
                frac: 1,
                method: 'cash',
                back: 0,
              },
              { day: 1, kind: 'refund', who: 0, percent: 1 },
              { day: 2, kind: 'reverse', pick: 0, bounced: false },
              { day: 2, kind: 'pay', who: 0, how: 'exact', alloc: 'oldest', pick: 0, frac: 1, method: 'cash', back: 0 },
              { day: 40, kind: 'run' },
            ],
            [
              { day: 1, start: 0 },
              { day: 1, start: 0 },
              { day: 1, start: 0 },
              { day: 1, start: 0 },
            ],
          ],
        ],
        // fast-check prints the seed and the counterexample on failure (replay with { seed, path });
        // shrinking replays the app hundreds of times, so only when asked: SHRINK=1.
        endOnFailure: !process.env.SHRINK,
        verbose: 1,
      },
    );
    console.log('payments properties:', tally);
    for (const outcome of [
      'payments.record ok',
      'payments.record validation',
      'payments.reverse ok',
      'payments.reverse conflict',
      'payments.refund ok',
      'payments.refund validation',
      'payments.recharge ok',
      'payments.recharge validation',
      'billing.creditNote ok',
    ]) {
      expect(tally[outcome] ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 240_000);
});

async function runSteps(app: BillingTestApp, steps: Step[], people: { day: number; start: number }[]): Promise<void> {
  const db = app.db.sqlite;
  const plans = [
    await createPlan(app, { name: 'A', priceMinor: 49_900, taxRateBps: 1800 }),
    await createPlan(app, { name: 'B', priceMinor: 79_900, taxRateBps: 1800, billingPeriod: 'quarterly' }),
    await createPlan(app, { name: 'C', priceMinor: 12_345, taxRateBps: 500 }),
  ];
  const customers: number[] = [];
  for (const [i, p] of people.entries()) {
    const c = await createCustomer(app, {
      planId: plans[i % plans.length]!.id,
      billingDay: p.day,
      billingStartOn: addDays(FIRST, p.start),
    });
    customers.push(c.id);
  }
  await call(app, 'payments.setBillingMode', { customerId: customers[PREPAID]!, mode: 'prepaid' });
  const model: Model = { payments: [] };
  let reference = 0;

  /** Invokes a channel; when refused, nothing may have changed. Returns the value or null. */
  const attempt = async (channel: Channel, input: unknown, expectRefusal: boolean | null): Promise<unknown> => {
    const before = databaseChecksum(db);
    const result = await app.registry.invoke(channel, input);
    const what = `${channel} ${JSON.stringify(input)}`;
    const key = `${channel} ${result.ok ? 'ok' : result.error.code}`;
    tally[key] = (tally[key] ?? 0) + 1;
    if (result.ok) {
      if (expectRefusal === true) throw new Error(`${what} was expected to be refused`);
      return result.value;
    }
    if (expectRefusal === false) throw new Error(`${what} was refused: ${result.error.message}`);
    expect(result.error.code, what).not.toBe('internal');
    expect(result.error.message.length, what).toBeGreaterThan(10);
    expect(databaseChecksum(db), `${what}: refused but wrote`).toBe(before);
    return null;
  };

  const invoiceSums = (customerId: number) =>
    db
      .prepare(
        `SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN total_minor END), 0) AS invoiced,
                coalesce(sum(CASE kind WHEN 'credit_note' THEN total_minor END), 0) AS credited
         FROM invoices WHERE customer_id = ?`,
      )
      .get(customerId) as { invoiced: number; credited: number };
  /** balance = invoices − credit notes − payments + reversed payments + refunds, from the model. */
  const modelBalance = (customerId: number) => {
    const { invoiced, credited } = invoiceSums(customerId);
    let balance = invoiced - credited;
    for (const p of model.payments.filter((x) => x.customerId === customerId)) {
      if (p.kind === 'refund') balance += p.amount;
      else balance += p.reversed ? 0 : -p.amount;
    }
    return balance;
  };
  /** credit = payments not reversed − what of them is on invoices − refunds. */
  const modelCredit = (customerId: number) => {
    let credit = 0;
    for (const p of model.payments.filter((x) => x.customerId === customerId)) {
      if (p.kind === 'refund') credit -= p.amount;
      else if (!p.reversed) {
        const onInvoices = db
          .prepare(`SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations WHERE payment_id = ?`)
          .pluck()
          .get(p.id) as number;
        credit += p.amount - onInvoices;
      }
    }
    return credit;
  };
  const openInvoices = (customerId: number) =>
    db
      .prepare(
        `SELECT id, total_minor - credited_minor - paid_minor AS outstanding FROM invoices
         WHERE customer_id = ? AND kind = 'invoice' AND status IN ('unpaid', 'partly_paid') ORDER BY issued_on, id`,
      )
      .all(customerId) as { id: number; outstanding: number }[];
  const creditAllocated = (customerId: number) =>
    db
      .prepare(
        `SELECT coalesce(sum(a.amount_minor), 0) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
         WHERE p.customer_id = ? AND a.kind = 'credit'`,
      )
      .pluck()
      .get(customerId) as number;
  const released = (customerId: number) =>
    db
      .prepare(
        `SELECT coalesce(-sum(a.amount_minor), 0) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
         WHERE p.customer_id = ? AND a.kind = 'release'`,
      )
      .pluck()
      .get(customerId) as number;

  const check = async (after: string) => {
    const where = (what: string) => `after ${after}: ${what}`;
    const kept = new Map(
      (
        db
          .prepare(`SELECT customer_id AS id, balance_minor AS balance, credit_minor AS credit FROM customer_balances`)
          .all() as {
          id: number;
          balance: number;
          credit: number;
        }[]
      ).map((r) => [r.id, r]),
    );
    const fromDocuments = new Map(
      (
        db.prepare(BALANCES_FROM_DOCUMENTS).all() as {
          customer_id: number;
          balance_minor: number;
          credit_minor: number;
        }[]
      ).map((r) => [r.customer_id, r]),
    );
    const today = app.services.settings.today();
    for (const id of customers) {
      const balance = modelBalance(id);
      const credit = modelCredit(id);
      expect(kept.get(id)?.balance ?? 0, where(`customer ${id} kept balance`)).toBe(balance);
      expect(kept.get(id)?.credit ?? 0, where(`customer ${id} kept credit`)).toBe(credit);
      expect(fromDocuments.get(id)?.balance_minor ?? 0, where(`customer ${id} balance from documents`)).toBe(balance);
      if (credit < 0) {
        // Found by this property: credit refunded, then the payment it came from reversed (a
        // cheque that bounced after the refund) leaves the customer owing with no invoice to
        // carry it, which the ledger shows as negative credit. Only that way, and never below
        // what was refunded.
        const refunds = model.payments.filter((p) => p.customerId === id && p.kind === 'refund');
        const refunded = refunds.reduce((s, p) => s + p.amount, 0);
        const reversedAfterRefund = db
          .prepare(
            `SELECT count(*) FROM payment_reversals r JOIN payments p ON p.id = r.payment_id
             WHERE p.customer_id = ? AND p.kind = 'payment'
               AND r.created_at >= (SELECT min(created_at) FROM payments WHERE customer_id = ? AND kind = 'refund')`,
          )
          .pluck()
          .get(id, id) as number;
        expect(reversedAfterRefund, where(`customer ${id} credit ${credit} below zero`)).toBeGreaterThan(0);
        expect(credit, where(`customer ${id} credit`)).toBeGreaterThanOrEqual(-refunded);
      }
      const counter = await call(app, 'payments.counter', { customerId: id });
      expect([counter.balance, counter.credit], where(`customer ${id} counter`)).toEqual([
        balance,
        Math.max(credit, 0),
      ]);
      const statement = await call(app, 'payments.statement', { customerId: id });
      expect(statement.closing, where(`customer ${id} statement closing`)).toBe(balance);
      expect(statement.to).toBe(today);
      // Everything outstanding on invoices, less the credit, is the balance.
      const outstanding = db
        .prepare(
          `SELECT coalesce(sum(total_minor - credited_minor - paid_minor), 0) FROM invoices WHERE customer_id = ? AND kind = 'invoice'`,
        )
        .pluck()
        .get(id) as number;
      expect(outstanding - credit, where(`customer ${id} outstanding − credit`)).toBe(balance);
    }
    const none = (sql: string, what: string) => expect(db.prepare(sql).all(), where(what)).toEqual([]);
    none(
      `SELECT p.id, p.amount_minor, sum(a.amount_minor) AS net FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
       GROUP BY p.id HAVING net > p.amount_minor OR net < 0`,
      'a payment with more on invoices than it brought (or less than nothing)',
    );
    none(
      `SELECT p.id FROM payments p JOIN payment_reversals r ON r.payment_id = p.id
       WHERE coalesce((SELECT sum(amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) != 0`,
      'a reversed payment still on an invoice',
    );
    none(
      `SELECT a.payment_id FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE p.kind = 'refund'`,
      'a refund on an invoice',
    );
    none(
      `SELECT i.id, i.paid_minor, (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id) AS allocated
       FROM invoices i WHERE paid_minor != allocated`,
      'an invoice whose paid amount is not its allocations',
    );
    none(
      `SELECT id FROM invoices WHERE kind = 'invoice' AND (paid_minor < 0 OR paid_minor > total_minor - credited_minor)`,
      'an invoice paid beyond what it asks',
    );
    none(
      `SELECT a.id FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
       WHERE p.customer_id != i.customer_id OR i.kind != 'invoice'`,
      "money on another customer's invoice or on a credit note",
    );
    const invoices = db
      .prepare(
        `SELECT id, total_minor AS total, credited_minor AS credited, paid_minor AS paid, status FROM invoices WHERE kind = 'invoice'`,
      )
      .all() as { id: number; total: number; credited: number; paid: number; status: string }[];
    for (const i of invoices) {
      const expected =
        i.credited >= i.total
          ? 'cancelled'
          : i.credited + i.paid >= i.total
            ? 'paid'
            : i.paid > 0
              ? 'partly_paid'
              : 'unpaid';
      expect(i.status, where(`invoice ${i.id} (${i.total} credited ${i.credited} paid ${i.paid})`)).toBe(expected);
    }
    // Receipts and refund vouchers: each financial year 1..n, no gap, no duplicate, dated in it.
    const numbered = db
      .prepare(`SELECT kind, fy, seq, number, received_on AS receivedOn FROM payments ORDER BY kind, fy, seq`)
      .all() as { kind: string; fy: string; seq: number; number: string; receivedOn: string }[];
    const series = new Map<string, typeof numbered>();
    for (const p of numbered) series.set(`${p.kind} ${p.fy}`, [...(series.get(`${p.kind} ${p.fy}`) ?? []), p]);
    for (const [key, list] of series) {
      expect(
        list.map((p) => p.seq),
        where(`${key} numbered 1..n`),
      ).toEqual(list.map((_, i) => i + 1));
      expect(new Set(list.map((p) => p.number)).size, where(`${key} numbers unique`)).toBe(list.length);
      for (const p of list) expect(financialYearOf(p.receivedOn).label, where(p.number)).toBe(p.fy);
    }
    expect(numbered.length, where('every payment the model holds')).toBe(model.payments.length);
  };

  const ordered = [...steps].sort((a, b) => a.day - b.day);
  for (const [n, step] of ordered.entries()) {
    const today = addDays(FIRST, step.day);
    app.setToday(today);
    const label = `step ${n} ${JSON.stringify(step)} on ${today}`;
    const creditBefore = new Map(customers.map((id) => [id, modelCredit(id)]));
    const creditAllocatedBefore = new Map(customers.map((id) => [id, creditAllocated(id)]));
    const releasedBefore = new Map(customers.map((id) => [id, released(id)]));
    const maxInvoiceBefore = db.prepare(`SELECT coalesce(max(id), 0) FROM invoices`).pluck().get() as number;

    if (step.kind === 'run') {
      await attempt('billing.run', { asOf: today, scope: { kind: 'all' } }, false);
    } else if (step.kind === 'credit') {
      const candidates = db
        .prepare(
          `SELECT id FROM invoices WHERE kind = 'invoice' AND status != 'cancelled' ${step.paidOnly ? `AND paid_minor > 0` : ''} ORDER BY id`,
        )
        .pluck()
        .all() as number[];
      if (candidates.length === 0) continue;
      const invoiceId = candidates[step.pick % candidates.length]!;
      const line = db
        .prepare(`SELECT id, taxable_minor FROM invoice_lines WHERE invoice_id = ? AND taxable_minor > 3 LIMIT 1`)
        .get(invoiceId) as { id: number; taxable_minor: number } | undefined;
      const amount =
        step.part && line
          ? { kind: 'lines', lines: [{ lineId: line.id, taxable: Math.floor(line.taxable_minor / 3) }] }
          : { kind: 'rest' };
      // A part of a line credited before may be refused by billing: then nothing changes.
      await attempt('billing.creditNote', { invoiceId, reason: 'Tower outage', amount }, null);
    } else if (step.kind === 'pay') {
      const customerId = customers[step.who]!;
      const balance = modelBalance(customerId);
      const open = openInvoices(customerId);
      const base = balance > 0 ? balance : 10_000 + step.frac * 100;
      const amount =
        step.how === 'exact'
          ? base
          : step.how === 'partial'
            ? Math.max(1, Math.floor((base * step.frac) / 100))
            : base + step.frac * 37;
      let allocation: unknown = { kind: 'oldest_first' };
      if (step.alloc === 'chosen' && open.length > 0) {
        // Some of the open invoices, newest first from a picked one, each with what it owes or less.
        const chosen: { invoiceId: number; amount: number }[] = [];
        let left = amount;
        for (let k = 0; k < open.length && left > 0; k++) {
          const invoice = open[(step.pick + k) % open.length]!;
          const put = Math.min(left, k % 2 ? Math.max(1, Math.floor(invoice.outstanding / 2)) : invoice.outstanding);
          if (put <= 0) continue;
          chosen.push({ invoiceId: invoice.id, amount: put });
          left -= put;
        }
        if (chosen.length > 0) allocation = { kind: 'chosen', invoices: chosen };
      }
      const method = step.method === 'cheque' && step.who === PREPAID ? 'cash' : step.method;
      reference++;
      const input = {
        customerId,
        amount,
        method,
        receivedOn: addDays(today, -step.back),
        reference: method === 'cash' ? '' : `${method === 'upi' ? 'UPI' : ''}${700000 + reference}`,
        chequeBank: method === 'cheque' ? 'State Bank of India' : '',
        allocation,
      };
      const value = (await attempt('payments.record', input, false)) as {
        id: number;
        allocations: { amount: number }[];
      };
      model.payments.push({ id: value.id, customerId, amount, kind: 'payment', reversed: false });
      const put = value.allocations.reduce((s, a) => s + a.amount, 0);
      if (step.alloc === 'oldest' || (allocation as { kind: string }).kind === 'oldest_first') {
        // Oldest first: as much as was open, and never more.
        const owed = open.reduce((s, i) => s + i.outstanding, 0);
        expect(put, label).toBe(Math.min(amount, owed));
      } else {
        const chosen = (allocation as { invoices: { amount: number }[] }).invoices;
        expect(put, label).toBe(chosen.reduce((s, c) => s + c.amount, 0));
      }
    } else if (step.kind === 'overAllocate') {
      const customerId = customers[step.who]!;
      const open = openInvoices(customerId);
      const invoice = open[step.pick % Math.max(1, open.length)];
      const others = db
        .prepare(`SELECT id FROM invoices WHERE kind = 'invoice' AND customer_id != ? ORDER BY id`)
        .pluck()
        .all(customerId) as number[];
      // More than the invoice owes, or another customer's invoice: refused, nothing written.
      const target = invoice
        ? { invoiceId: invoice.id, amount: invoice.outstanding + 1 }
        : others.length
          ? { invoiceId: others[step.pick % others.length]!, amount: 1 }
          : null;
      if (!target) continue;
      await attempt(
        'payments.record',
        {
          customerId,
          amount: target.amount + 500,
          method: 'cash',
          allocation: { kind: 'chosen', invoices: [target] },
        },
        true,
      );
    } else if (step.kind === 'reverse') {
      if (model.payments.length === 0) continue;
      const p = model.payments[step.pick % model.payments.length]!;
      const method = db.prepare(`SELECT method FROM payments WHERE id = ?`).pluck().get(p.id) as string;
      const bounced = step.bounced && method === 'cheque';
      const refuse = p.kind === 'refund' || p.reversed;
      const value = await attempt('payments.reverse', { paymentId: p.id, reason: 'Bounced', bounced }, refuse);
      if (value) p.reversed = true;
    } else if (step.kind === 'refund') {
      const customerId = customers[step.who]!;
      const credit = modelCredit(customerId);
      const amount = Math.max(1, Math.floor((credit * step.percent) / 100));
      const value = (await attempt(
        'payments.refund',
        { customerId, amount, method: 'cash', reason: 'Advance returned' },
        amount > credit,
      )) as { id: number } | null;
      if (value) model.payments.push({ id: value.id, customerId, amount, kind: 'refund', reversed: false });
    } else {
      const customerId = customers[PREPAID]!;
      const quote = await call(app, 'payments.rechargeQuote', { customerId, periods: step.periods });
      expect(quote.toPay, label).toBe(Math.max(0, quote.total - modelCredit(customerId)));
      const amount = step.short && quote.toPay > 1 ? quote.toPay - 1 : Math.max(1, quote.toPay + step.extra);
      const value = (await attempt(
        'payments.recharge',
        { customerId, periods: step.periods, method: 'cash', amount },
        amount < quote.toPay,
      )) as { payment: { id: number }; invoiceId: number } | null;
      if (value) {
        model.payments.push({ id: value.payment.id, customerId, amount, kind: 'payment', reversed: false });
        const inv = db.prepare(`SELECT status FROM invoices WHERE id = ?`).pluck().get(value.invoiceId);
        expect(inv, `${label}: the recharge's invoice is paid`).toBe('paid');
      }
    }

    // Credit goes on new invoices once: never more than there was (plus what credit notes gave back).
    for (const id of customers) {
      const applied = creditAllocated(id) - creditAllocatedBefore.get(id)!;
      const gaveBack = released(id) - releasedBefore.get(id)!;
      expect(applied, `${label}: credit applied for customer ${id}`).toBeLessThanOrEqual(
        Math.max(0, creditBefore.get(id)!) + gaveBack,
      );
      if (step.kind === 'run' && modelCredit(id) > 0) {
        // Credit left over: every invoice this run issued them is paid in full.
        expect(
          db
            .prepare(
              `SELECT id FROM invoices WHERE customer_id = ? AND id > ? AND kind = 'invoice' AND status IN ('unpaid', 'partly_paid')`,
            )
            .all(id, maxInvoiceBefore),
          `${label}: credit left while the run's invoice is open`,
        ).toEqual([]);
      }
    }
    await check(label);
  }
}
