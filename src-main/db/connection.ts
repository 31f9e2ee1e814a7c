import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { bundledMigrations, migrate, type Migration } from './migrate';
import * as schema from './schema';
import { ensureDocumentGuards } from './guards';
import { ensureLedger } from './ledger';
import { ensureSearchIndex, registerSearchFunctions } from './search';

export type Db = BetterSQLite3Database<typeof schema>;

declare const readable: unique symbol;
declare const writable: unique symbol;
/**
 * A connection that code may read through. As in Signal Desktop, read and write handles are
 * different types: a function that takes a ReadableDb says it never writes, and one that
 * needs a WritableDb cannot be handed a read-only connection (openReadOnly).
 */
export type ReadableDb = Database.Database & { readonly [readable]: true };
export type WritableDb = ReadableDb & { readonly [writable]: true };

export interface DbHandle {
  sqlite: WritableDb;
  db: Db;
  close(): void;
}

function setPragmas(sqlite: Database.Database): void {
  // Offices lose power: FULL makes every committed transaction survive a cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Opens (creating if needed) the one SQLite file, sets the pragmas and, unless told not to,
 * migrates and makes the hand-written SQL objects (the search index) as defined.
 */
export function openDatabase(
  file: string,
  { maintain = true, migrations = bundledMigrations }: { maintain?: boolean; migrations?: Migration[] } = {},
): DbHandle {
  const sqlite = new Database(file) as WritableDb;
  try {
    sqlite.pragma('journal_mode = WAL');
    setPragmas(sqlite);
    registerSearchFunctions(sqlite);
    if (maintain) {
      migrate(sqlite, migrations);
      ensureSearchIndex(sqlite);
      ensureDocumentGuards(sqlite);
      ensureLedger(sqlite);
      refreshPlannerStatistics(sqlite);
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = drizzle(sqlite, { schema });
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) {
        sqlite.pragma('optimize');
        sqlite.close();
      }
    },
  };
}

/** A read-only connection to an existing file (SQLite refuses any write through it). */
export function openReadOnly(file: string): ReadableDb {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  registerSearchFunctions(sqlite as ReadableDb);
  return sqlite as ReadableDb;
}

/**
 * Lets the query planner know how many rows each index narrows to (e.g. that "active" is
 * most customers), so it walks the sort index instead of sorting. Only the domain tables:
 * the search index's shadow tables are FTS5's own, queried by it alone.
 */
export function refreshPlannerStatistics(sqlite: WritableDb): void {
  sqlite.exec('ANALYZE customers; ANALYZE plans;');
}
