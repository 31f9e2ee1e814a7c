// The payments' SQL: payments and refunds, their allocations and reversals, the kept balances,
// and the reads of the counter, the list, statements, the day book and dues.
import type { PaymentMethod, PaymentRow } from '../../src-shared/contract';
import type { IsoDate } from '../../src-shared/dates';
import type { Statement } from 'better-sqlite3';
import type { ReadableDb, WritableDb } from '../db/connection';

export interface PaymentDbRow {
  id: number;
  kind: 'payment' | 'refund';
  number: string;
  fy: string;
  seq: number;
  customer_id: number;
  account_no: string;
  customer_name: string;
  received_on: string;
  method: PaymentMethod;
  amount_minor: number;
  reference: string;
  cheque_bank: string;
  cheque_date: string | null;
  note: string;
  reason: string;
  source: 'counter' | 'import' | 'recharge';
  balance_after_minor: number;
  snapshot: string;
  created_at: string;
  allocated: number;
  reversed_on: string | null;
  reversal_reason: string | null;
  charge_invoice_id: number | null;
}

export interface NewPayment {
  kind: 'payment' | 'refund';
  number: string;
  fy: string;
  seq: number;
  customerId: number;
  receivedOn: IsoDate;
  method: PaymentMethod;
  amount: number;
  reference: string;
  referenceKey: string | null;
  chequeBank: string;
  chequeDate: IsoDate | null;
  note: string;
  reason: string;
  source: 'counter' | 'import' | 'recharge';
  balanceAfter: number;
  snapshot: string;
  createdAt: string;
}

export interface OpenInvoice {
  id: number;
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate | null;
  outstanding: number;
}

export type AllocationKind = 'payment' | 'credit' | 'release' | 'reversal';

const PAYMENT_COLUMNS = `p.*, c.account_no, c.name AS customer_name,
  coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS allocated,
  r.reversed_on, r.reason AS reversal_reason, r.charge_invoice_id`;
const PAYMENT_FROM = `payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN payment_reversals r ON r.payment_id = p.id`;

export function toPaymentRow(r: PaymentDbRow): PaymentRow {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    customerId: r.customer_id,
    accountNo: r.account_no,
    customerName: r.customer_name,
    receivedOn: r.received_on,
    method: r.method,
    amount: r.amount_minor,
    reference: r.reference,
    allocated: r.allocated,
    source: r.source,
    reversal:
      r.reversed_on === null
        ? null
        : { on: r.reversed_on, reason: r.reversal_reason ?? '', chargeInvoiceId: r.charge_invoice_id },
    note: r.note,
    createdAt: r.created_at,
  };
}

export class PaymentsReads {
  private readonly statements = new Map<string, Statement>();

  constructor(protected readonly db: ReadableDb) {}

  /** A statement prepared once per connection: the counter runs the same few many times a day. */
  protected sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** The kept balance and credit (src-main/db/ledger.ts). */
  ledger(customerId: number): { balance: number; credit: number } {
    const row = this.sql(
      `SELECT balance_minor AS balance, credit_minor AS credit FROM customer_balances WHERE customer_id = ?`,
    ).get(customerId) as { balance: number; credit: number } | undefined;
    return row ?? { balance: 0, credit: 0 };
  }

  /** Customers with credit, for a billing run to apply to the invoices it issues. */
  credits(): Map<number, number> {
    const rows = this.sql(
      `SELECT customer_id AS id, credit_minor AS credit FROM customer_balances WHERE credit_minor > 0`,
    ).all() as { id: number; credit: number }[];
    return new Map(rows.map((r) => [r.id, r.credit]));
  }

  /**
   * Unpaid and partly paid invoices, oldest first: where money goes by default. `+kind` keeps
   * SQLite on the customer's index (a few rows, sorted) instead of walking every invoice in
   * invoices_issued_idx's date order to skip the sort.
   */
  openInvoices(customerId: number): OpenInvoice[] {
    return this.sql(
      `SELECT id, number, issued_on AS issuedOn, due_on AS dueOn, total_minor - credited_minor - paid_minor AS outstanding
         FROM invoices WHERE customer_id = ? AND +kind = 'invoice' AND status IN ('unpaid', 'partly_paid')
         ORDER BY issued_on, id`,
    ).all(customerId) as OpenInvoice[];
  }

