// Each customer's balance and credit, kept in customer_balances by triggers in the same
// transaction as the write that moves them, so they can never disagree with the documents:
//   balance = invoices − credit notes − payments + reversed payments + refunds
//   credit  = payments not reversed − what of them is on invoices − refunds
// An allocation also moves its invoice's paid amount and status here, so an invoice's status
// always follows its allocations. Made after migrating, like the guards; (re)making them
// recomputes every row from the documents.
import type { WritableDb } from './connection';

const bump = (customer: string, balance: string, credit: string) =>
  `INSERT INTO customer_balances (customer_id, balance_minor, credit_minor) VALUES (${customer}, ${balance}, ${credit})
   ON CONFLICT (customer_id) DO UPDATE SET balance_minor = balance_minor + excluded.balance_minor,
                                           credit_minor = credit_minor + excluded.credit_minor;`;

/** The status an invoice's credited and paid amounts give it. */
export const INVOICE_STATUS_SQL = (credited: string, paid: string, total: string) =>
  `CASE WHEN ${credited} >= ${total} THEN 'cancelled'
        WHEN ${credited} + ${paid} >= ${total} THEN 'paid'
        WHEN ${paid} > 0 THEN 'partly_paid' ELSE 'unpaid' END`;

export const LEDGER_TRIGGERS: { name: string; sql: string }[] = [
  {
    name: 'ledger_invoice_issued',
    sql: `CREATE TRIGGER ledger_invoice_issued AFTER INSERT ON invoices BEGIN
  ${bump('NEW.customer_id', `CASE NEW.kind WHEN 'invoice' THEN NEW.total_minor ELSE -NEW.total_minor END`, '0')}
END`,
  },
  {
    name: 'ledger_payment_recorded',
    sql: `CREATE TRIGGER ledger_payment_recorded AFTER INSERT ON payments BEGIN
  ${bump(
    'NEW.customer_id',
    `CASE NEW.kind WHEN 'payment' THEN -NEW.amount_minor ELSE NEW.amount_minor END`,
    `CASE NEW.kind WHEN 'payment' THEN NEW.amount_minor ELSE -NEW.amount_minor END`,
  )}
END`,
  },
  {
    name: 'ledger_payment_reversed',
    sql: `CREATE TRIGGER ledger_payment_reversed AFTER INSERT ON payment_reversals BEGIN
  ${bump(
    '(SELECT customer_id FROM payments WHERE id = NEW.payment_id)',
    '(SELECT amount_minor FROM payments WHERE id = NEW.payment_id)',
    '-(SELECT amount_minor FROM payments WHERE id = NEW.payment_id)',
  )}
END`,
  },
  {
    name: 'ledger_allocated',
    sql: `CREATE TRIGGER ledger_allocated AFTER INSERT ON payment_allocations BEGIN
  UPDATE invoices SET paid_minor = paid_minor + NEW.amount_minor,
    status = ${INVOICE_STATUS_SQL('credited_minor', 'paid_minor + NEW.amount_minor', 'total_minor')}
   WHERE id = NEW.invoice_id;
  ${bump('(SELECT customer_id FROM invoices WHERE id = NEW.invoice_id)', '0', '-NEW.amount_minor')}
END`,
  },
];

/** Every customer's balance and credit computed from the documents themselves. */
export const BALANCES_FROM_DOCUMENTS = `
  SELECT customer_id, sum(balance) AS balance_minor, sum(credit) AS credit_minor FROM (
    SELECT customer_id, CASE kind WHEN 'invoice' THEN total_minor ELSE -total_minor END AS balance, 0 AS credit
      FROM invoices
    UNION ALL
    SELECT customer_id,
           CASE kind WHEN 'payment' THEN -amount_minor ELSE amount_minor END,
           CASE kind WHEN 'payment' THEN amount_minor ELSE -amount_minor END
      FROM payments
    UNION ALL
    SELECT p.customer_id, p.amount_minor, -p.amount_minor FROM payment_reversals r JOIN payments p ON p.id = r.payment_id
    UNION ALL
    SELECT p.customer_id, 0, -a.amount_minor FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
  ) GROUP BY customer_id`;

/** Makes the triggers exactly as defined; if any had to be made, recomputes every balance. */
export function ensureLedger(db: WritableDb): boolean {
  const tables = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'customer_balances'`)
    .pluck()
    .get();
  if (tables !== 1) return false;
  const existing = new Map(
    (
      db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${LEDGER_TRIGGERS.map(() => '?').join(', ')})`,
        )
        .all(...LEDGER_TRIGGERS.map((g) => g.name)) as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  );
  if (LEDGER_TRIGGERS.every((g) => existing.get(g.name) === g.sql)) return false;
  db.transaction(() => {
    for (const g of LEDGER_TRIGGERS) {
      db.exec(`DROP TRIGGER IF EXISTS ${g.name}`);
      db.exec(g.sql);
    }
    db.exec(`DELETE FROM customer_balances`);
    db.exec(`INSERT INTO customer_balances (customer_id, balance_minor, credit_minor) ${BALANCES_FROM_DOCUMENTS}`);
  })();
  return true;
}
