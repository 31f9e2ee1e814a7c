// Issued documents are immutable, in the database itself: a bug or a stray tool cannot edit or
// delete an invoice, a credit note, their lines or the seller details they printed. Only what
// credit notes and payments take off an invoice (credited, paid) and the status that follows
// may change. Made after migrating, like the search index, so a table rebuild cannot lose them.
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
    name: 'sellers_never_edited',
    sql: `CREATE TRIGGER sellers_never_edited BEFORE UPDATE ON sellers ${refuse('printed seller details are never edited')}`,
  },
];

/** Makes the guards exactly as defined; returns whether anything had to be (re)made. */
export function ensureDocumentGuards(db: WritableDb): boolean {
  // A database migrated only part of the way (tests of older migrations) has no documents yet.
  const tables = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('invoices', 'sellers')`)
    .pluck()
    .get();
  if (tables !== 2) return false;
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
