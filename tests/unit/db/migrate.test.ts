import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { openDatabase, type WritableDb } from '../../../src-main/db/connection';
import { bundledMigrations, migrate, schemaVersion, type Migration } from '../../../src-main/db/migrate';
import { call, databaseChecksum, onCleanup, tempDir } from '../helpers';

function rawDb(file = join(tempDir(), DATABASE_FILE)): WritableDb {
  const sqlite = new Database(file) as WritableDb;
  onCleanup(() => {
    if (sqlite.open) sqlite.close();
  });
  return sqlite;
}

function tableNames(sqlite: Database.Database): string[] {
  return (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).sort();
}

function migration(name: string, sql: string): Migration {
  return { name, sql, hash: createHash('sha256').update(sql).digest('hex') };
}

/**
 * Migrations that may already be applied somewhere. Editing one makes every such database refuse
 * to start ("was edited after it was applied"): add a new migration instead, and pin it here.
 */
const SHIPPED: Record<string, string> = {
  '0000_init': 'a60a152e40d18caab3ad14582a2897550b017bfd9aad2d609eba1bd221dc322e',
};

describe('migrations', () => {
  it('no shipped migration has been edited', () => {
    for (const [name, hash] of Object.entries(SHIPPED)) {
      expect(bundledMigrations.find((m) => m.name === name)?.hash, name).toBe(hash);
    }
  });

  it('bundles the migrations in order, starting with 0000_init', () => {
    expect(bundledMigrations.length).toBeGreaterThanOrEqual(2);
    expect(bundledMigrations[0]!.name).toBe('0000_init');
    const names = bundledMigrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('a fresh database has every table and the durable pragmas', () => {
    const handle = openDatabase(join(tempDir(), DATABASE_FILE));
    onCleanup(() => handle.close());
    const { sqlite } = handle;
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining(['customers', 'plans', 'settings', 'sequences', 'schema_migrations', 'customer_search']),
    );
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(schemaVersion(sqlite)).toBe(bundledMigrations.at(-1)!.name);
    const applied = sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(applied).toEqual(bundledMigrations.map((m) => m.name));
  });

  it('applying twice is a no-op', () => {
    const file = join(tempDir(), DATABASE_FILE);
    openDatabase(file).close();
    const sqlite = rawDb(file);
    const before = databaseChecksum(sqlite);
    expect(migrate(sqlite)).toEqual([]);
    expect(databaseChecksum(sqlite)).toBe(before);
    sqlite.close();
    openDatabase(file).close();
  });

  it('refuses to start when an applied migration was edited', () => {
    const sqlite = rawDb();
    migrate(sqlite);
    const edited = bundledMigrations.map((m, i) =>
      i === 0 ? migration(m.name, `${m.sql}\nCREATE TABLE sneaky (id INTEGER);`) : m,
    );
    expect(() => migrate(sqlite, edited)).toThrow(/0000_init was edited/);
    expect(tableNames(sqlite)).not.toContain('sneaky');
  });

  it('refuses to start when the database has a migration this version does not know', () => {
    const file = join(tempDir(), DATABASE_FILE);
    openDatabase(file).close();
    const sqlite = rawDb(file);
    sqlite
      .prepare('INSERT INTO schema_migrations (name, hash, applied_at) VALUES (?, ?, ?)')
      .run('9999_from_the_future', 'abc', new Date().toISOString());
    sqlite.close();
    expect(() => openDatabase(file)).toThrow(/9999_from_the_future.*newer than the app/);
  });

  it('a migration that fails half-way leaves the database exactly as it was', () => {
    const sqlite = rawDb();
    migrate(sqlite, [migration('0000_a', 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);')]);
    const before = databaseChecksum(sqlite);
    const failing = [
      migration('0000_a', 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);'),
      migration('0001_b', 'CREATE TABLE b (id INTEGER); INSERT INTO a VALUES (2);'),
      migration('0002_c', 'CREATE TABLE c (id INTEGER); INSERT INTO a VALUES (3); THIS IS NOT SQL;'),
    ];
    expect(() => migrate(sqlite, failing)).toThrow();
    expect(databaseChecksum(sqlite)).toBe(before);
    expect(tableNames(sqlite)).not.toContain('b');
    expect(tableNames(sqlite)).not.toContain('c');
    expect(sqlite.prepare('SELECT id FROM a').pluck().all()).toEqual([1]);
    expect(sqlite.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['0000_a']);
  });

  it('upgrades a 0000_init database with real rows: rows intact and findable by the new search', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const old = new Database(file) as WritableDb;
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    expect(migrate(old, [bundledMigrations[0]!])).toEqual(['0000_init']);
    const now = '2025-01-15T10:00:00.000Z';
    old
      .prepare(
        `INSERT INTO plans (name, download_kbps, upload_kbps, price_minor, billing_period, tax_rate_bps, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'monthly', 1800, ?, ?, ?)`,
      )
      .run('Home 20', 20480, 10240, 49900, 'active', now, now);
    old
      .prepare(
        `INSERT INTO plans (name, download_kbps, upload_kbps, price_minor, billing_period, tax_rate_bps, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'quarterly', 1800, ?, ?, ?)`,
      )
      .run('Legacy 8', 8192, 2048, 35000, 'retired', now, now);
    const insertCustomer = old.prepare(
      `INSERT INTO customers (account_no, name, phones, status, status_changed_at, connection_type, pppoe_username,
         static_ip, plan_id, billing_day, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertCustomer.run(
      'WD-000001',
      'Sunita Kulkarni',
      '["+91 98450 12345"]',
      'active',
      now,
      'pppoe',
      'sunita.k',
      null,
      1,
      5,
      now,
      now,
    );
    insertCustomer.run(
      'WD-000002',
      'Imran Shaikh',
      '["+91 70123 99887","020-2553 0101"]',
      'archived',
      now,
      'static',
      null,
      '10.11.0.42',
      2,
      12,
      now,
      now,
    );
    old.prepare(`INSERT INTO sequences (name, next_value) VALUES ('account_no', 3)`).run();
    const rowsBefore = old.prepare('SELECT * FROM customers ORDER BY id').all();
    const plansBefore = old.prepare('SELECT * FROM plans ORDER BY id').all();
    old.close();

    const app = createApp({ dataDir, host: 'browser', checkOutputs: true });
    onCleanup(() => app.close());
    expect(schemaVersion(app.db.sqlite)).toBe(bundledMigrations.at(-1)!.name);
    // Every row keeps its values; migration 0002 adds columns, billing starts the day each was added;
    // 0003 writes the phones as E.164.
    expect(app.db.sqlite.prepare('SELECT * FROM customers ORDER BY id').all()).toEqual(
      rowsBefore.map((r) => expect.objectContaining({ ...(r as object), phones: expect.any(String) })),
    );
    expect(app.db.sqlite.prepare('SELECT phones FROM customers ORDER BY id').pluck().all()).toEqual([
      '["+919845012345"]',
      '["+917012399887","+912025530101"]',
    ]);
    expect(app.db.sqlite.prepare('SELECT billing_start_on FROM customers ORDER BY id').pluck().all()).toEqual([
      '2025-01-15',
      '2025-01-15',
    ]);
    expect(app.db.sqlite.prepare('SELECT * FROM plans ORDER BY id').all()).toEqual(plansBefore);

    const search = async (query: string) =>
      (await call(app, 'customers.search', { query })).map((h) => h.accountNo).sort();
    expect(await search('Kulkarni')).toEqual(['WD-000001']);
    expect(await search('nita kulk')).toEqual(['WD-000001']);
    expect(await search('50 123')).toEqual(['WD-000001']);
    expect(await search('sunita.k')).toEqual(['WD-000001']);
    expect(await search('WD-000002')).toEqual(['WD-000002']);
    expect(await search('10.11.0')).toEqual(['WD-000002']);
    expect(await search('25530101')).toEqual(['WD-000002']);
    expect(await search('Shaikh')).toEqual(['WD-000002']);

    // The list's text filter uses the same index.
    const list = await call(app, 'customers.list', { query: 'Imran', status: 'all' });
    expect(list.records.map((r) => r.accountNo)).toEqual(['WD-000002']);

    // And the old rows work through every handler.
    const sunita = await call(app, 'customers.get', { id: 1 });
    expect(sunita).toMatchObject({ planName: 'Home 20', phones: ['98450 12345'], hasPppoePassword: false });
    const plans = await call(app, 'plans.list', {});
    expect(plans.find((p) => p.name === 'Home 20')?.customerCount).toBe(1);
    expect(plans.find((p) => p.name === 'Legacy 8')?.customerCount).toBe(0);
    const next = await call(app, 'customers.create', {
      name: 'New After Upgrade',
      pppoeUsername: 'new.after',
    });
    expect(next.accountNo).toBe('WD-000003');
    expect(await search('New After')).toEqual(['WD-000003']);
  });
});
