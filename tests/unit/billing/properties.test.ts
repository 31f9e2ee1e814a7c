// Rules that must hold for every input: totals add up, a year of monthly service costs twelve
// months' price, split periods add up to the whole, numbers have no gaps, re-runs add nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planInvoices,
  prorate,
  type BillingRules,
  type CustomerFacts,
  type PlanFacts,
} from '../../../src-main/billing/engine';
import { daysIn, periodContaining } from '../../../src-main/billing/rules/periods';
import { taxLine } from '../../../src-main/billing/rules/tax';
import { Timeline } from '../../../src-main/billing/rules/timeline';
import { addDays, addMonths } from '../../../src-shared/dates';
import { call, createCustomer, createPlan } from '../helpers';
import { billingApp } from './billingApp';

const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
const priceArb = fc.integer({ min: 0, max: 10_000_000 });
const rateArb = fc.constantFrom(0, 500, 1200, 1800, 2800);

function rules(asOf: string, plan: PlanFacts, timing: 'advance' | 'arrears' = 'advance'): BillingRules {
  return {
    asOf,
    timing,
    firstInvoice: 'separate',
    sacCode: '998422',
    lateFee: { mode: 'none', minor: 0, bps: 0, graceDays: 0 },
    plans: new Map([[plan.id, plan]]),
  };
}

describe('properties of the rules', () => {
  it('a line total is its taxable value plus its taxes, whatever the regime', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        rateArb,
        fc.constantFrom('cgst_sgst', 'igst', 'vat', 'none' as const),
        fc.boolean(),
        (amount, rate, regime, inclusive) => {
          const l = taxLine(amount, rate, regime, inclusive);
          expect(l.total).toBe(l.taxable + l.cgst + l.sgst + l.igst + l.vat);
          if (inclusive) expect(l.total).toBe(amount);
          else expect(l.taxable).toBe(amount);
          if (regime === 'cgst_sgst' && !inclusive) expect(l.cgst).toBe(l.sgst);
        },
      ),
    );
  });

  it('the pieces of a period split by changes add up to its price within one minor unit per piece', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(1, 3, 6, 12),
        priceArb,
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 8 }),
        (date, day, months, price, cuts) => {
          const whole = periodContaining(date, day, months);
          const total = daysIn(whole);
          const points = [...new Set(cuts.filter((c) => c < total))].sort((a, b) => a - b);
          const lengths = [...points, total].map((p, i) => p - (i === 0 ? 0 : points[i - 1]!));
          const sum = lengths.reduce((n, days) => n + prorate(price, days, total), 0);
          expect(Math.abs(sum - price)).toBeLessThanOrEqual(lengths.length);
        },
      ),
    );
  });

  it('a customer on a monthly plan with no changes is billed exactly 12 × price a year, however runs fall', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 28 }),
        priceArb,
        fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('advance', 'arrears' as const),
        (date, day, price, gaps, timing) => {
          const start = periodContaining(date, day, 1).start; // billing starts on a billing day
          const plan: PlanFacts = {
            id: 1,
            name: 'P',
            priceMinor: price,
            billingPeriod: 'monthly',
            taxRateBps: 0,
            status: 'active',
          };
          const customer: CustomerFacts = {
            id: 1,
            billingDay: day,
            billingStartOn: start,
            timeline: new Timeline('active', 1),
            billedThrough: null,
            charges: [],
            overdue: [],
          };
          // A year of service: advance bills the 12 periods that start in it, arrears the 12 that end by its last day.
          const yearEnd = addDays(addMonths(start, 12), timing === 'advance' ? -1 : 0);
          let asOf = start;
          let billed = 0;
          for (const gap of [...gaps, 400]) {
            asOf = addDays(asOf, gap) > yearEnd ? yearEnd : addDays(asOf, gap);
            for (const invoice of planInvoices(customer, rules(asOf, plan, timing))) {
              billed += invoice.lines.reduce((n, l) => n + l.amount, 0);
              customer.billedThrough = invoice.periodEnd;
            }
            if (asOf === yearEnd) break;
          }
          expect(billed).toBe(12 * price);
        },
      ),
    );
  });
});

type Step =
  | { day: number; kind: 'run' }
  | { day: number; kind: 'status'; customer: number; to: 'active' | 'suspended' | 'disconnected' }
  | { day: number; kind: 'plan'; customer: number; plan: number; when: 'now' | 'next_period' }
  | { day: number; kind: 'credit'; pick: number; part: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ day: fc.integer({ min: 0, max: 730 }), kind: fc.constant('run' as const) }),
  fc.record({
    day: fc.integer({ min: 0, max: 730 }),
    kind: fc.constant('status' as const),
    customer: fc.nat(3),
    to: fc.constantFrom('active', 'suspended', 'disconnected' as const),
  }),
  fc.record({
    day: fc.integer({ min: 0, max: 730 }),
    kind: fc.constant('plan' as const),
    customer: fc.nat(3),
    plan: fc.nat(2),
    when: fc.constantFrom('now', 'next_period' as const),
  }),
  fc.record({
    day: fc.integer({ min: 0, max: 730 }),
    kind: fc.constant('credit' as const),
    pick: fc.nat(),
    part: fc.boolean(),
  }),
);

