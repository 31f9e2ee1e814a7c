import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { translateDatabaseError } from '../../../src-main/db/constraints';
import { Registry } from '../../../src-main/rpc/registry';

/** A real SqliteError from FTS5's query parser, as a MATCH with bad syntax throws it. */
function ftsError(match: string): unknown {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE VIRTUAL TABLE t USING fts5(x)');
    db.prepare('SELECT * FROM t WHERE t MATCH ?').all(match);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error(`MATCH ${match} did not fail`);
}

describe('translateDatabaseError: full-text search syntax', () => {
  it.each(['NEAR(', '"unterminated', '*', 'a NEAR/2 b'])(
    'a MATCH of %j that SQLite refuses is a validation error about the search text',
    async (match) => {
      const error = ftsError(match);
      expect(error).toHaveProperty('name', 'SqliteError');
      const log = vi.fn();
      const registry = new Registry({ log, translateError: translateDatabaseError });
      registry.register('customers.search', () => {
        throw error;
      });
      const result = await registry.invoke('customers.search', { query: 'abc' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringMatching(/search text could not be used/) },
      });
      expect(log).not.toHaveBeenCalled();
    },
  );

  it('leaves other SQLite errors alone', () => {
    const db = new Database(':memory:');
    try {
      db.exec('SELECT * FROM no_such_table');
    } catch (error) {
      expect(translateDatabaseError(error)).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
