// What the office reads about money: a customer's statement, the day book (and closing a day),
// and dues by age. Every balance here is the ledger's (src-main/db/ledger.ts), so it is the same
// number as on the counter and the invoices.
import Papa from 'papaparse';
import type {
  AgeingBucket,
  DayBook,
  DuesReport,
  DuesRow,
  ParsedInput,
  PaymentMethod,
  Statement,
  StatementEntry,
} from '../../src-shared/contract';
import { PAYMENT_METHODS } from '../../src-shared/contract';
import { addDays, daysBetween, type IsoDate } from '../../src-shared/dates';
import { AppError } from '../../src-shared/errors';
import { toDecimalText } from '../../src-shared/money';
import { phoneDisplay } from '../../src-shared/phones';
import { spreadsheetCell } from '../customers/spreadsheetCells';
import type { DbHandle } from '../db/connection';
import type { SettingsService } from '../settings/service';
import { toPaymentRow, type PaymentDbRow } from './store';

const ENTRY_ORDER: Record<StatementEntry['kind'], number> = {
  invoice: 0,
  credit_note: 1,
  payment: 2,
  reversal: 3,
  refund: 4,
};

const METHOD_TEXT: Record<PaymentMethod, string> = {
  cash: 'cash',
  upi: 'UPI',
  bank: 'bank transfer',
  card: 'card',
  cheque: 'cheque',
  gateway: 'online payment',
};

interface EntryRow {
  on: string;
  kind: StatementEntry['kind'];
  number: string;
  id: number;
  amount: number;
  detail: string;
  extra: string | null;
  extra2: string | null;
}

export class PaymentsReports {
  constructor(
    private readonly handle: DbHandle,
    private readonly settings: SettingsService,
  ) {}

  private get db() {
    return this.handle.sqlite;
  }

  // ---- Statement ----

  /** Opening balance, every document and payment in the range with a running balance, closing balance. */
  statement(input: ParsedInput<'payments.statement'>): Statement {
    const customer = this.db
      .prepare(`SELECT id, account_no AS accountNo, name, address FROM customers WHERE id = ?`)
      .get(input.customerId) as { id: number; accountNo: string; name: string; address: string } | undefined;
    if (!customer) throw new AppError('not_found', `There is no customer with id ${input.customerId}`);
    const to = input.to ?? this.settings.today();
    if (input.from && input.from > to) {
      throw new AppError('validation', `The statement starts (${input.from}) after it ends (${to})`, {
        field: 'from',
        issues: [{ path: ['from'], message: 'must not be after the end' }],
      });
    }
    const rows = this.db
      .prepare(
        `SELECT issued_on AS "on", kind, number, id, total_minor AS amount, reason AS detail,
                period_start AS extra, period_end AS extra2
           FROM invoices WHERE customer_id = @id AND issued_on <= @to
         UNION ALL
         SELECT received_on, kind, number, id, amount_minor, CASE kind WHEN 'refund' THEN reason ELSE note END, method, reference
           FROM payments WHERE customer_id = @id AND received_on <= @to
         UNION ALL
         SELECT r.reversed_on, 'reversal', p.number, p.id, p.amount_minor, r.reason, p.method, p.reference
           FROM payment_reversals r JOIN payments p ON p.id = r.payment_id
          WHERE p.customer_id = @id AND r.reversed_on <= @to`,
      )
      .all({ id: customer.id, to }) as EntryRow[];
    rows.sort((a, b) =>
      a.on < b.on ? -1 : a.on > b.on ? 1 : ENTRY_ORDER[a.kind] - ENTRY_ORDER[b.kind] || a.id - b.id,
    );
    let balance = 0;
    let debits = 0;
    let credits = 0;
    const entries: StatementEntry[] = [];
    let opening = 0;
    for (const r of rows) {
      const debit = r.kind === 'invoice' || r.kind === 'reversal' || r.kind === 'refund' ? r.amount : 0;
      const credit = debit === 0 ? r.amount : 0;
      balance += debit - credit;
      if (input.from && r.on < input.from) {
        opening = balance;
        continue;
      }
      debits += debit;
      credits += credit;
      entries.push({
        on: r.on,
        kind: r.kind,
        number: r.number,
        description: describe(r),
        debit,
        credit,
        balance,
        documentId: r.kind === 'invoice' || r.kind === 'credit_note' ? r.id : null,
        paymentId: r.kind === 'invoice' || r.kind === 'credit_note' ? null : r.id,
      });
    }
    return {
      customerId: customer.id,
      accountNo: customer.accountNo,
      name: customer.name,
      address: customer.address,
      from: input.from,
      to,
      opening,
      entries,
      closing: balance,
      debits,
      credits,
    };
  }