describe('properties of issued documents over two years', () => {
  it('totals add up, numbers have no gaps, balances are the sum of documents, re-runs add nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 5, maxLength: 30 }),
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), start: fc.integer({ min: 0, max: 300 }) }), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.boolean(),
        async (steps, people, roundOff) => {
          const first = '2025-03-01';
          const app = await billingApp(first, { roundOff, creditSuspendedDays: true });
          const plans = [
            await createPlan(app, { name: 'A', priceMinor: 49_900, taxRateBps: 1800 }),
            await createPlan(app, { name: 'B', priceMinor: 79_900, taxRateBps: 1800, billingPeriod: 'quarterly' }),
            await createPlan(app, { name: 'C', priceMinor: 12_345, taxRateBps: 500 }),
          ];
          const customers = [];
          for (const [i, p] of people.entries()) {
            customers.push(
              await createCustomer(app, {
                planId: plans[i % 3]!.id,
                billingDay: p.day,
                billingStartOn: addDays(first, p.start),
                placeOfSupply: i === 3 ? '29' : null,
              }),
            );
          }
          const ordered = [...steps].sort((a, b) => a.day - b.day);
          for (const step of ordered) {
            const today = addDays(first, step.day);
            app.setToday(today);
            if (step.kind === 'run') await call(app, 'billing.run', { asOf: today, scope: { kind: 'all' } });
            else if (step.kind === 'status')
              await app.registry.invoke('customers.setStatus', {
                id: customers[step.customer]!.id,
                status: step.to,
                reason: 'test',
              });
            else if (step.kind === 'plan')
              await app.registry.invoke('billing.changePlan', {
                customerId: customers[step.customer]!.id,
                planId: plans[step.plan]!.id,
                when: step.when,
              });
            else {
              const open = app.db.sqlite
                .prepare(`SELECT id FROM invoices WHERE kind = 'invoice' AND status != 'cancelled' ORDER BY id`)
                .pluck()
                .all() as number[];
              if (open.length === 0) continue;
              const id = open[step.pick % open.length]!;
              const line = app.db.sqlite
                .prepare(
                  `SELECT id, taxable_minor FROM invoice_lines WHERE invoice_id = ? AND taxable_minor > 1 LIMIT 1`,
                )
                .get(id) as { id: number; taxable_minor: number } | undefined;
              const amount =
                step.part && line
                  ? {
                      kind: 'lines' as const,
                      lines: [{ lineId: line.id, taxable: Math.floor(line.taxable_minor / 3) || 1 }],
                    }
                  : { kind: 'rest' as const };
              await app.registry.invoke('billing.creditNote', { invoiceId: id, reason: 'test', amount });
            }
          }
          const last = addDays(first, 730);
          app.setToday(last);
          await call(app, 'billing.run', { asOf: last, scope: { kind: 'all' } });
          expect(await call(app, 'billing.run', { asOf: last, scope: { kind: 'all' } })).toMatchObject({
            invoiceCount: 0,
          });

          const db = app.db.sqlite;
          expect(
            db
              .prepare(
                `SELECT count(*) FROM invoices d WHERE total_minor != (SELECT coalesce(sum(total_minor), 0) FROM invoice_lines l WHERE l.invoice_id = d.id) + round_off_minor`,
              )
              .pluck()
              .get(),
          ).toBe(0);
          expect(
            db
              .prepare(
                `SELECT count(*) FROM invoice_lines WHERE total_minor != taxable_minor + cgst_minor + sgst_minor + igst_minor + vat_minor`,
              )
              .pluck()
              .get(),
          ).toBe(0);
          expect(
            db
              .prepare(
                `SELECT count(*) FROM invoices d WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = d.id)`,
              )
              .pluck()
              .get(),
          ).toBe(0);
          // No gap and no duplicate: each kind and year is numbered 1..n.
          const series = db
            .prepare(
              `SELECT kind, fy, count(*) AS n, count(DISTINCT number) AS distinctNumbers, min(seq) AS lo, max(seq) AS hi FROM invoices GROUP BY kind, fy`,
            )
            .all() as { n: number; distinctNumbers: number; lo: number; hi: number }[];
          for (const s of series) expect([s.lo, s.hi, s.distinctNumbers]).toEqual([1, s.n, s.n]);
          // Credit notes never take more than their invoice; statuses follow.
          expect(
            db
              .prepare(
                `SELECT count(*) FROM invoices i WHERE kind = 'invoice' AND credited_minor != (SELECT coalesce(sum(total_minor), 0) FROM invoices c WHERE c.invoice_id = i.id)`,
              )
              .pluck()
              .get(),
          ).toBe(0);
          expect(
            db
              .prepare(
                `SELECT count(*) FROM invoices WHERE kind = 'invoice' AND (credited_minor > total_minor OR (status = 'cancelled') != (credited_minor = total_minor AND total_minor > 0))`,
              )
              .pluck()
              .get(),
          ).toBe(0);
          for (const c of customers) {
            const sum = db
              .prepare(
                `SELECT coalesce(sum(CASE kind WHEN 'invoice' THEN total_minor ELSE -total_minor END), 0) FROM invoices WHERE customer_id = ?`,
              )
              .pluck()
              .get(c.id);
            expect((await call(app, 'billing.customer', { customerId: c.id })).balance).toBe(sum);
          }
          app.close();
        },
      ),
      {
        numRuns: 25,
        // Found by this property: partial credits that took every line left a round-off-only rest.
        examples: [
          [
            [
              { day: 1, kind: 'credit', pick: 0, part: true },
              { day: 1, kind: 'credit', pick: 0, part: true },
              { day: 2, kind: 'credit', pick: 0, part: false },
              { day: 1, kind: 'credit', pick: 0, part: true },
              { day: 0, kind: 'run' },
            ],
            [
              { day: 1, start: 3 },
              { day: 1, start: 3 },
              { day: 1, start: 0 },
              { day: 1, start: 0 },
            ],
            true,
          ],
        ],
      },
    );
  }, 120_000);
});
