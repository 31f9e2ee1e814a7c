// The demo ISP's two years of payments, written through the payments service as the history is
// billed: most customers pay each invoice within a week (cash, UPI, some bank transfers and
// cheques), some pay late or in part, a few round up and keep an advance, suspended customers
// stop paying. Today: prepaid recharges, two bounced cheques reversed, a refund, and the past
// weeks closed in the day book. Dated through the service's input (post checks only closed days
// and the future), inside the demo's one transaction.
import {
  CloseDayInput,
  RechargeInput,
  RefundInput,
  ReversalInput,
  type PaymentMethod,
} from '../../src-shared/contract';
import { addDays, type IsoDate } from '../../src-shared/dates';
import type { Services } from '../app';
import type { WritableDb } from '../db/connection';

interface Planned {
  on: IsoDate;
  customerId: number;
  invoiceId: number;
  /** What of the invoice's outstanding amount they pay: 1 all, 0.6 part, more than 1 rounds up. */
  share: number;
}

const BANKS = ['State Bank of India', 'HDFC Bank', 'Bank of Maharashtra', 'ICICI Bank', 'Cosmos Bank'];
/** How many of the last days the day book is closed for. */
const CLOSED_DAYS = 45;
const PREPAID_CUSTOMERS = 6;

export class DemoPayments {
  posted = 0;
  private queue: Planned[] = [];
  private used = new Set<string>();
  private readonly status: ReturnType<WritableDb['prepare']>;
  private readonly invoice: ReturnType<WritableDb['prepare']>;
  private prepaid: number[] = [];

  constructor(
    private readonly services: Services,
    private readonly db: WritableDb,
    private readonly random: () => number,
    private readonly todayIs: IsoDate,
  ) {
    this.status = db.prepare(`SELECT status, billing_mode AS mode FROM customers WHERE id = ?`);
    this.invoice = db.prepare(
      `SELECT total_minor - credited_minor - paid_minor AS outstanding FROM invoices WHERE id = ? AND status IN ('unpaid', 'partly_paid')`,
    );
  }