  // ---- The day book ----

  dayBook(day: IsoDate | null, openingFloat?: number): DayBook {
    const today = this.settings.today();
    const d = day ?? today;
    const payments = (
      this.db
        .prepare(
          `SELECT p.*, c.account_no, c.name AS customer_name,
                  coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS allocated,
                  r.reversed_on, r.reason AS reversal_reason, r.charge_invoice_id
             FROM payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN payment_reversals r ON r.payment_id = p.id
            WHERE p.received_on = ? ORDER BY p.id`,
        )
        .all(d) as PaymentDbRow[]
    ).map(toPaymentRow);
    const reversedToday = this.db
      .prepare(
        `SELECT p.method, p.amount_minor AS amount FROM payment_reversals r JOIN payments p ON p.id = r.payment_id WHERE r.reversed_on = ?`,
      )
      .all(d) as { method: PaymentMethod; amount: number }[];
    const byMethod = PAYMENT_METHODS.map((method) => {
      const rows = payments.filter((p) => p.kind === 'payment' && p.method === method);
      return { method, count: rows.length, amount: rows.reduce((n, p) => n + p.amount, 0) };
    }).filter((m) => m.count > 0);
    const refunds = PAYMENT_METHODS.map((method) => {
      const rows = payments.filter((p) => p.kind === 'refund' && p.method === method);
      return { method, count: rows.length, amount: rows.reduce((n, p) => n + p.amount, 0) };
    }).filter((m) => m.count > 0);
    const close = this.db
      .prepare(
        `SELECT opening_float_minor AS openingFloat, counted_minor AS counted, difference_minor AS difference, note, closed_at AS closedAt
         FROM day_closes WHERE day = ?`,
      )
      .get(d) as
      { openingFloat: number; counted: number; difference: number; note: string; closedAt: string } | undefined;
    const lastCounted = this.db
      .prepare(`SELECT counted_minor FROM day_closes WHERE day < ? ORDER BY day DESC LIMIT 1`)
      .pluck()
      .get(d) as number | undefined;
    const float = close?.openingFloat ?? openingFloat ?? lastCounted ?? 0;
    const cashReceived = byMethod.find((m) => m.method === 'cash')?.amount ?? 0;
    const cashRefunded = refunds.find((m) => m.method === 'cash')?.amount ?? 0;
    const cashReversed = reversedToday.filter((r) => r.method === 'cash').reduce((n, r) => n + r.amount, 0);
    return {
      day: d,
      byMethod,
      received: byMethod.reduce((n, m) => n + m.amount, 0),
      reversed: reversedToday.reduce((n, r) => n + r.amount, 0),
      refunds,
      payments,
      openingFloat: float,
      cashReceived,
      cashRefunded,
      cashReversed,
      cashExpected: float + cashReceived - cashRefunded - cashReversed,
      close: close
        ? { counted: close.counted, difference: close.difference, note: close.note, closedAt: close.closedAt }
        : null,
    };
  }

