// Two years of billing behind the demo ISP: sign-ups spread over 24 months, suspensions,
// reconnections, churn and plan changes on their past dates, then billing runs on every
// billing day in order, as the office would have run them, and the payments that came in
// between (./demoPayments). Written inside the demo's one transaction; customers and events
// are back-dated in SQL, documents and payments go through the services.
import { ChargeInput, CreditNoteInput, type CustomerStatus } from '../../src-shared/contract';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../src-shared/dates';
import type { Services } from '../app';
import type { WritableDb } from '../db/connection';
import { DemoPayments } from './demoPayments';

/** What the office's past changed, on the date it took effect. */
type PastChange =
  | { on: IsoDate; customerId: number; kind: 'status'; from: CustomerStatus; to: CustomerStatus; reason: string }
  | { on: IsoDate; customerId: number; kind: 'plan'; from: number; to: number };

interface DemoCustomerRow {
  id: number;
  status: CustomerStatus;
  planId: number | null;
  billingDay: number;
  connectionType: 'pppoe' | 'static';
}

export interface DemoHistorySummary {
  runs: number;
  invoices: number;
  creditNotes: number;
  payments: number;
}

const MONTHS_BACK = 24;
/**
 * The office bills in two cycles (the 1st and the 15th), as many small ISPs do: two runs
 * a month, not one per day, which also keeps the demo quick to load.
 */
const CYCLES = [1, 15];

/**
 * Back-dates the customers just created and bills them month by month up to today. The
 * customers' current status and plan are where their history ends.
 */
