// Billing's SQL: the facts a run needs (in a few bulk reads, not a query per customer), the
// documents as issued, and the one place documents and their lines are written.
import { createHash } from 'node:crypto';
import type { BillingScope, DocumentLine, DocumentRow, DocumentStatus } from '../../src-shared/contract';
import { INVOICE_STATUS_SQL } from '../db/ledger';
import type { IsoDate } from '../../src-shared/dates';
import type { ReadableDb, WritableDb } from '../db/connection';
import type { ChargeFacts, OverdueFacts, PlanFacts } from './engine';
import { Timeline, type Status } from './rules/timeline';

export interface BillableCustomer {
  id: number;
  accountNo: string;
  name: string;
  address: string;
  phones: string;
  email: string | null;
  status: Status;
  planId: number | null;
  billingDay: number;
  billingStartOn: IsoDate | null;
  gstin: string | null;
  placeOfSupply: string | null;
  /** Read for one customer (store.customer); a run's customers are all postpaid. */
  billingMode?: 'postpaid' | 'prepaid';
}

interface DocumentDbRow {
  id: number;
  kind: 'invoice' | 'credit_note';
  number: string;
  fy: string;
  customer_id: number;
  account_no: string;
  customer_name: string;
  issued_on: string;
  due_on: string | null;
  period_start: string | null;
  period_end: string | null;
  source: 'run' | 'change' | 'charge' | 'credit' | 'recharge';
  invoice_id: number | null;
  reason: string;
  taxable_minor: number;
  tax_minor: number;
  round_off_minor: number;
  total_minor: number;
  credited_minor: number;
  paid_minor: number;
  status: DocumentStatus;
  previous_balance_minor: number;
  snapshot: string;
  seller: string;
  created_at: string;
}

export interface LineRow extends DocumentLine {
  id: number;
  planId: number | null;
  chargeId: number | null;
  creditsLineId: number | null;
}

const DOCUMENT_COLUMNS = `d.*, c.account_no, c.name AS customer_name`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Runs bill current postpaid customers; prepaid ones buy their periods at the counter. */
const RUN_BILLS = `c.status != 'archived' AND c.billing_mode = 'postpaid'`;

function scopeWhere(scope: BillingScope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: RUN_BILLS, params: [] };
    case 'accessPoint':
      return { sql: `${RUN_BILLS} AND c.access_point = ?`, params: [scope.accessPoint] };
    case 'plan':
      return { sql: `${RUN_BILLS} AND c.plan_id = ?`, params: [scope.planId] };
    case 'customer':
      return { sql: `${RUN_BILLS} AND c.id = ?`, params: [scope.customerId] };
  }
}

export class BillingReads {
  constructor(protected readonly db: ReadableDb) {}

  plans(): Map<number, PlanFacts> {
    const rows = this.db
      .prepare(
        `SELECT id, name, price_minor AS priceMinor, billing_period AS billingPeriod, tax_rate_bps AS taxRateBps, status FROM plans`,
      )
      .all() as PlanFacts[];
    return new Map(rows.map((p) => [p.id, p]));
  }

  customersIn(scope: BillingScope): BillableCustomer[] {
    const where = scopeWhere(scope);
    return this.db
      .prepare(
        `SELECT c.id, c.account_no AS accountNo, c.name, c.address, c.phones, c.email, c.status, c.plan_id AS planId,
                c.billing_day AS billingDay, c.billing_start_on AS billingStartOn, c.gstin, c.place_of_supply AS placeOfSupply
         FROM customers c WHERE ${where.sql} ORDER BY c.id`,
      )
      .all(...where.params) as BillableCustomer[];
  }

  customerCount(scope: BillingScope): number {
    const where = scopeWhere(scope);
    return this.db
      .prepare(`SELECT count(*) FROM customers c WHERE ${where.sql}`)
      .pluck()
      .get(...where.params) as number;
  }

  customer(id: number): BillableCustomer | undefined {
    return this.db
      .prepare(
        `SELECT c.id, c.account_no AS accountNo, c.name, c.address, c.phones, c.email, c.status, c.plan_id AS planId,
                c.billing_day AS billingDay, c.billing_start_on AS billingStartOn, c.gstin, c.place_of_supply AS placeOfSupply,
                c.billing_mode AS billingMode
         FROM customers c WHERE c.id = ?`,
      )
      .get(id) as BillableCustomer | undefined;
  }