  /** Records the cash counted against what is expected, and locks the day against back-dating. */
  closeDay(input: ParsedInput<'payments.closeDay'>): DayBook {
    this.db
      .transaction(() => {
        const today = this.settings.today();
        if (input.day > today) {
          throw new AppError('validation', `${input.day} has not come yet: close a day at its end`, {
            field: 'day',
            issues: [{ path: ['day'], message: 'must not be after today' }],
          });
        }
        const existing = this.db.prepare(`SELECT closed_at FROM day_closes WHERE day = ?`).pluck().get(input.day) as
          string | undefined;
        if (existing) throw new AppError('conflict', `${input.day} was already closed`, { field: 'day' });
        const book = this.dayBook(input.day, input.openingFloat);
        this.db
          .prepare(
            `INSERT INTO day_closes (day, opening_float_minor, cash_expected_minor, counted_minor, difference_minor, note, closed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.day,
            input.openingFloat,
            book.cashExpected,
            input.counted,
            input.counted - book.cashExpected,
            input.note,
            new Date().toISOString(),
          );
      })
      .immediate();
    return this.dayBook(input.day);
  }

  // ---- Dues ----

  /** Everyone who owes, by how long, and who is to be suspended: for all customers at once. */
  dues(input: ParsedInput<'payments.dues'>): DuesReport {
    const { rows, totals, asOf } = this.duesRows(input);
    const start = (input.page - 1) * input.pageSize;
    const page = rows.slice(start, start + input.pageSize).map((r) => this.withPhoneShown(r));
    return { asOf, totals, rows: page, total: rows.length };
  }

  duesCsv(input: ParsedInput<'payments.duesCsv'>): { filename: string; csv: string; rows: number } {
    const { rows, asOf } = this.duesRows({ ...input, page: 1, pageSize: 1 });
    const { currency } = this.settings.get();
    const money = (m: number) => toDecimalText(m, currency);
    const fields = [
      'Account',
      'Name',
      'Phone',
      'Status',
      'Access point',
      'Billing',
      'Due soon',
      '0-30 days',
      '31-60 days',
      '61-90 days',
      '90+ days',
      'Balance',
      'Oldest due',
      'Days overdue',
      'Valid until',
      'To suspend',
    ];
    const data = rows
      .map((row) => this.withPhoneShown(row))
      .map((r) =>
        [
          r.accountNo,
          r.name,
          r.phone,
          r.status,
          r.accessPoint,
          r.billingMode,
          money(r.dueSoon),
          money(r.d0_30),
          money(r.d31_60),
          money(r.d61_90),
          money(r.d90_plus),
          money(r.balance),
          r.oldestDueOn ?? '',
          String(r.daysOverdue),
          r.validUntil ?? '',
          r.toSuspend ? r.toSuspendWhy : '',
        ].map((v) => spreadsheetCell(v, 'text')),
      );
    return {
      filename: `dues-${asOf}.csv`,
      csv: '\uFEFF' + Papa.unparse({ fields, data }, { newline: '\r\n' }),
      rows: data.length,
    };
  }

  /** The phone as the office writes it: formatting 50,000 of them cost the dues report a second. */
  private withPhoneShown(row: DuesRow): DuesRow {
    return { ...row, phone: row.phone ? phoneDisplay(row.phone, this.settings.get().country) : '' };
  }

  private duesRows(input: ParsedInput<'payments.dues'>): {
    rows: DuesRow[];
    totals: DuesReport['totals'];
    asOf: IsoDate;
  } {
    const settings = this.settings.get();
    const asOf = this.settings.today();
    const soon = addDays(asOf, input.dueWithinDays);
    type Sums = Pick<DuesRow, 'dueSoon' | 'd0_30' | 'd31_60' | 'd61_90' | 'd90_plus'> & { oldestDueOn: string | null };
    const owed = new Map<number, Sums>();
    const open = this.db
      .prepare(
        `SELECT customer_id AS id,
                sum(CASE WHEN due_on >= @asOf AND due_on <= @soon THEN out ELSE 0 END) AS dueSoon,
                sum(CASE WHEN due_on < @asOf AND due_on >= @d30 THEN out ELSE 0 END) AS d0_30,
                sum(CASE WHEN due_on < @d30 AND due_on >= @d60 THEN out ELSE 0 END) AS d31_60,
                sum(CASE WHEN due_on < @d60 AND due_on >= @d90 THEN out ELSE 0 END) AS d61_90,
                sum(CASE WHEN due_on < @d90 THEN out ELSE 0 END) AS d90_plus,
                min(CASE WHEN due_on < @asOf THEN due_on END) AS oldestDueOn
         FROM (SELECT customer_id, due_on, total_minor - credited_minor - paid_minor AS out FROM invoices
               WHERE status IN ('unpaid', 'partly_paid') AND kind = 'invoice' AND due_on <= @soon)
         GROUP BY customer_id`,
      )
      .all({
        asOf,
        soon,
        d30: addDays(asOf, -30),
        d60: addDays(asOf, -60),
        d90: addDays(asOf, -90),
      }) as (Sums & { id: number })[];
    for (const { id, ...sums } of open) owed.set(id, sums);
    // Prepaid customers: the last day paid for.
    const validUntil = new Map(
      (
        this.db
          .prepare(
            `SELECT c.id, (SELECT max(i.period_end) FROM invoices i WHERE i.customer_id = c.id AND i.kind = 'invoice'
                              AND i.period_key IS NOT NULL AND i.status != 'cancelled') AS until
             FROM customers c WHERE c.billing_mode = 'prepaid' AND c.status = 'active'`,
          )
          .all() as { id: number; until: string | null }[]
      ).map((r) => [r.id, r.until]),
    );
    const ids = new Set([...owed.keys()]);
    const reminderUntil = addDays(asOf, Math.max(input.dueWithinDays, settings.prepaidReminderDays));
    for (const [id, until] of validUntil) if (!until || until <= reminderUntil) ids.add(id);
    if (ids.size === 0) return { rows: [], totals: emptyTotals(), asOf };
    const people = this.db
      .prepare(
        `SELECT c.id, c.account_no AS accountNo, c.name, c.phones, c.status, c.access_point AS accessPoint,
                c.billing_mode AS billingMode, coalesce(b.balance_minor, 0) AS balance
         FROM customers c LEFT JOIN customer_balances b ON b.customer_id = c.id
         WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...ids])) as {
      id: number;
      accountNo: string;
      name: string;
      phones: string;
      status: string;
      accessPoint: string;
      billingMode: 'postpaid' | 'prepaid';
      balance: number;
    }[];
    const search = input.search.trim().toLowerCase();
    const all: DuesRow[] = [];
    for (const p of people) {
      const sums = owed.get(p.id) ?? { dueSoon: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, oldestDueOn: null };
      const until = p.billingMode === 'prepaid' ? (validUntil.get(p.id) ?? null) : null;
      const daysOverdue = sums.oldestDueOn ? daysBetween(sums.oldestDueOn, asOf) : 0;
      let toSuspendWhy = '';
      if (p.status === 'active') {
        if (daysOverdue > settings.suspendAfterDays && p.balance > 0) toSuspendWhy = `overdue ${daysOverdue} days`;
        else if (p.billingMode === 'prepaid' && (!until || until < asOf))
          toSuspendWhy = until ? `prepaid service ended ${until}` : 'prepaid: nothing paid for yet';
      }
      const [phone] = JSON.parse(p.phones) as string[];
      all.push({
        customerId: p.id,
        accountNo: p.accountNo,
        name: p.name,
        // As stored (E.164): formatted only for the rows shown or exported (phoneDisplay).
        phone: phone ?? '',
        status: p.status,
        accessPoint: p.accessPoint,
        billingMode: p.billingMode,
        dueSoon: sums.dueSoon,
        d0_30: sums.d0_30,
        d31_60: sums.d31_60,
        d61_90: sums.d61_90,
        d90_plus: sums.d90_plus,
        balance: p.balance,
        oldestDueOn: sums.oldestDueOn,
        daysOverdue,
        validUntil: until,
        toSuspend: toSuspendWhy !== '',
        toSuspendWhy,
      });
    }
    const totals = emptyTotals();
    for (const r of all) {
      totals.dueSoon += r.dueSoon;
      totals.d0_30 += r.d0_30;
      totals.d31_60 += r.d31_60;
      totals.d61_90 += r.d61_90;
      totals.d90_plus += r.d90_plus;
      totals.customers++;
      if (r.toSuspend) totals.toSuspend++;
    }
    const rows = all.filter(
      (r) =>
        (!input.bucket || inBucket(r, input.bucket, asOf, soon)) &&
        (!input.toSuspendOnly || r.toSuspend) &&
        (!search ||
          r.name.toLowerCase().includes(search) ||
          r.accountNo.toLowerCase().includes(search) ||
          r.phone.replace(/\D/g, '').includes(search.replace(/\D/g, '') || '\u0000')),
    );
    rows.sort((a, b) => b.daysOverdue - a.daysOverdue || b.balance - a.balance || a.customerId - b.customerId);
    return { rows, totals, asOf };
  }
}