  invoiceFacts(
    id: number,
  ): { id: number; kind: string; customerId: number; number: string; status: string; outstanding: number } | undefined {
    return this.sql(
      `SELECT id, kind, customer_id AS customerId, number, status, total_minor - credited_minor - paid_minor AS outstanding
         FROM invoices WHERE id = ?`,
    ).get(id) as
      { id: number; kind: string; customerId: number; number: string; status: string; outstanding: number } | undefined;
  }

  /** Payments not reversed that still have money on no invoice, oldest first, with how much. */
  unallocated(customerId: number): { id: number; left: number }[] {
    return this.sql(
      `SELECT p.id, p.amount_minor - coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS left
         FROM payments p
         WHERE p.customer_id = ? AND p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
         ORDER BY p.received_on, p.id`,
    )
      .all(customerId)
      .filter((r) => (r as { left: number }).left > 0) as { id: number; left: number }[];
  }

  /** An invoice's money by payment, newest payment first: what a credit note gives back first. */
  paidBy(invoiceId: number): { paymentId: number; amount: number }[] {
    return this.sql(
      `SELECT payment_id AS paymentId, sum(amount_minor) AS amount FROM payment_allocations
         WHERE invoice_id = ? GROUP BY payment_id HAVING sum(amount_minor) > 0 ORDER BY payment_id DESC`,
    ).all(invoiceId) as { paymentId: number; amount: number }[];
  }

  /** A payment's money by invoice. */
  allocatedTo(paymentId: number): { invoiceId: number; amount: number }[] {
    return this.sql(
      `SELECT invoice_id AS invoiceId, sum(amount_minor) AS amount FROM payment_allocations
         WHERE payment_id = ? GROUP BY invoice_id HAVING sum(amount_minor) > 0 ORDER BY min(id)`,
    ).all(paymentId) as { invoiceId: number; amount: number }[];
  }

  allocations(paymentId: number): {
    invoiceId: number;
    number: string;
    issuedOn: string;
    amount: number;
    kind: AllocationKind;
    on: string;
  }[] {
    return this.sql(
      `SELECT a.invoice_id AS invoiceId, i.number, i.issued_on AS issuedOn, a.amount_minor AS amount, a.kind, a."on"
         FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = ? ORDER BY a.id`,
    ).all(paymentId) as ReturnType<PaymentsReads['allocations']>;
  }

  payment(id: number): PaymentDbRow | undefined {
    return this.sql(`SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.id = ?`).get(id) as
      PaymentDbRow | undefined;
  }

  byReferenceKey(key: string): { id: number; number: string; accountNo: string; name: string } | undefined {
    return this.sql(
      `SELECT p.id, p.number, c.account_no AS accountNo, c.name FROM payments p JOIN customers c ON c.id = p.customer_id
         WHERE p.reference_key = ?`,
    ).get(key) as { id: number; number: string; accountNo: string; name: string } | undefined;
  }

  lastPayments(customerId: number, limit: number): PaymentRow[] {
    return (
      this.sql(
        `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.customer_id = ? ORDER BY p.received_on DESC, p.id DESC LIMIT ?`,
      ).all(customerId, limit) as PaymentDbRow[]
    ).map(toPaymentRow);
  }

