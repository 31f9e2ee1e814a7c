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

/**
 * The next number of `name` without taking it: a long write that numbers as it goes reads it
 * first and takes exactly what it used at the end, in the same transaction (so no gap).
 */
export function peekSequence(db: WritableDb, name: string): number {
  const next = db.prepare(`SELECT next_value FROM sequences WHERE name = ?`).pluck().get(name) as number | undefined;
  return next ?? 1;
}