export function writeDemoHistory(services: Services, db: WritableDb, random: () => number): DemoHistorySummary {
  const today = services.settings.today();
  const founded = addMonths(today, -MONTHS_BACK);
  const between = (from: IsoDate, to: IsoDate): IsoDate =>
    from >= to ? from : addDays(from, Math.floor(random() * (daysBetween(from, to) + 1)));
  const customers = db
    .prepare(
      `SELECT id, status, plan_id AS planId, billing_day AS billingDay, connection_type AS connectionType
       FROM customers ORDER BY id`,
    )
    .all() as DemoCustomerRow[];
  const plans = services.plans.list();
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const byName = (name: string) => plans.find((p) => p.name === name)!.id;
  const upgradeFrom = [byName('Old Unlimited 8'), byName('Home 10'), byName('Home 20')];

  const signUp = db.prepare(
    `UPDATE customers SET billing_start_on = @on, installed_on = @on, status = @status, plan_id = @planId,
            billing_day = @billingDay, status_changed_at = @at WHERE id = @id`,
  );
  const created = db.prepare(
    `UPDATE customer_events SET effective_on = @on, at = @at,
            details = json_set(details, '$.status', @status, '$.planId', @planId, '$.planName', @planName)
     WHERE customer_id = @id AND kind = 'created'`,
  );
  const changes: PastChange[] = [];
  const starts = new Map<number, IsoDate>();
  customers.forEach((c, i) => {
    c.billingDay = CYCLES[Math.min(CYCLES.length - 1, Math.floor(((c.billingDay - 1) * CYCLES.length) / 28))]!;
    // A few founding customers, most over the two years, one in six in the last quarter.
    const start =
      i % 25 === 0
        ? founded
        : random() < 0.17
          ? between(addDays(today, -90), today)
          : between(founded, addDays(today, -91));
    starts.set(c.id, start);
    let status = c.status;
    let planId = c.planId;
    const span = daysBetween(start, today);
    if (status !== 'active' && span > 20) {
      // Suspended, disconnected or archived customers were active before, then changed.
      const on = between(addDays(start, Math.min(60, span - 10)), addDays(today, -2));
      const reason = status === 'suspended' ? 'Unpaid dues' : status === 'disconnected' ? 'Moved away' : 'Left';
      changes.push({ on, customerId: c.id, kind: 'status', from: 'active', to: status, reason });
      status = 'active';
    } else if (status === 'active' && i % 13 === 5 && span > 120) {
      // Suspended for non-payment, then paid and reconnected.
      const off = between(addDays(start, 40), addDays(today, -60));
      const back = addDays(off, 10 + Math.floor(random() * 40));
      changes.push({
        on: off,
        customerId: c.id,
        kind: 'status',
        from: 'active',
        to: 'suspended',
        reason: 'Unpaid dues',
      });
      changes.push({ on: back, customerId: c.id, kind: 'status', from: 'suspended', to: 'active', reason: 'Paid' });
    }
    if (planId !== null && i % 11 === 3 && span > 150 && !upgradeFrom.includes(planId)) {
      // Upgraded from a small plan on a billing day, from the next period.
      const from = upgradeFrom[i % upgradeFrom.length]!;
      const on = billingDayOnOrAfter(between(addDays(start, 60), addDays(today, -30)), c.billingDay);
      if (on < today) {
        changes.push({ on, customerId: c.id, kind: 'plan', from, to: planId });
        planId = from;
      }
    }
    const at = `${start}T05:30:00.000Z`;
    signUp.run({ id: c.id, on: start, status, planId, at, billingDay: c.billingDay });
    created.run({ id: c.id, on: start, at, status, planId, planName: planId === null ? null : planName.get(planId)! });
  });

  addCharges(services, customers, starts, today);

  // Applied in date order before the run of that day; on one day, in the order made.
  changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const recordEvent = db.prepare(
    `INSERT INTO customer_events (customer_id, at, kind, effective_on, reason, details) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setStatus = db.prepare(
    `UPDATE customers SET status = ?, status_reason = ?, status_changed_at = ? WHERE id = ?`,
  );
  const setPlan = db.prepare(`UPDATE customers SET plan_id = ? WHERE id = ?`);
  const apply = (change: PastChange) => {
    const at = `${change.on}T06:30:00.000Z`;
    if (change.kind === 'status') {
      recordEvent.run(
        change.customerId,
        at,
        'status_changed',
        change.on,
        change.reason,
        JSON.stringify({ from: change.from, to: change.to }),
      );
      setStatus.run(change.to, change.reason, at, change.customerId);
    } else {
      const details = {
        from: { id: change.from, name: planName.get(change.from) },
        to: { id: change.to, name: planName.get(change.to) },
        how: 'next_period',
      };
      recordEvent.run(change.customerId, at, 'plan_changed', change.on, 'Upgrade', JSON.stringify(details));
      setPlan.run(change.to, change.customerId);
    }
  };

  // A run on every billing day anyone has, and today's: invoices dated in order, so each
  // financial year's numbers follow the dates.
  const billingDays = [...new Set(customers.map((c) => c.billingDay))].sort((a, b) => a - b);
  // The office's first day bills its founding customers.
  const runDates: IsoDate[] = [founded];
  for (let month = founded.slice(0, 8); ; month = addMonths(`${month}01`, 1).slice(0, 8)) {
    if (`${month}01` > today) break;
    for (const day of billingDays) {
      const date = `${month}${String(day).padStart(2, '0')}`;
      if (date > founded && date < today) runDates.push(date);
    }
  }
  runDates.push(today);
  // Payments come in between runs, in date order with the status changes: a customer pays
  // before they are archived, not after.
  const payments = new DemoPayments(services, db, random, today);
  const prepaidFrom = runDates.find((d) => d >= addDays(today, -40)) ?? today;
  let next = 0;
  for (const asOf of runDates) {
    while (next < changes.length && changes[next]!.on <= asOf) {
      payments.postBefore(changes[next]!.on);
      apply(changes[next++]!);
    }
    payments.postThrough(asOf);
    // A few customers moved to prepaid last month: runs leave them alone from then on.
    if (asOf === prepaidFrom) payments.makePrepaid();
    const lastId = db.prepare(`SELECT coalesce(max(id), 0) FROM invoices`).pluck().get() as number;
    services.billing.run({ asOf, scope: { kind: 'all' } }, null, () => {});
    payments.planFor(lastId);
  }
  while (next < changes.length) apply(changes[next++]!);
  payments.postThrough(today);

  const creditNotes = writeCreditNotes(services, db);
  // Today at the counter: prepaid recharges, two cheques that bounced, a refund; then the past
  // days closed in the day book.
  payments.today();
  payments.closePastDays();
  const invoices = db.prepare(`SELECT count(*) FROM invoices WHERE kind = 'invoice'`).pluck().get() as number;
  return { runs: runDates.length, invoices, creditNotes, payments: payments.posted };
}

/** The first `billingDay` on or after `date`. */
function billingDayOnOrAfter(date: IsoDate, billingDay: number): IsoDate {
  const sameMonth = `${date.slice(0, 8)}${String(billingDay).padStart(2, '0')}`;
  return sameMonth >= date ? sameMonth : addMonths(sameMonth, 1);
}

/** Installation charges for recent sign-ups, a static IP fee, and a few discounts. */
function addCharges(
  services: Services,
  customers: DemoCustomerRow[],
  starts: Map<number, IsoDate>,
  today: IsoDate,
): void {
  const add = (input: Parameters<typeof ChargeInput.parse>[0]) => services.billing.addCharge(ChargeInput.parse(input));
  const recent = customers.filter((c) => c.planId !== null && daysBetween(starts.get(c.id)!, today) < 240);
  for (const c of recent.slice(0, 8)) {
    add({
      customerId: c.id,
      kind: 'one_time',
      description: 'Installation and CPE mounting',
      amount: 1_500_00,
      sacCode: '998739',
      startsOn: starts.get(c.id)!,
    });
  }
  const statics = customers.filter((c) => c.connectionType === 'static' && c.planId !== null);
  for (const c of statics.slice(0, 12)) {
    add({
      customerId: c.id,
      kind: 'addon',
      description: 'Static IP address',
      amount: 200_00,
      startsOn: starts.get(c.id)!,
    });
  }
  const longStanding = customers.filter((c) => c.planId !== null && daysBetween(starts.get(c.id)!, today) > 400);
  for (const c of longStanding.slice(3, 7)) {
    add({
      customerId: c.id,
      kind: 'discount',
      description: 'Senior citizen discount',
      percentBps: 1000,
      startsOn: addMonths(starts.get(c.id)!, 6),
    });
  }
  const first = longStanding[8];
  if (first) {
    const from = addMonths(starts.get(first.id)!, 1);
    add({
      customerId: first.id,
      kind: 'discount',
      description: 'Referral discount',
      amount: 100_00,
      startsOn: from,
      endsOn: addDays(addMonths(from, 6), -1),
    });
  }
}

/** Today's credit notes: part of a recent invoice for a tower outage, and one invoice cancelled. */
function writeCreditNotes(services: Services, db: WritableDb): number {
  const recent = db
    .prepare(
      `SELECT i.id, l.id AS lineId, l.taxable_minor AS taxable FROM invoices i
       JOIN invoice_lines l ON l.invoice_id = i.id AND l.kind = 'plan' AND l.position = 1
       WHERE i.kind = 'invoice' AND i.status = 'unpaid' AND l.taxable_minor >= 10000
       ORDER BY i.id DESC LIMIT 40`,
    )
    .all() as { id: number; lineId: number; taxable: number }[];
  let count = 0;
  for (const invoice of recent.filter((_, i) => i % 10 === 0)) {
    services.billing.creditNote(
      CreditNoteInput.parse({
        invoiceId: invoice.id,
        reason: 'Tower outage: 3 days without service',
        amount: { kind: 'lines', lines: [{ lineId: invoice.lineId, taxable: Math.round(invoice.taxable / 10) }] },
      }),
    );
    count++;
  }
  const wrong = recent[recent.length - 1];
  if (wrong) {
    services.billing.creditNote(
      CreditNoteInput.parse({ invoiceId: wrong.id, reason: 'Billed twice by mistake', amount: { kind: 'rest' } }),
    );
    count++;
  }
  return count;
}