  /**
   * Each customer's status and plan over time, from their history: every change on its
   * effective date. Only changes are read (a customer who never changed is as they stand now, a
   * changed one started as their first change's "from"), so a run over 50,000 customers reads
   * the few thousand changes, not a sign-up row each.
   */
  timelines(scope: BillingScope, customers: BillableCustomer[]): Map<number, Timeline> {
    const where = scopeWhere(scope);
    const all = scope.kind === 'all';
    const rows = this.db
      .prepare(
        `SELECT e.customer_id AS id, e.kind, e.effective_on AS effectiveOn,
                CASE e.kind WHEN 'status_changed' THEN json_extract(e.details, '$.to') END AS status,
                CASE e.kind WHEN 'plan_changed' THEN json_extract(e.details, '$.to.id') END AS planId,
                CASE e.kind WHEN 'status_changed' THEN json_extract(e.details, '$.from')
                            ELSE json_extract(e.details, '$.from.id') END AS fromValue
         FROM customer_events e ${all ? '' : 'JOIN customers c ON c.id = e.customer_id'}
         WHERE e.kind IN ('status_changed', 'plan_changed') ${all ? '' : `AND ${where.sql}`}
         ORDER BY e.customer_id, e.id`,
      )
      .all(...(all ? [] : where.params)) as {
      id: number;
      kind: 'status_changed' | 'plan_changed';
      effectiveOn: string | null;
      status: Status | null;
      planId: number | null;
      fromValue: string | number | null;
    }[];
    const byCustomer = groupBy(rows, (r) => r.id);
    const timelines = new Map<number, Timeline>();
    for (const customer of customers) {
      const events = byCustomer.get(customer.id) ?? [];
      const firstStatus = events.find((e) => e.kind === 'status_changed');
      const firstPlan = events.find((e) => e.kind === 'plan_changed');
      const timeline = new Timeline(
        firstStatus ? (firstStatus.fromValue as Status) : customer.status,
        firstPlan ? (firstPlan.fromValue as number | null) : customer.planId,
      );
      for (const e of events) {
        if (!e.effectiveOn) continue;
        if (e.kind === 'status_changed' && e.status) timeline.status(e.effectiveOn, e.status);
        if (e.kind === 'plan_changed') timeline.plan(e.effectiveOn, e.planId);
      }
      timelines.set(customer.id, timeline);
    }
    return timelines;
  }

  /** The end of the last period a run billed, by customer. */
  billedThrough(): Map<number, IsoDate> {
    const rows = this.db
      .prepare(
        `SELECT customer_id AS id, max(period_key) AS periodKey, period_end AS periodEnd FROM invoices
         WHERE kind = 'invoice' AND period_key IS NOT NULL GROUP BY customer_id`,
      )
      .all() as { id: number; periodEnd: string }[];
    return new Map(rows.map((r) => [r.id, r.periodEnd]));
  }

  billedThroughFor(customerId: number): IsoDate | null {
    const row = this.db
      .prepare(
        `SELECT period_end FROM invoices WHERE customer_id = ? AND kind = 'invoice' AND period_key IS NOT NULL
         ORDER BY period_key DESC LIMIT 1`,
      )
      .pluck()
      .get(customerId) as string | undefined;
    return row ?? null;
  }

  /** Add-ons, discounts and unbilled one-time charges, by customer (customer null: everyone's). */
  openCharges(customerId: number | null = null): Map<number, ChargeFacts[]> {
    const rows = this.db
      .prepare(
        `SELECT id, customer_id AS customerId, kind, description, amount_minor AS amountMinor, percent_bps AS percentBps,
                sac_code AS sacCode, tax_rate_bps AS taxRateBps, starts_on AS startsOn, ends_on AS endsOn
         FROM customer_charges
         WHERE cancelled_at IS NULL AND (kind != 'one_time' OR billed_invoice_id IS NULL) AND (? IS NULL OR customer_id = ?)
         ORDER BY id`,
      )
      .all(customerId, customerId) as (ChargeFacts & { customerId: number })[];
    return groupBy(rows, (r) => r.customerId);
  }

  /** Unpaid invoices due before `date` that have no late fee yet, by customer. */
  overdue(date: IsoDate, customerId: number | null = null): Map<number, OverdueFacts[]> {
    const rows = this.db
      .prepare(
        `SELECT id AS invoiceId, customer_id AS customerId, number, due_on AS dueOn,
                total_minor - credited_minor - paid_minor AS outstanding
         FROM invoices i
         WHERE status IN ('unpaid', 'partly_paid') AND kind = 'invoice' AND due_on < ? AND (? IS NULL OR customer_id = ?)
           AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.late_fee_for = i.id)
         ORDER BY id`,
      )
      .all(date, customerId, customerId) as (OverdueFacts & { customerId: number })[];
    return groupBy(rows, (r) => r.customerId);
  }

