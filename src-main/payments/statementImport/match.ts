// Matching a statement's credits to customers and invoices. The lookups are built once per
// statement (open and recent invoice numbers, account numbers, phones, UPI ids paid from before,
// outstanding amounts); each narration is then cut into letter and digit runs and read against
// them, so 10,000 rows cost 10,000 scans, not 10,000 queries.
import type { StatementRowPreview } from '../../../src-shared/contract';
import { addDays, type IsoDate } from '../../../src-shared/dates';
import type { ReadableDb } from '../../db/connection';
import type { StatementLine } from './read';

export type Match = NonNullable<StatementRowPreview['match']>;

interface InvoiceFact {
  id: number;
  number: string;
  customerId: number;
  open: boolean;
  outstanding: number;
  issuedOn: IsoDate;
}

interface CustomerFact {
  id: number;
  accountNo: string;
  name: string;
}

/** Closed invoices this recent are still looked for in narrations (a double payment finds its customer). */
const RECENT_CLOSED_DAYS = 120;

/** Letter runs upper-cased, digit runs without leading zeros: "INV/26-27/00042" and "inv 26-27-42" alike. */
export function runsOf(text: string): string[] {
  const runs = text.toUpperCase().match(/[A-Z]+|\d+/g) ?? [];
  return runs.map((r) => (/^\d/.test(r) ? r.replace(/^0+(?=\d)/, '') : r));
}

/** A lookup of identifiers (invoice or account numbers) by their runs, found in any text. */
class RunIndex<T> {
  private readonly byKey = new Map<string, T>();
  /** The run counts the identifiers have: windows of these lengths are looked up. */
  private readonly lengths = new Set<number>();
  /** The runs identifiers start with ("INV", "WD"): only windows starting with one are looked up. */
  private readonly firstRuns = new Set<string>();

  add(identifier: string, value: T): void {
    const runs = runsOf(identifier);
    if (runs.length === 0) return;
    // An identifier of digits alone would be found in every amount and phone number.
    if (!runs.some((r) => /^[A-Z]/.test(r)) || !runs.some((r) => /^\d/.test(r))) return;
    const key = runs.join(' ');
    if (!this.byKey.has(key)) this.byKey.set(key, value);
    this.lengths.add(runs.length);
    this.firstRuns.add(runs[0]!);
  }