  /** Decides when and how each invoice issued since `afterId` is paid. */
  planFor(afterId: number): void {
    const issued = this.db
      .prepare(
        `SELECT i.id, i.customer_id AS customerId, i.issued_on AS issuedOn, c.status FROM invoices i
         JOIN customers c ON c.id = i.customer_id WHERE i.id > ? AND i.kind = 'invoice' ORDER BY i.id`,
      )
      .all(afterId) as { id: number; customerId: number; issuedOn: IsoDate; status: string }[];
    for (const i of issued) {
      const days = (from: number, to: number) =>
        addDays(i.issuedOn, from + Math.floor(this.random() * (to - from + 1)));
      const kind = i.customerId % 20;
      // Customers now suspended stopped paying four months before; some who left, their last bills.
      if (i.status === 'suspended' && i.issuedOn >= addDays(this.todayIs, -120)) continue;
      if ((i.status === 'disconnected' || i.status === 'archived') && this.random() < 0.3) continue;
      if (kind === 0 || kind === 7) {
        this.queue.push({ on: days(20, 45), customerId: i.customerId, invoiceId: i.id, share: 1 });
      } else if (kind === 1) {
        this.queue.push({ on: days(2, 8), customerId: i.customerId, invoiceId: i.id, share: 0.6 });
        this.queue.push({ on: days(25, 40), customerId: i.customerId, invoiceId: i.id, share: 1 });
      } else if (kind === 2 && this.random() < 0.4) {
        this.queue.push({ on: days(1, 6), customerId: i.customerId, invoiceId: i.id, share: 1.25 });
      } else {
        // From the next day: a run's payments are in before the next run (previous balances).
        this.queue.push({ on: days(1, 7), customerId: i.customerId, invoiceId: i.id, share: 1 });
      }
    }
    this.queue.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.invoiceId - b.invoiceId));
  }

  postBefore(day: IsoDate): void {
    this.postThrough(addDays(day, -1));
  }

  /** Posts every planned payment dated up to `day` (never after today). */
  postThrough(day: IsoDate): void {
    const until = day > this.todayIs ? this.todayIs : day;
    let n = 0;
    while (n < this.queue.length && this.queue[n]!.on <= until) this.post(this.queue[n++]!);
    this.queue.splice(0, n);
  }

  private post(p: Planned): void {
    const customer = this.status.get(p.customerId) as { status: string; mode: string };
    if (customer.status === 'archived') return;
    const open = this.invoice.get(p.invoiceId) as { outstanding: number } | undefined;
    if (!open || open.outstanding <= 0) return;
    const amount =
      p.share > 1
        ? Math.ceil((open.outstanding * p.share) / 50_000) * 50_000 // rounded up to ₹500: the rest is an advance
        : p.share === 1
          ? open.outstanding
          : Math.max(100, Math.floor((open.outstanding * p.share) / 100) * 100);
    const how = this.method(p.on);
    this.services.payments.post({
      customerId: p.customerId,
      amount,
      ...how,
      receivedOn: p.on,
      note: '',
      allocation: { kind: 'oldest_first' },
      source: 'counter',
    });
    this.posted++;
  }

  /** Cash most often, then UPI (12-digit transaction ids), some bank transfers and cheques. */
  private method(on: IsoDate): {
    method: PaymentMethod;
    reference: string;
    chequeBank: string;
    chequeDate: IsoDate | null;
  } {
    const roll = this.random();
    const digits = (n: number) => {
      for (;;) {
        let out = String(1 + Math.floor(this.random() * 9));
        while (out.length < n) out += String(Math.floor(this.random() * 10));
        if (!this.used.has(out)) {
          this.used.add(out);
          return out;
        }
      }
    };
    if (roll < 0.45) return { method: 'cash', reference: '', chequeBank: '', chequeDate: null };
    if (roll < 0.8) return { method: 'upi', reference: digits(12), chequeBank: '', chequeDate: null };
    if (roll < 0.9) return { method: 'bank', reference: `HDFCN${digits(10)}`, chequeBank: '', chequeDate: null };
    const bank = BANKS[Math.floor(this.random() * BANKS.length)]!;
    return { method: 'cheque', reference: digits(6), chequeBank: bank, chequeDate: addDays(on, -1) };
  }

  /** A few active customers on monthly plans become prepaid: billing runs skip them from now. */
  makePrepaid(): void {
    this.prepaid = this.db
      .prepare(
        `SELECT c.id FROM customers c JOIN plans p ON p.id = c.plan_id
         WHERE c.status = 'active' AND p.billing_period = 'monthly' AND p.status = 'active' AND c.id % 20 = 11
         ORDER BY c.id LIMIT ?`,
      )
      .pluck()
      .all(PREPAID_CUSTOMERS) as number[];
    for (const id of this.prepaid) this.services.payments.setBillingMode(id, 'prepaid');
  }

  /** Today's counter: recharges, two bounced cheques, a refund of an advance. */
  today(): void {
    const { payments } = this.services;
    // Four of the prepaid customers recharge (one for three months); the others run out.
    const active = this.prepaid.filter((id) => (this.status.get(id) as { status: string }).status === 'active');
    for (const [i, customerId] of active.slice(0, 4).entries()) {
      const periods = i === 0 ? 3 : 1;
      const quote = payments.rechargeQuote(customerId, null, periods);
      const how = this.method(this.todayIs);
      payments.recharge(
        RechargeInput.parse({
          customerId,
          periods,
          amount: Math.max(quote.toPay, 100),
          method: how.method,
          reference: how.reference,
          chequeBank: how.chequeBank,
          chequeDate: how.chequeDate,
        }),
      );
      this.posted++;
    }
    const cheques = this.db
      .prepare(
        `SELECT p.id FROM payments p WHERE p.method = 'cheque' AND p.kind = 'payment' AND p.received_on >= ?
         AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id) ORDER BY p.id LIMIT 2`,
      )
      .pluck()
      .all(addDays(this.todayIs, -20)) as number[];
    for (const paymentId of cheques) {
      payments.reverse(
        ReversalInput.parse({ paymentId, reason: 'Cheque returned unpaid: insufficient funds', bounced: true }),
      );
    }
    const advance = this.db
      .prepare(
        `SELECT b.customer_id AS id, b.credit_minor AS credit FROM customer_balances b JOIN customers c ON c.id = b.customer_id
         WHERE b.credit_minor > 0 ORDER BY c.status = 'disconnected' DESC, b.credit_minor DESC, b.customer_id LIMIT 1`,
      )
      .get() as { id: number; credit: number } | undefined;
    if (advance) {
      payments.refund(
        RefundInput.parse({
          customerId: advance.id,
          amount: advance.credit,
          method: 'cash',
          reason: 'Advance returned: moving out of the area',
        }),
      );
      this.posted++;
    }
  }

  /** The last weeks closed in the day book: a ₹2,000 float, the cash counted, short ₹10 once. */
  closePastDays(): void {
    const reports = this.services.paymentsReports;
    for (let d = CLOSED_DAYS; d >= 1; d--) {
      const day = addDays(this.todayIs, -d);
      const expected = reports.dayBook(day, 200_000).cashExpected;
      reports.closeDay(
        CloseDayInput.parse({
          day,
          openingFloat: 200_000,
          counted: d === 12 ? Math.max(0, expected - 1_000) : expected,
          note: d === 12 ? 'Short ₹10: change given twice' : '',
        }),
      );
    }
  }
}