  /**
   * What each customer owes: invoices − credit notes − payments + reversed payments + refunds,
   * as the ledger triggers keep it (src-main/db/ledger.ts); negative is credit.
   */
  balances(): Map<number, number> {
    const rows = this.db.prepare(`SELECT customer_id AS id, balance_minor AS balance FROM customer_balances`).all() as {
      id: number;
      balance: number;
    }[];
    return new Map(rows.map((r) => [r.id, r.balance]));
  }

  balance(customerId: number): number {
    return (
      (this.db.prepare(`SELECT balance_minor FROM customer_balances WHERE customer_id = ?`).pluck().get(customerId) as
        number | undefined) ?? 0
    );
  }

  documentRow(id: number): (DocumentRow & { raw: DocumentDbRow }) | undefined {
    const row = this.db
      .prepare(
        `SELECT ${DOCUMENT_COLUMNS}, s.details AS seller FROM invoices d JOIN customers c ON c.id = d.customer_id
         JOIN sellers s ON s.sha256 = d.seller_sha256 WHERE d.id = ?`,
      )
      .get(id) as DocumentDbRow | undefined;
    return row && { ...toRow(row), raw: row };
  }

  lines(documentId: number): LineRow[] {
    return this.db
      .prepare(
        `SELECT id, kind, description, sac_code AS sacCode, span_start AS spanStart, span_end AS spanEnd, quantity,
                rate_minor AS rate, taxable_minor AS taxable, tax_rate_bps AS taxRateBps, cgst_minor AS cgst,
                sgst_minor AS sgst, igst_minor AS igst, vat_minor AS vat, total_minor AS total,
                plan_id AS planId, charge_id AS chargeId, credits_line_id AS creditsLineId
         FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
      )
      .all(documentId) as LineRow[];
  }

  /** Credit note lines that reduce the given invoice lines. */
  creditedLines(lineIds: number[]): LineRow[] {
    if (lineIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT id, kind, description, sac_code AS sacCode, span_start AS spanStart, span_end AS spanEnd, quantity,
                rate_minor AS rate, taxable_minor AS taxable, tax_rate_bps AS taxRateBps, cgst_minor AS cgst,
                sgst_minor AS sgst, igst_minor AS igst, vat_minor AS vat, total_minor AS total,
                plan_id AS planId, charge_id AS chargeId, credits_line_id AS creditsLineId
         FROM invoice_lines WHERE credits_line_id IN (${lineIds.map(() => '?').join(',')})`,
      )
      .all(...lineIds) as LineRow[];
  }

  creditNotesOf(invoiceId: number): { id: number; number: string; issuedOn: string; total: number; reason: string }[] {
    return this.db
      .prepare(
        `SELECT id, number, issued_on AS issuedOn, total_minor AS total, reason FROM invoices
         WHERE invoice_id = ? AND kind = 'credit_note' ORDER BY id`,
      )
      .all(invoiceId) as { id: number; number: string; issuedOn: string; total: number; reason: string }[];
  }

  /**
   * Plan, add-on and discount lines of a customer's invoices whose days include `date`, with
   * what credit notes already took off them: what a suspension or a plan change "now" credits.
   */
  linesCovering(customerId: number, date: IsoDate): (LineRow & { documentId: number; status: DocumentStatus })[] {
    return this.db
      .prepare(
        `SELECT l.id, l.kind, l.description, l.sac_code AS sacCode, l.span_start AS spanStart, l.span_end AS spanEnd,
                l.quantity, l.rate_minor AS rate, l.taxable_minor AS taxable, l.tax_rate_bps AS taxRateBps,
                l.cgst_minor AS cgst, l.sgst_minor AS sgst, l.igst_minor AS igst, l.vat_minor AS vat,
                l.total_minor AS total, l.plan_id AS planId, l.charge_id AS chargeId, l.credits_line_id AS creditsLineId,
                d.id AS documentId, d.status
         FROM invoices d JOIN invoice_lines l ON l.invoice_id = d.id
         WHERE d.customer_id = ? AND d.kind = 'invoice' AND d.status != 'cancelled'
           AND l.kind IN ('plan', 'addon', 'discount') AND l.span_start <= ? AND l.span_end >= ?
         ORDER BY d.id, l.position`,
      )
      .all(customerId, date, date) as (LineRow & { documentId: number; status: DocumentStatus })[];
  }

