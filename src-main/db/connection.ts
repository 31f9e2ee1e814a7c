import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

/** Opens (creating if needed) the one SQLite file, sets the pragmas and, unless told not to, migrates. */
export function openDatabase(file: string, { maintain = true } = {}): DbHandle {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    // Offices lose power: FULL makes every committed transaction survive a cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -32000');
    sqlite.pragma('temp_store = MEMORY');
    if (maintain) {
      migrate(sqlite);
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

/**
 * Lets the query planner know how many rows each index narrows to (e.g. that "active" is
 * most customers), so it walks the sort index instead of sorting. Only the domain tables:
 * the search index's shadow tables are FTS5's own, queried by it alone.
 */
export function refreshPlannerStatistics(sqlite: Database.Database): void {
  sqlite.exec('ANALYZE customers; ANALYZE plans;');
}
