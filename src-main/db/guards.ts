// Issued documents are immutable, in the database itself: a bug or a stray tool cannot edit or
// delete an invoice, a credit note, their lines, the seller details they printed, a payment,
// its allocations or its reversal. Only what credit notes and payments take off an invoice
// (credited, paid) and the status that follows may change. Made after migrating, like the search index, so a table rebuild cannot lose them.
import type { WritableDb } from './connection';

const IMMUTABLE_INVOICE_COLUMNS = [
  'kind',
  'number',
  'fy',
  'seq',
  'customer_id',
  'issued_on',
  'due_on',
  'period_start',
  'period_end',
  'period_key',
  'source',
  'job_id',
  'invoice_id',
  'reason',
  'taxable_minor',
  'tax_minor',
  'round_off_minor',
  'total_minor',
  'previous_balance_minor',
  'seller_sha256',
  'snapshot',
  'created_at',
];

const refuse = (what: string) => `BEGIN SELECT RAISE(ABORT, '${what}'); END`;

export const GUARDS: { name: string; sql: string }[] = [
  {
    name: 'invoices_never_deleted',
    sql: `CREATE TRIGGER invoices_never_deleted BEFORE DELETE ON invoices ${refuse('an issued invoice or credit note is never deleted: issue a credit note')}`,
  },
  {
    name: 'invoices_never_edited',
    sql: `CREATE TRIGGER invoices_never_edited BEFORE UPDATE OF ${IMMUTABLE_INVOICE_COLUMNS.join(', ')} ON invoices ${refuse('an issued invoice or credit note is never edited: issue a credit note')}`,
  },
  {
    name: 'invoice_lines_never_edited',
    sql: `CREATE TRIGGER invoice_lines_never_edited BEFORE UPDATE ON invoice_lines ${refuse('the lines of an issued document are never edited')}`,
  },
  {
    name: 'invoice_lines_never_deleted',
    sql: `CREATE TRIGGER invoice_lines_never_deleted BEFORE DELETE ON invoice_lines ${refuse('the lines of an issued document are never deleted')}`,
  },
  {
    name: 'invoices_paid_within_total',
    sql: `CREATE TRIGGER invoices_paid_within_total BEFORE UPDATE OF paid_minor ON invoices WHEN NEW.paid_minor < 0 OR NEW.paid_minor + NEW.credited_minor > NEW.total_minor ${refuse('an invoice cannot be paid more than what is left of it')}`,
  },
  {
    name: 'payments_never_edited',
    sql: `CREATE TRIGGER payments_never_edited BEFORE UPDATE ON payments ${refuse('a payment is never edited: reverse it and record a new one')}`,
  },
  {
    name: 'payments_never_deleted',
    sql: `CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments ${refuse('a payment is never deleted: reverse it')}`,
  },
  {
    name: 'payment_allocations_never_changed',
    sql: `CREATE TRIGGER payment_allocations_never_changed BEFORE UPDATE ON payment_allocations ${refuse('an allocation is never edited: a reversal adds its own')}`,
  },
  {
    name: 'payment_allocations_never_deleted',
    sql: `CREATE TRIGGER payment_allocations_never_deleted BEFORE DELETE ON payment_allocations ${refuse('an allocation is never deleted: a reversal adds its own')}`,
  },
  {
    name: 'payment_reversals_never_changed',
    // A bounced cheque's charge is issued after its reversal and linked once; nothing else changes.
    sql: `CREATE TRIGGER payment_reversals_never_changed BEFORE UPDATE ON payment_reversals WHEN OLD.charge_invoice_id IS NOT NULL OR NEW.payment_id IS NOT OLD.payment_id OR NEW.reversed_on IS NOT OLD.reversed_on OR NEW.reason IS NOT OLD.reason OR NEW.created_at IS NOT OLD.created_at ${refuse('a reversal is never edited')}`,
  },
  {
    name: 'payment_reversals_never_deleted',
    sql: `CREATE TRIGGER payment_reversals_never_deleted BEFORE DELETE ON payment_reversals ${refuse('a reversal is never deleted')}`,
  },
  {
    name: 'sellers_never_edited',
    sql: `CREATE TRIGGER sellers_never_edited BEFORE UPDATE ON sellers ${refuse('printed seller details are never edited')}`,
  },
];

/** Makes the guards exactly as defined; returns whether anything had to be (re)made. */
export function ensureDocumentGuards(db: WritableDb): boolean {
  // A database migrated only part of the way (tests of older migrations) has no documents yet.
  const tables = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('invoices', 'sellers', 'payments')`)
    .pluck()
    .get();
  if (tables !== 3) return false;
  const existing = new Map(
    (
      db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${GUARDS.map(() => '?').join(', ')})`,
        )
        .all(...GUARDS.map((g) => g.name)) as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  );
  if (GUARDS.every((g) => existing.get(g.name) === g.sql)) return false;
  db.transaction(() => {
    for (const g of GUARDS) {
      db.exec(`DROP TRIGGER IF EXISTS ${g.name}`);
      db.exec(g.sql);
    }
  })();
  return true;
}
