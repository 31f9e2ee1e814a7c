// What the operator reads when WispDesk cannot start: each cause from the real error that causes it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { SecretKeyError } from '../../../src-main/secrets/secretKeyError';
import { describeStartupFailure } from '../../../src-main/shell/startupFailure';
import { tempDir } from '../helpers';

/** Starts the real back end on the folder and returns what it threw. */
function failureOn(dataDir: string) {
  let error: unknown;
  try {
    createApp({ dataDir, host: 'browser' }).close();
  } catch (caught) {
    error = caught;
  }
  expect(error, 'the back end was expected to refuse to start').toBeDefined();
  const databaseFile = join(dataDir, DATABASE_FILE);
  return {
    error,
    databaseFile,
    failure: describeStartupFailure(error, { databaseFile, logFile: '/logs/wispdesk.log' }),
  };
}

function startedOnce(): string {
  const dir = tempDir();
  createApp({ dataDir: dir, host: 'browser' }).close();
  return dir;
}

function sql(dir: string, statements: string): void {
  const db = new Database(join(dir, DATABASE_FILE));
  db.exec(statements);
  db.close();
}

describe('describeStartupFailure', () => {
  it('a database from a newer WispDesk: install the newer WispDesk', () => {
    const dir = startedOnce();
    sql(dir, `INSERT INTO schema_migrations VALUES ('9999_future', 'x', '2030-01-01T00:00:00Z')`);
    const { failure, databaseFile } = failureOn(dir);
    expect(failure.cause).toBe('newer_database');
    expect(failure.message).toContain(databaseFile);
    expect(failure.message).toMatch(/Install the newer WispDesk/);
  });

  it('an applied migration that was edited: restore a backup', () => {
    const dir = startedOnce();
    sql(dir, `UPDATE schema_migrations SET hash = 'edited' WHERE name = (SELECT min(name) FROM schema_migrations)`);
    const { failure, databaseFile } = failureOn(dir);
    expect(failure.cause).toBe('edited_migration');
    expect(failure.message).toContain(databaseFile);
    expect(failure.message).toMatch(/Restore a backup/);
  });

  it('a database another program holds locked: close that program', () => {
    const dir = startedOnce();
    const other = new Database(join(dir, DATABASE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const { failure, databaseFile } = failureOn(dir);
      expect(failure.cause).toBe('locked_database');
      expect(failure.message).toContain(databaseFile);
      expect(failure.message).toMatch(/Close that program/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a file that is not a database: restore a backup', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is a spreadsheet, not a database'.repeat(200));
    const { failure } = failureOn(dir);
    expect(failure.cause).toBe('damaged_database');
    expect(failure.message).toMatch(/Restore a backup/);
  });

  it('a missing or wrong key: put back the secret.key of this database, named with its full path', () => {
    const keyFile = '/home/office/.config/wispdesk/secret.key';
    const places = { databaseFile: '/home/office/.config/wispdesk/wispdesk.sqlite' };
    const missing = describeStartupFailure(new SecretKeyError('missing', keyFile, 'missing'), places);
    expect(missing.cause).toBe('key_missing');
    expect(missing.message).toContain(keyFile);
    expect(missing.message).toMatch(/Put back the secret\.key that belongs to this database/);
    const wrong = describeStartupFailure(new SecretKeyError('wrong', keyFile, 'wrong'), places);
    expect(wrong.cause).toBe('key_wrong');
    expect(wrong.message).toContain(keyFile);
    expect(wrong.message).toMatch(/Put back the secret\.key that belongs to this database/);
    const locked = describeStartupFailure(new SecretKeyError('locked', keyFile, 'locked'), places);
    expect(locked.cause).toBe('key_locked');
    expect(locked.message).toContain(keyFile);
  });

  it('anything else: what went wrong and where the log is', () => {
    const failure = describeStartupFailure(new Error('disk on fire'), {
      databaseFile: '/data/wispdesk.sqlite',
      logFile: '/logs/wispdesk.log',
    });
    expect(failure).toMatchObject({ cause: 'unknown', title: 'WispDesk could not start' });
    expect(failure.message).toContain('disk on fire');
    expect(failure.message).toContain('/logs/wispdesk.log');
    expect(describeStartupFailure('a thrown string', { databaseFile: '/d' }).message).toContain('a thrown string');
  });
});