  list(filter: {
    from: string | null;
    to: string | null;
    method: PaymentMethod | null;
    kind: 'payment' | 'refund' | null;
    customerId: number | null;
    search: string;
    limit: number;
    offset: number;
  }): { rows: PaymentRow[]; total: number; sums: { received: number; reversed: number; refunded: number } } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (filter.from) add('p.received_on >= ?', filter.from);
    if (filter.to) add('p.received_on <= ?', filter.to);
    if (filter.method) add('p.method = ?', filter.method);
    if (filter.kind) add('p.kind = ?', filter.kind);
    if (filter.customerId !== null) add('p.customer_id = ?', filter.customerId);
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(`(p.number LIKE ? ESCAPE '\\' OR p.reference LIKE ? ESCAPE '\\')`, like, like);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sums = this.sql(
      `SELECT count(*) AS total,
                coalesce(sum(CASE WHEN p.kind = 'payment' AND r.payment_id IS NULL THEN p.amount_minor END), 0) AS received,
                coalesce(sum(CASE WHEN p.kind = 'payment' AND r.payment_id IS NOT NULL THEN p.amount_minor END), 0) AS reversed,
                coalesce(sum(CASE WHEN p.kind = 'refund' THEN p.amount_minor END), 0) AS refunded
         FROM payments p LEFT JOIN payment_reversals r ON r.payment_id = p.id ${whereSql}`,
    ).get(...params) as { total: number; received: number; reversed: number; refunded: number };
    const rows = this.sql(
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} ${whereSql} ORDER BY p.received_on DESC, p.id DESC LIMIT ? OFFSET ?`,
    ).all(...params, filter.limit, filter.offset) as PaymentDbRow[];
    const { total, ...rest } = sums;
    return { rows: rows.map(toPaymentRow), total, sums: rest };
  }

  dayClosed(day: IsoDate): boolean {
    return this.sql(`SELECT 1 FROM day_closes WHERE day = ?`).get(day) !== undefined;
  }

  /** The customer's last paid-for day: the latest end of an invoiced period not cancelled. */
  paidThrough(customerId: number): IsoDate | null {
    return (
      (this.sql(
        `SELECT max(period_end) FROM invoices WHERE customer_id = ? AND kind = 'invoice' AND period_key IS NOT NULL AND status != 'cancelled'`,
      )
        .pluck()
        .get(customerId) as string | null) ?? null
    );
  }

  counterCustomer(customerId: number):
    | {
        id: number;
        accountNo: string;
        name: string;
        phones: string;
        address: string;
        status: string;
        planId: number | null;
        planName: string | null;
        billingMode: 'postpaid' | 'prepaid';
      }
    | undefined {
    return this.sql(
      `SELECT c.id, c.account_no AS accountNo, c.name, c.phones, c.address, c.status, c.plan_id AS planId,
                pl.name AS planName, c.billing_mode AS billingMode
         FROM customers c LEFT JOIN plans pl ON pl.id = c.plan_id WHERE c.id = ?`,
    ).get(customerId) as ReturnType<PaymentsReads['counterCustomer']>;
  }
}

export class PaymentsStore extends PaymentsReads {
  constructor(protected override readonly db: WritableDb) {
    super(db);
  }

  insertPayment(p: NewPayment): number {
    return Number(
      this.sql(
        `INSERT INTO payments (kind, number, fy, seq, customer_id, received_on, method, amount_minor, reference, reference_key,
             cheque_bank, cheque_date, note, reason, source, balance_after_minor, snapshot, created_at)
           VALUES (@kind, @number, @fy, @seq, @customerId, @receivedOn, @method, @amount, @reference, @referenceKey,
             @chequeBank, @chequeDate, @note, @reason, @source, @balanceAfter, @snapshot, @createdAt)`,
      ).run(p).lastInsertRowid,
    );
  }

  /** Money on (positive) or off (negative) an invoice; the ledger trigger moves its paid amount and status. */
  allocate(paymentId: number, invoiceId: number, amount: number, kind: AllocationKind, on: IsoDate): void {
    this.sql(
      `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, kind, "on") VALUES (?, ?, ?, ?, ?)`,
    ).run(paymentId, invoiceId, amount, kind, on);
  }

  insertReversal(paymentId: number, on: IsoDate, reason: string, createdAt: string): void {
    this.sql(`INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at) VALUES (?, ?, ?, ?)`).run(
      paymentId,
      on,
      reason,
      createdAt,
    );
  }

  /** A bounced cheque's charge, issued after the reversal: the one change a reversal may take. */
  linkReversalCharge(paymentId: number, invoiceId: number): void {
    this.sql(
      `UPDATE payment_reversals SET charge_invoice_id = ? WHERE payment_id = ? AND charge_invoice_id IS NULL`,
    ).run(invoiceId, paymentId);
  }

  setBillingMode(customerId: number, mode: 'postpaid' | 'prepaid', updatedAt: string): void {
    this.sql(`UPDATE customers SET billing_mode = ?, updated_at = ? WHERE id = ?`).run(mode, updatedAt, customerId);
  }
}
