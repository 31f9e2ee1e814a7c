// Payments: money in at the counter or from a bank statement, where it goes (invoices oldest
// first, or those picked; the rest is credit for the next invoices), reversals, refunds and
// prepaid recharges. Each write is one transaction that takes its receipt number with it.
// The balance and credit are kept by triggers (src-main/db/ledger.ts); this file never adds
// them up itself.
import {
  documentNumber,
  type CounterCustomer,
  type DocumentRow,
  type ParsedInput,
  type PaymentDetail,
  type PaymentMethod,
  type PaymentPage,
  type RechargeQuote,
} from '../../src-shared/contract';
import { addDays, financialYearOf, type IsoDate } from '../../src-shared/dates';
import { AppError } from '../../src-shared/errors';
import { formatMoney } from '../../src-shared/money';
import { phoneDisplay } from '../../src-shared/phones';
import type { BillingService } from '../billing/service';
import type { DbHandle } from '../db/connection';
import { takeFromSequence } from '../db/sequences';
import type { SettingsService } from '../settings/service';
import { PaymentsStore, toPaymentRow, type OpenInvoice } from './store';

/** A payment may be dated this far back at the counter (a typo of a year is refused). */
export const BACK_DATING_DAYS = 366;

export interface NewPaymentInput {
  customerId: number;
  amount: number;
  method: PaymentMethod;
  receivedOn: IsoDate;
  reference: string;
  chequeBank: string;
  chequeDate: IsoDate | null;
  note: string;
  /** Oldest first, or these invoices with these amounts (the rest is credit). */
  allocation: { kind: 'oldest_first' } | { kind: 'chosen'; invoices: { invoiceId: number; amount: number }[] };
  source: 'counter' | 'import' | 'recharge';
}

export class PaymentsService {
  readonly store: PaymentsStore;

  constructor(
    readonly handle: DbHandle,
    private readonly settings: SettingsService,
    private readonly billing: BillingService,
  ) {
    this.store = new PaymentsStore(handle.sqlite);
  }

  // ---- Recording ----

