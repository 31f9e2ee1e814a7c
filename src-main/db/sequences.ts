// Counters that only ever go up (account numbers now, document numbers later). SQLite's
// UPSERT ... RETURNING takes a block of numbers in one statement, inside the caller's transaction.
import type { WritableDb } from './connection';

/** Takes the next `count` numbers of the counter `name`; returns the first. */
export function takeFromSequence(db: WritableDb, name: string, count = 1): number {
  const row = db
    .prepare(
      `INSERT INTO sequences (name, next_value) VALUES (@name, 1 + @count)
       ON CONFLICT (name) DO UPDATE SET next_value = next_value + @count RETURNING next_value - @count AS first`,
    )
    .get({ name, count }) as { first: number };
  return row.first;
}