function inBucket(r: DuesRow, bucket: AgeingBucket, asOf: IsoDate, soon: IsoDate): boolean {
  switch (bucket) {
    case 'due_soon':
      return r.dueSoon > 0 || (r.validUntil !== null && r.validUntil >= asOf && r.validUntil <= soon);
    case 'd0_30':
      return r.d0_30 > 0;
    case 'd31_60':
      return r.d31_60 > 0;
    case 'd61_90':
      return r.d61_90 > 0;
    case 'd90_plus':
      return r.d90_plus > 0;
  }
}

function emptyTotals(): DuesReport['totals'] {
  return { dueSoon: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, customers: 0, toSuspend: 0 };
}

function describe(r: EntryRow): string {
  switch (r.kind) {
    case 'invoice':
      return r.extra && r.extra2 ? `Invoice for ${r.extra} to ${r.extra2}` : r.detail || 'Invoice';
    case 'credit_note':
      return r.detail ? `Credit note: ${r.detail}` : 'Credit note';
    case 'payment':
      return `Payment by ${METHOD_TEXT[r.extra as PaymentMethod] ?? r.extra}${r.extra2 ? ` ${r.extra2}` : ''}`;
    case 'reversal':
      return `Payment ${r.number} reversed: ${r.detail}`;
    case 'refund':
      return `Refund by ${METHOD_TEXT[r.extra as PaymentMethod] ?? r.extra}: ${r.detail}`;
  }
}