  /** A payment at the counter: the payment, its allocations and its receipt number, together. */
  record(input: ParsedInput<'payments.record'>): PaymentDetail {
    const today = this.settings.today();
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn < addDays(today, -BACK_DATING_DAYS)) {
      throw dateError('receivedOn', `${receivedOn} is more than a year ago: check the date`);
    }
    const id = this.handle.sqlite.transaction(() => this.post({ ...input, receivedOn, source: 'counter' })).immediate();
    return this.get(id);
  }

  /**
   * Records a payment inside the caller's transaction (the counter, a statement import, a
   * recharge): checks it, takes the next receipt number of its financial year, puts the money
   * on invoices and returns its id.
   */
  post(input: NewPaymentInput): number {
    const customer = this.billing.requireBillable(input.customerId);
    this.checkDay(input.receivedOn, 'receivedOn');
    const referenceKey = referenceKeyOf(input.method, input.reference, input.chequeBank);
    this.refuseReused(referenceKey, input.reference);
    const plan = this.allocationPlan(customer.id, input.amount, input.allocation);
    const settings = this.settings.get();
    const fy = financialYearOf(input.receivedOn, settings.fyStartMonth);
    const seq = takeFromSequence(this.handle.sqlite, `receipt:${fy.label}`);
    const { balance } = this.store.ledger(customer.id);
    const id = this.store.insertPayment({
      kind: 'payment',
      number: documentNumber(settings.receiptPrefix, fy.label, seq, settings.receiptDigits),
      fy: fy.label,
      seq,
      customerId: customer.id,
      receivedOn: input.receivedOn,
      method: input.method,
      amount: input.amount,
      reference: input.reference,
      referenceKey,
      chequeBank: input.chequeBank,
      chequeDate: input.chequeDate,
      note: input.note,
      reason: '',
      source: input.source,
      balanceAfter: balance - input.amount,
      snapshot: JSON.stringify(this.buyerOf(customer.id)),
      createdAt: new Date().toISOString(),
    });
    for (const a of plan) this.store.allocate(id, a.invoiceId, a.amount, 'payment', input.receivedOn);
    return id;
  }

  /** Where the money goes: checked against what each invoice still owes. */
  private allocationPlan(
    customerId: number,
    amount: number,
    allocation: NewPaymentInput['allocation'],
  ): { invoiceId: number; amount: number }[] {
    if (allocation.kind === 'oldest_first') return oldestFirst(this.store.openInvoices(customerId), amount);
    const seen = new Set<number>();
    let sum = 0;
    for (const [i, a] of allocation.invoices.entries()) {
      const field = { field: 'allocation', issues: [{ path: ['allocation', 'invoices', i], message: '' }] };
      const invoice = this.store.invoiceFacts(a.invoiceId);
      const refuse = (message: string) => {
        field.issues[0]!.message = message;
        return new AppError('validation', message, field);
      };
      if (!invoice || invoice.kind !== 'invoice') throw refuse(`There is no invoice with id ${a.invoiceId}`);
      if (invoice.customerId !== customerId) throw refuse(`${invoice.number} is another customer's invoice`);
      if (seen.has(a.invoiceId)) throw refuse(`${invoice.number} is picked twice`);
      seen.add(a.invoiceId);
      if (a.amount > invoice.outstanding) {
        throw refuse(
          invoice.outstanding === 0
            ? `${invoice.number} has nothing left to pay`
            : `${invoice.number} has ${this.money(invoice.outstanding)} left to pay, less than the ${this.money(a.amount)} put on it`,
        );
      }
      sum += a.amount;
    }
    if (sum > amount) {
      throw new AppError(
        'validation',
        `The amounts put on invoices (${this.money(sum)}) are more than the payment (${this.money(amount)})`,
        { field: 'allocation' },
      );
    }
    return allocation.invoices.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount }));
  }

  private refuseReused(referenceKey: string | null, reference: string): void {
    if (referenceKey === null) return;
    const existing = this.store.byReferenceKey(referenceKey);
    if (existing) {
      throw new AppError(
        'conflict',
        `${reference} is already recorded on receipt ${existing.number} (${existing.accountNo} ${existing.name})`,
        { field: 'reference', paymentId: existing.id },
      );
    }
  }

  /** Nothing is dated after today or into a day whose cash was counted. */
  private checkDay(day: IsoDate, field: string): void {
    const today = this.settings.today();
    if (day > today) throw dateError(field, `${day} is after today (${today}): a payment is dated when it came in`);
    if (this.store.dayClosed(day)) {
      throw dateError(
        field,
        day === today
          ? `Today (${day}) is closed in the day book: nothing more can be dated today`
          : `${day} is closed in the day book: date it on a day still open`,
      );
    }
  }

  // ---- Credit: applied to new invoices, given back by credit notes ----

  /** A newly issued invoice takes what it can of the customer's credit, oldest payment first. */
  applyCredit(customerId: number, invoiceId: number, on: IsoDate): number {
    const { credit } = this.store.ledger(customerId);
    if (credit <= 0) return 0;
    const invoice = this.store.invoiceFacts(invoiceId);
    if (!invoice || invoice.outstanding <= 0) return 0;
    let left = Math.min(credit, invoice.outstanding);
    let applied = 0;
    for (const p of this.store.unallocated(customerId)) {
      if (left === 0) break;
      const take = Math.min(p.left, left);
      this.store.allocate(p.id, invoiceId, take, 'credit', on);
      left -= take;
      applied += take;
    }
    return applied;
  }

  /**
   * Before a credit note takes `amount` off an invoice: what has been paid beyond what will be
   * left goes back to the customer's credit (the newest payment's first), and is put on their
   * other open invoices, oldest first.
   */
  beforeCredit(invoiceId: number, amount: number, on: IsoDate): void {
    const row = this.handle.sqlite
      .prepare(
        `SELECT customer_id AS customerId, total_minor AS total, credited_minor AS credited, paid_minor AS paid FROM invoices WHERE id = ?`,
      )
      .get(invoiceId) as { customerId: number; total: number; credited: number; paid: number } | undefined;
    if (!row) return;
    let excess = row.credited + amount + row.paid - row.total;
    if (excess <= 0) return;
    for (const p of this.store.paidBy(invoiceId)) {
      if (excess === 0) break;
      const back = Math.min(p.amount, excess);
      this.store.allocate(p.paymentId, invoiceId, -back, 'release', on);
      excess -= back;
    }
    for (const invoice of this.store.openInvoices(row.customerId)) {
      if (invoice.id !== invoiceId) this.applyCredit(row.customerId, invoice.id, on);
    }
  }

  // ---- Reversals and refunds ----

  /**
   * Undoes a payment: it stays, marked reversed with the reason; what it put on invoices comes
   * off them (their statuses follow); a bounced cheque may add the charge set in Settings.
   */
  reverse(input: ParsedInput<'payments.reverse'>): PaymentDetail {
    this.handle.sqlite
      .transaction(() => {
        const payment = this.store.payment(input.paymentId);
        if (!payment) throw new AppError('not_found', `There is no payment with id ${input.paymentId}`);
        if (payment.kind === 'refund') {
          throw new AppError(
            'validation',
            `${payment.number} is a refund: a refund is not reversed; record a payment for money that came back`,
          );
        }
        if (payment.reversed_on !== null) {
          throw new AppError('conflict', `${payment.number} was already reversed on ${payment.reversed_on}`, {
            field: 'paymentId',
          });
        }
        if (input.bounced && payment.method !== 'cheque') {
          throw new AppError('validation', `${payment.number} was not a cheque: only a cheque bounces`, {
            field: 'bounced',
          });
        }
        const today = this.settings.today();
        this.checkDay(today, 'paymentId');
        for (const a of this.store.allocatedTo(payment.id)) {
          this.store.allocate(payment.id, a.invoiceId, -a.amount, 'reversal', today);
        }
        this.store.insertReversal(payment.id, today, input.reason, new Date().toISOString());
        const charge = this.settings.get().bouncedChequeChargeMinor;
        if (input.bounced && charge > 0) {
          const { invoice } = this.billing.addCharge({
            customerId: payment.customer_id,
            kind: 'one_time',
            description: `Cheque ${payment.reference} (${payment.cheque_bank}) returned unpaid`,
            amount: charge,
            percentBps: null,
            sacCode: '',
            taxRateBps: 0,
            startsOn: null,
            endsOn: null,
            billNow: true,
          });
          if (invoice) this.store.linkReversalCharge(payment.id, invoice.id);
        }
      })
      .immediate();
    return this.get(input.paymentId);
  }

  /** Pays back some of a customer's credit (an archived customer's too: closing an account). */
  refund(input: ParsedInput<'payments.refund'>): PaymentDetail {
    const id = this.handle.sqlite
      .transaction(() => {
        const customer = this.store.counterCustomer(input.customerId);
        if (!customer) throw new AppError('not_found', `There is no customer with id ${input.customerId}`);
        const { credit } = this.store.ledger(customer.id);
        if (input.amount > credit) {
          throw new AppError(
            'validation',
            credit <= 0
              ? `${customer.accountNo} ${customer.name} has no credit to refund`
              : `${customer.accountNo} ${customer.name} has ${this.money(credit)} of credit, less than the ${this.money(input.amount)} asked`,
            { field: 'amount', issues: [{ path: ['amount'], message: `at most ${this.money(Math.max(credit, 0))}` }] },
          );
        }
        const today = this.settings.today();
        this.checkDay(today, 'amount');
        const referenceKey = input.reference ? `REFUND:${referenceKeyOf(input.method, input.reference, '')}` : null;
        this.refuseReused(referenceKey, input.reference);
        const settings = this.settings.get();
        const fy = financialYearOf(today, settings.fyStartMonth);
        const seq = takeFromSequence(this.handle.sqlite, `refund:${fy.label}`);
        return this.store.insertPayment({
          kind: 'refund',
          number: documentNumber(settings.refundPrefix, fy.label, seq, settings.refundDigits),
          fy: fy.label,
          seq,
          customerId: customer.id,
          receivedOn: today,
          method: input.method,
          amount: input.amount,
          reference: input.reference,
          referenceKey,
          chequeBank: '',
          chequeDate: null,
          note: '',
          reason: input.reason,
          source: 'counter',
          balanceAfter: this.store.ledger(customer.id).balance + input.amount,
          snapshot: JSON.stringify(this.buyerOf(customer.id)),
          createdAt: new Date().toISOString(),
        });
      })
      .immediate();
    return this.get(id);
  }

  // ---- Prepaid ----

  setBillingMode(customerId: number, mode: 'postpaid' | 'prepaid'): CounterCustomer {
    this.handle.sqlite
      .transaction(() => {
        this.billing.requireBillable(customerId);
        this.store.setBillingMode(customerId, mode, new Date().toISOString());
      })
      .immediate();
    return this.counter(customerId);
  }

  rechargeQuote(customerId: number, planId: number | null, periods: number): RechargeQuote {
    const { recharge } = this.priceRecharge(customerId, planId, periods);
    const { credit } = this.store.ledger(customerId);
    const used = Math.max(0, Math.min(credit, recharge.priced.total));
    return {
      customerId,
      planId: recharge.plan.id,
      planName: recharge.plan.name,
      periods,
      periodStart: recharge.start,
      periodEnd: recharge.end,
      total: recharge.priced.total,
      credit: used,
      toPay: recharge.priced.total - used,
    };
  }

  private priceRecharge(customerId: number, planId: number | null, periods: number) {
    const customer = this.billing.requireBillable(customerId);
    const chosen = planId ?? customer.planId;
    if (chosen === null) {
      throw new AppError(
        'validation',
        `${customer.accountNo} ${customer.name} has no plan: pick the plan to recharge`,
        {
          field: 'planId',
        },
      );
    }
    this.billing.plans.requireAssignable(chosen, customer.planId);
    const today = this.settings.today();
    const paidThrough = this.store.paidThrough(customerId);
    // Service starts again today after a lapse; a recharge before the end extends it.
    const start = paidThrough && paidThrough >= today ? addDays(paidThrough, 1) : today;
    return { customer, recharge: this.billing.priceRecharge(customerId, chosen, periods, start) };
  }

  /**
   * A prepaid recharge: the invoice for the periods (the customer's credit goes on it first)
   * and the payment for the rest, with its receipt, in one transaction. What is paid beyond it
   * is credit. The service is valid to the end of the last period bought.
   */
  recharge(input: ParsedInput<'payments.recharge'>): {
    payment: PaymentDetail;
    invoiceId: number;
    validUntil: IsoDate;
  } {
    const out = this.handle.sqlite
      .transaction(() => {
        const { customer, recharge } = this.priceRecharge(input.customerId, input.planId, input.periods);
        if (customer.billingMode !== 'prepaid') {
          throw new AppError(
            'validation',
            `${customer.accountNo} ${customer.name} is postpaid: billing runs invoice them; make them prepaid first`,
          );
        }
        const { credit } = this.store.ledger(customer.id);
        const toPay = Math.max(0, recharge.priced.total - Math.max(credit, 0));
        if (input.amount < toPay) {
          throw new AppError(
            'validation',
            `The recharge costs ${this.money(toPay)}${credit > 0 ? ' after their credit' : ''}: ${this.money(input.amount)} is not enough`,
            { field: 'amount', issues: [{ path: ['amount'], message: `must be at least ${this.money(toPay)}` }] },
          );
        }
        const invoice = this.billing.issueRecharge(recharge);
        const owed = this.store.invoiceFacts(invoice.id)!.outstanding;
        const onInvoice = Math.min(owed, input.amount);
        const paymentId = this.post({
          customerId: customer.id,
          amount: input.amount,
          method: input.method,
          receivedOn: this.settings.today(),
          reference: input.reference,
          chequeBank: input.chequeBank,
          chequeDate: input.chequeDate,
          note: input.note,
          allocation: { kind: 'chosen', invoices: onInvoice > 0 ? [{ invoiceId: invoice.id, amount: onInvoice }] : [] },
          source: 'recharge',
        });
        return { paymentId, invoiceId: invoice.id, validUntil: recharge.end };
      })
      .immediate();
    return { payment: this.get(out.paymentId), invoiceId: out.invoiceId, validUntil: out.validUntil };
  }

  // ---- Reading ----

  get(id: number): PaymentDetail {
    const row = this.store.payment(id);
    if (!row) throw new AppError('not_found', `There is no payment with id ${id}`);
    const buyer = JSON.parse(row.snapshot) as PaymentDetail['buyer'];
    return {
      ...toPaymentRow(row),
      chequeBank: row.cheque_bank,
      chequeDate: row.cheque_date,
      allocations: this.store.allocations(id),
      balanceAfter: row.balance_after_minor,
      reason: row.reason,
      buyer,
    };
  }

  list(input: ParsedInput<'payments.list'>): PaymentPage {
    return this.store.list({ ...input, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  }

  /** The counter's view: balance, credit, open invoices oldest first, last payments, a recharge. */
  counter(customerId: number): CounterCustomer {
    const c = this.store.counterCustomer(customerId);
    if (!c) throw new AppError('not_found', `There is no customer with id ${customerId}`);
    const { balance, credit } = this.store.ledger(customerId);
    const open = this.store.openInvoices(customerId);
    let recharge: RechargeQuote | null = null;
    if (c.billingMode === 'prepaid' && c.status !== 'archived' && c.planId !== null) {
      try {
        recharge = this.rechargeQuote(customerId, null, 1);
      } catch {
        recharge = null; // a retired plan: the operator picks one
      }
    }
    return {
      customerId,
      accountNo: c.accountNo,
      name: c.name,
      phone: this.phoneOf(c.phones),
      status: c.status,
      planName: c.planName,
      billingMode: c.billingMode,
      validUntil: c.billingMode === 'prepaid' ? this.store.paidThrough(customerId) : null,
      balance,
      // Below zero only when a payment whose advance was refunded is reversed: that is owed, in the balance.
      credit: Math.max(credit, 0),
      openInvoices: open.map((i) => this.documentRow(i)),
      lastPayments: this.store.lastPayments(customerId, 10),
      recharge,
    };
  }

  private documentRow(i: OpenInvoice): DocumentRow {
    const { raw: _raw, ...row } = this.billing.store.documentRow(i.id)!;
    return row;
  }

  private buyerOf(customerId: number): PaymentDetail['buyer'] {
    const c = this.store.counterCustomer(customerId)!;
    return { accountNo: c.accountNo, name: c.name, address: c.address, phone: this.phoneOf(c.phones) };
  }

  private phoneOf(phones: string): string {
    const [first] = JSON.parse(phones) as string[];
    return first ? phoneDisplay(first, this.settings.get().country) : '';
  }

  money(minor: number): string {
    const { currency, locale } = this.settings.get();
    return formatMoney(minor, currency, locale);
  }
}

/** Greedy, oldest invoice first, never more than each still owes. */
export function oldestFirst(open: OpenInvoice[], amount: number): { invoiceId: number; amount: number }[] {
  const out: { invoiceId: number; amount: number }[] = [];
  let left = amount;
  for (const invoice of open) {
    if (left === 0) break;
    if (invoice.outstanding <= 0) continue;
    const take = Math.min(left, invoice.outstanding);
    out.push({ invoiceId: invoice.id, amount: take });
    left -= take;
  }
  return out;
}

/**
 * A reference made comparable: upper case, no spaces; a cheque's number with its bank (two
 * banks may print the same number). Cash has none; a card or bank transfer only when typed.
 */
export function referenceKeyOf(method: PaymentMethod, reference: string, chequeBank: string): string | null {
  const ref = reference.trim().toUpperCase();
  if (!ref || method === 'cash') return null;
  if (method === 'cheque') return `CHQ:${chequeBank.trim().toUpperCase().replace(/\s+/g, ' ')}:${ref}`;
  return ref;
}

function dateError(field: string, message: string): AppError {
  return new AppError('validation', message, { field, issues: [{ path: [field], message }] });
}
