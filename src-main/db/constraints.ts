import { AppError } from '../../src-shared/errors';

// SQLite names the index of a failed expression index ("index 'plans_name_unique'") and the
// column of a failed column index ("customers.static_ip"); map each to the field the operator typed.
const UNIQUE_FIELDS: Record<string, { field: string; label: string }> = {
  customers_pppoe_username_unique: { field: 'pppoeUsername', label: 'PPPoE username' },
  'customers.static_ip': { field: 'staticIp', label: 'static IP' },
  'customers.account_no': { field: 'accountNo', label: 'account number' },
  plans_name_unique: { field: 'name', label: 'plan name' },
};

/** Turns a UNIQUE constraint failure into a `conflict` AppError; rethrows anything else. */
export function rethrowConstraint(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const message = String((error as Error).message);
    for (const [index, { field, label }] of Object.entries(UNIQUE_FIELDS)) {
      if (message.includes(index)) {
        throw new AppError('conflict', `That ${label} is already taken`, { field });
      }
    }
  }
  throw error;
}

/** FTS5's query parser: "fts5: syntax error near …", and two messages it gives without the prefix. */
const FTS_SYNTAX = /^(fts5: |unterminated string$|unknown special query: )/;

/**
 * SQLITE_BUSY: another connection (an import in its worker) is writing. Say so, and what to do.
 * A full-text query SQLite cannot parse: the operator's search text, not a fault of the app.
 */
export function translateDatabaseError(error: unknown): AppError | undefined {
  if ((error as { code?: string }).code === 'SQLITE_BUSY') {
    // A job of this app is named by its runner (src-main/jobs); this is any other writer.
    return new AppError('busy', 'Another write is holding the database: try again in a moment');
  }
  if ((error as Error | null)?.name === 'SqliteError' && FTS_SYNTAX.test(String((error as Error).message))) {
    return new AppError('validation', 'The search text could not be used: try it without quotes or symbols');
  }
  return undefined;
}