  list(filter: {
    kind: string | null;
    from: string | null;
    to: string | null;
    status: string | null;
    customerId: number | null;
    number: string;
    limit: number;
    offset: number;
  }): {
    rows: DocumentRow[];
    total: number;
    sums: { taxable: number; tax: number; total: number; outstanding: number };
  } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (filter.kind) add('d.kind = ?', filter.kind);
    if (filter.from) add('d.issued_on >= ?', filter.from);
    if (filter.to) add('d.issued_on <= ?', filter.to);
    if (filter.status) add('d.status = ?', filter.status);
    if (filter.customerId) add('d.customer_id = ?', filter.customerId);
    if (filter.number) add(`d.number LIKE ? ESCAPE '\\'`, `%${filter.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sign = `CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END`;
    const sums = this.db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(${sign} * d.taxable_minor), 0) AS taxable,
                coalesce(sum(${sign} * d.tax_minor), 0) AS tax, coalesce(sum(${sign} * d.total_minor), 0) AS amount,
                coalesce(sum(CASE d.kind WHEN 'invoice' THEN d.total_minor - d.credited_minor - d.paid_minor ELSE 0 END), 0) AS outstanding
         FROM invoices d ${whereSql}`,
      )
      .get(...params) as { total: number; taxable: number; tax: number; amount: number; outstanding: number };
    const rows = (
      this.db
        .prepare(
          `SELECT ${DOCUMENT_COLUMNS} FROM invoices d JOIN customers c ON c.id = d.customer_id ${whereSql}
           ORDER BY d.id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, filter.limit, filter.offset) as DocumentDbRow[]
    ).map(toRow);
    return {
      rows,
      total: sums.total,
      sums: { taxable: sums.taxable, tax: sums.tax, total: sums.amount, outstanding: sums.outstanding },
    };
  }

  chargeRows(customerId: number): ChargeRow[] {
    return this.db
      .prepare(
        `SELECT ch.*, i.number AS billed_number FROM customer_charges ch LEFT JOIN invoices i ON i.id = ch.billed_invoice_id
         WHERE ch.customer_id = ? ORDER BY ch.cancelled_at IS NOT NULL, ch.id DESC`,
      )
      .all(customerId) as ChargeRow[];
  }

  chargeRow(id: number): ChargeRow | undefined {
    return this.db
      .prepare(
        `SELECT ch.*, i.number AS billed_number FROM customer_charges ch LEFT JOIN invoices i ON i.id = ch.billed_invoice_id
         WHERE ch.id = ?`,
      )
      .get(id) as ChargeRow | undefined;
  }

  image(sha256: string): { mime: string; bytes: Buffer } | undefined {
    return this.db.prepare(`SELECT mime, bytes FROM images WHERE sha256 = ?`).get(sha256) as
      { mime: string; bytes: Buffer } | undefined;
  }
}

export interface ChargeRow {
  id: number;
  customer_id: number;
  kind: 'one_time' | 'addon' | 'discount';
  description: string;
  amount_minor: number;
  percent_bps: number | null;
  sac_code: string;
  tax_rate_bps: number;
  starts_on: string;
  ends_on: string | null;
  billed_invoice_id: number | null;
  billed_number: string | null;
  cancelled_at: string | null;
  created_at: string;
}

export interface NewDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  fy: string;
  seq: number;
  customerId: number;
  issuedOn: IsoDate;
  dueOn: IsoDate | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  periodKey: IsoDate | null;
  source: 'run' | 'change' | 'charge' | 'credit' | 'recharge';
  jobId: number | null;
  invoiceId: number | null;
  reason: string;
  taxable: number;
  tax: number;
  roundOff: number;
  total: number;
  status: DocumentStatus;
  previousBalance: number;
  /** The seller's details as JSON, stored once per distinct value. */
  seller: string;
  /** The buyer's details, tax mode and labels as JSON. */
  snapshot: string;
  lines: (DocumentLine & {
    planId?: number | null;
    chargeId?: number | null;
    creditsLineId?: number | null;
    lateFeeFor?: number | null;
  })[];
}

export class BillingStore extends BillingReads {
  private readonly insertDocumentStmt;
  private readonly insertLineStmt;
  private readonly insertSellerStmt;

  constructor(protected override readonly db: WritableDb) {
    super(db);
    this.insertDocumentStmt = db.prepare(
      `INSERT INTO invoices (kind, number, fy, seq, customer_id, issued_on, due_on, period_start, period_end, period_key,
         source, job_id, invoice_id, reason, taxable_minor, tax_minor, round_off_minor, total_minor, status,
         previous_balance_minor, seller_sha256, snapshot, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSellerStmt = db.prepare(`INSERT OR IGNORE INTO sellers (sha256, details) VALUES (?, ?)`);
    this.insertLineStmt = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, position, kind, description, sac_code, span_start, span_end, quantity,
         rate_minor, taxable_minor, tax_rate_bps, cgst_minor, sgst_minor, igst_minor, vat_minor, total_minor,
         plan_id, charge_id, credits_line_id, late_fee_for)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  private lastHash: { json: string; sha256: string } | null = null;

  /**
   * The seller's details stored once: the hash a document refers to them by. Written in the
   * document's own transaction every time (a rolled-back run must not leave a remembered row).
   */
  private sellerHash(json: string): string {
    if (this.lastHash?.json !== json) this.lastHash = { json, sha256: sha256(json) };
    this.insertSellerStmt.run(this.lastHash.sha256, json);
    return this.lastHash.sha256;
  }

  /** Writes a document and its lines; the caller holds the transaction that took its number. */
  insertDocument(doc: NewDocument, createdAt: string): number {
    const d = doc;
    const id = Number(
      this.insertDocumentStmt.run(
        d.kind,
        d.number,
        d.fy,
        d.seq,
        d.customerId,
        d.issuedOn,
        d.dueOn,
        d.periodStart,
        d.periodEnd,
        d.periodKey,
        d.source,
        d.jobId,
        d.invoiceId,
        d.reason,
        d.taxable,
        d.tax,
        d.roundOff,
        d.total,
        d.status,
        d.previousBalance,
        this.sellerHash(d.seller),
        d.snapshot,
        createdAt,
      ).lastInsertRowid,
    );
    const lines = d.lines;
    lines.forEach((l, i) => {
      this.insertLineStmt.run(
        id,
        i + 1,
        l.kind,
        l.description,
        l.sacCode,
        l.spanStart,
        l.spanEnd,
        l.quantity,
        l.rate,
        l.taxable,
        l.taxRateBps,
        l.cgst,
        l.sgst,
        l.igst,
        l.vat,
        l.total,
        l.planId ?? null,
        l.chargeId ?? null,
        l.creditsLineId ?? null,
        l.lateFeeFor ?? null,
      );
    });
    return id;
  }

  /** A credit note took `amount` off an invoice: its credited total and status follow. */
  credit(invoiceId: number, amount: number): void {
    this.db
      .prepare(
        `UPDATE invoices SET credited_minor = credited_minor + @amount,
           status = ${INVOICE_STATUS_SQL('credited_minor + @amount', 'paid_minor', 'total_minor')}
         WHERE id = @invoiceId AND kind = 'invoice'`,
      )
      .run({ invoiceId, amount });
  }

  markChargesBilled(chargeIds: number[], invoiceId: number): void {
    const stmt = this.db.prepare(
      `UPDATE customer_charges SET billed_invoice_id = ? WHERE id = ? AND billed_invoice_id IS NULL`,
    );
    for (const id of chargeIds) stmt.run(invoiceId, id);
  }

  insertCharge(row: Omit<ChargeRow, 'id' | 'billed_invoice_id' | 'billed_number' | 'cancelled_at'>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO customer_charges (customer_id, kind, description, amount_minor, percent_bps, sac_code, tax_rate_bps,
             starts_on, ends_on, created_at)
           VALUES (@customer_id, @kind, @description, @amount_minor, @percent_bps, @sac_code, @tax_rate_bps,
             @starts_on, @ends_on, @created_at)`,
        )
        .run(row).lastInsertRowid,
    );
  }

  cancelCharge(id: number, at: string): void {
    this.db.prepare(`UPDATE customer_charges SET cancelled_at = ? WHERE id = ?`).run(at, id);
  }
}

function toRow(r: DocumentDbRow): DocumentRow {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    customerId: r.customer_id,
    accountNo: r.account_no,
    customerName: r.customer_name,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    taxable: r.taxable_minor,
    tax: r.tax_minor,
    total: r.total_minor,
    credited: r.credited_minor,
    paid: r.paid_minor,
    outstanding: r.kind === 'invoice' ? r.total_minor - r.credited_minor - r.paid_minor : 0,
    status: r.status,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(row);
  }
  return map;
}