  find(runs: string[]): T | undefined {
    for (let i = 0; i < runs.length; i++) {
      if (!this.firstRuns.has(runs[i]!)) continue;
      for (const n of this.lengths) {
        if (i + n > runs.length) continue;
        const found = this.byKey.get(runs.slice(i, i + n).join(' '));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}

const PHONE = /(?<!\d)(?:\+?91[\s-]?|0)?([6-9]\d{9})(?!\d)/g;
const VPA = /[A-Za-z0-9][A-Za-z0-9._-]{1,60}@[A-Za-z][A-Za-z0-9]{1,30}/g;

export class Matcher {
  private readonly customers = new Map<number, CustomerFact>();
  private readonly invoices = new RunIndex<InvoiceFact>();
  private readonly accounts = new RunIndex<CustomerFact>();
  /** 10 digits → the customer, or null when two customers share the phone. */
  private readonly phones = new Map<string, number | null>();
  /** A payer's UPI id → the customer an earlier import recorded it for (null: more than one). */
  private readonly vpas = new Map<string, number | null>();
  /** Outstanding amount → the open invoices owing exactly that, oldest first. */
  private readonly amounts = new Map<number, InvoiceFact[]>();

  constructor(
    db: ReadableDb,
    today: IsoDate,
    private readonly money: (minor: number) => string,
  ) {
    const customers = db
      .prepare(`SELECT id, account_no AS accountNo, name, phones FROM customers WHERE status != 'archived'`)
      .all() as (CustomerFact & { phones: string })[];
    for (const c of customers) {
      const fact = { id: c.id, accountNo: c.accountNo, name: c.name };
      this.customers.set(c.id, fact);
      this.accounts.add(c.accountNo, fact);
      // E.164 in a JSON array ('["+919812345678"]'): Indian mobiles only.
      for (const phone of c.phones.match(/\+91\d{10}(?!\d)/g) ?? []) {
        const digits = phone.slice(3);
        this.phones.set(digits, this.phones.has(digits) && this.phones.get(digits) !== c.id ? null : c.id);
      }
    }
    const invoices = db
      .prepare(
        `SELECT id, number, customer_id AS customerId, status IN ('unpaid', 'partly_paid') AS open,
                total_minor - credited_minor - paid_minor AS outstanding, issued_on AS issuedOn
         FROM invoices
         WHERE kind = 'invoice' AND (status IN ('unpaid', 'partly_paid') OR issued_on >= ?)
         ORDER BY issued_on, id`,
      )
      .all(addDays(today, -RECENT_CLOSED_DAYS)) as (Omit<InvoiceFact, 'open'> & { open: number })[];
    for (const row of invoices) {
      if (!this.customers.has(row.customerId)) continue;
      const invoice = { ...row, open: row.open === 1 };
      this.invoices.add(invoice.number, invoice);
      if (invoice.open && invoice.outstanding > 0) {
        const list = this.amounts.get(invoice.outstanding);
        if (list) list.push(invoice);
        else this.amounts.set(invoice.outstanding, [invoice]);
      }
    }
    // UPI ids seen in the narrations of credits an earlier import recorded (payments not reversed).
    const earlier = db
      .prepare(
        `SELECT r.narration, p.customer_id AS customerId FROM statement_rows r JOIN payments p ON p.id = r.payment_id
         WHERE r.action = 'recorded' AND r.narration LIKE '%@%'
           AND NOT EXISTS (SELECT 1 FROM payment_reversals v WHERE v.payment_id = p.id)`,
      )
      .all() as { narration: string; customerId: number }[];
    for (const { narration, customerId } of earlier) {
      for (const vpa of narration.match(VPA) ?? []) {
        const key = vpa.toLowerCase();
        this.vpas.set(key, this.vpas.has(key) && this.vpas.get(key) !== customerId ? null : customerId);
      }
    }
  }

  /** The first of: invoice number, account number, UPI id paid from before, phone, unique amount. */
  match(row: StatementLine): Match | null {
    const texts: [string, string][] = [
      ['narration', row.narration],
      ['payer', row.payer],
    ];
    // Invoice and account numbers are looked for in the reference too (a gateway's order receipt).
    const withReference: [string, string][] = row.referenceFromColumn
      ? [...texts, ['reference', row.reference]]
      : texts;
    const runs = withReference.map(([, text]) => runsOf(text));
    for (const [i, [where, text]] of withReference.entries()) {
      if (!text) continue;
      const invoice = this.invoices.find(runs[i]!);
      if (invoice) {
        const paid = invoice.open ? '' : ' (already paid)';
        return this.result(
          invoice.customerId,
          invoice.open ? [invoice.id] : [],
          'invoice_number',
          `${invoice.number} in the ${where}${paid}`,
        );
      }
    }
    for (const [i, [where, text]] of withReference.entries()) {
      if (!text) continue;
      const customer = this.accounts.find(runs[i]!);
      if (customer) return this.result(customer.id, [], 'account_number', `${customer.accountNo} in the ${where}`);
    }
    for (const [where, text] of texts) {
      for (const vpa of text.match(VPA) ?? []) {
        const customerId = this.vpas.get(vpa.toLowerCase());
        if (customerId) {
          return this.result(
            customerId,
            [],
            'reference',
            `UPI id ${vpa} in the ${where} paid for this customer before`,
          );
        }
      }
    }
    for (const [where, text] of texts) {
      // The transaction id's digits are not a phone number.
      const scanned = row.reference ? text.replaceAll(row.reference, ' ') : text;
      // As written, then with the spaces and dashes inside numbers dropped ("+91 98450 12345").
      for (const variant of [scanned, scanned.replace(/(?<=\d)[\s-](?=\d)/g, '')]) {
        for (const found of variant.matchAll(PHONE)) {
          const customerId = this.phones.get(found[1]!);
          if (customerId) return this.result(customerId, [], 'phone', `Phone ${found[1]} in the ${where}`);
        }
      }
    }
    const owing = this.amounts.get(row.amount);
    if (owing && owing.every((i) => i.customerId === owing[0]!.customerId)) {
      const invoice = owing[0]!;
      const others = owing.length > 1 ? ` (and ${owing.length - 1} more of theirs)` : '';
      return this.result(
        invoice.customerId,
        [invoice.id],
        'amount',
        `${this.money(row.amount)} is what ${invoice.number} still owes${others}, and no other customer's invoice`,
      );
    }
    return null;
  }

  private result(customerId: number, invoiceIds: number[], reason: Match['reason'], why: string): Match | null {
    const c = this.customers.get(customerId);
    if (!c) return null;
    return { customerId, accountNo: c.accountNo, name: c.name, invoiceIds, reason, why };
  }
}
