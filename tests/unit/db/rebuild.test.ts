// Table rebuilds, the way drizzle-kit writes them (create __new_x, copy, drop, rename), on a
// database full of rows: the referencing rows survive, the references are checked, and the
// search index and its triggers come back as defined.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { CustomerReads } from '../../../src-main/customers/store';
import { openDatabase, openReadOnly } from '../../../src-main/db/connection';
import { bundledMigrations, MigrationError, type Migration } from '../../../src-main/db/migrate';
import { checkSearchIndex } from '../../../src-main/db/search';
import { call, createCustomer, createPlan, databaseChecksum, onCleanup, tempDir } from '../helpers';

const migration = (name: string, sql: string): Migration => ({
  name,
  sql,
  hash: createHash('sha256').update(sql).digest('hex'),
});

/** drizzle-kit's rebuild of `table`: same columns, new definition from `createSql`. */
function rebuild(table: string, createSql: string, indexes: string[]): string {
  return [
    'PRAGMA foreign_keys=OFF;',
    createSql,
    `INSERT INTO __new_${table} SELECT * FROM ${table};`,
    `DROP TABLE ${table};`,
    `ALTER TABLE __new_${table} RENAME TO ${table};`,
    'PRAGMA foreign_keys=ON;',
    ...indexes,
  ].join('\n--> statement-breakpoint\n');
}

/** The current CREATE TABLE of `table` as __new_<table>, with `extra` (a constraint) at its end, and its indexes. */
function createLike(dataDir: string, table: string, extra = ''): { create: string; indexes: string[] } {
  const handle = openDatabase(join(dataDir, DATABASE_FILE));
  const create = (handle.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string)
    .replace(new RegExp(`^CREATE TABLE [\`"]?${table}[\`"]?`), `CREATE TABLE __new_${table}`)
    .replaceAll(`"${table}".`, '')
    .replace(/\)\s*$/, `${extra})`);
  const indexes = handle.sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .pluck()
    .all(table) as string[];
  handle.close();
  return { create: `${create};`, indexes: indexes.map((s) => `${s};`) };
}

async function fullOffice(dataDir: string) {
  const app = createApp({ dataDir, host: 'browser' });
  const home = await createPlan(app, { name: 'Home 20' });
  const biz = await createPlan(app, { name: 'Business 50', priceMinor: 149_900 });
  for (let i = 0; i < 120; i++) {
    await createCustomer(app, { name: `Customer ${i}`, planId: i % 2 ? home.id : biz.id });
  }
  const zola = await createCustomer(app, { name: 'Émile Zola', planId: home.id });
  app.close();
  return { home, biz, zola };
}

function reopen(dataDir: string, extra: Migration[]) {
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true, migrations: [...bundledMigrations, ...extra] });
  onCleanup(() => app.close());
  return app;
}

describe('a migration that rebuilds a table', () => {
  it('rebuilds plans while 121 customers reference them: every row and reference survives', async () => {
    const dataDir = tempDir();
    const { home } = await fullOffice(dataDir);
    const { create, indexes } = createLike(
      dataDir,
      'plans',
      ', CONSTRAINT "plans_name_not_blank" CHECK(length(trim(name)) > 0)',
    );
    const app = reopen(dataDir, [migration('9000_rebuild_plans', rebuild('plans', create, indexes))]);

    expect(app.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(app.db.sqlite.pragma('foreign_key_check')).toEqual([]);
    const plans = await call(app, 'plans.list', {});
    expect(plans.map((p) => [p.name, p.customerCount]).sort()).toEqual([
      ['Business 50', 60],
      ['Home 20', 61],
    ]);
    // The rebuilt table still refuses a customer on a plan that does not exist.
    expect(() => app.db.sqlite.prepare('UPDATE customers SET plan_id = 999 WHERE plan_id = ?').run(home.id)).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('rebuilds customers: the search triggers come back and an edited customer is found by the new name', async () => {
    const dataDir = tempDir();
    const { zola } = await fullOffice(dataDir);
    const { create, indexes } = createLike(dataDir, 'customers');
    const app = reopen(dataDir, [migration('9001_rebuild_customers', rebuild('customers', create, indexes))]);

    const triggers = app.db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['customers_search_update', 'customers_search_delete']));
    expect(() => checkSearchIndex(app.db.sqlite)).not.toThrow();

    const edited = await call(app, 'customers.update', {
      id: zola.id,
      customer: { name: 'Émilie Zolanska', pppoeUsername: zola.pppoeUsername, phones: zola.phones },
    });
    const found = async (query: string) => (await call(app, 'customers.search', { query })).map((h) => h.id);
    expect(await found('Zolanska')).toEqual([edited.id]);
    expect(await found('Émile')).toEqual([]);
    expect(await found('Customer 119')).toContain(zola.id - 1);
    const list = await call(app, 'customers.list', { query: 'zolanska' });
    expect(list.records.map((r) => r.id)).toEqual([zola.id]);
    expect(() => checkSearchIndex(app.db.sqlite)).not.toThrow();
  });

  it('a rebuild that would leave customers on a plan that is gone changes nothing and says why', async () => {
    const dataDir = tempDir();
    await fullOffice(dataDir);
    const handle = openDatabase(join(dataDir, DATABASE_FILE));
    const before = databaseChecksum(handle.sqlite);
    handle.close();
    const { create, indexes } = createLike(dataDir, 'plans');
    const lossy = rebuild('plans', create, indexes).replace(
      'SELECT * FROM plans;',
      `SELECT * FROM plans WHERE name <> 'Home 20';`,
    );
    let thrown: unknown;
    try {
      reopen(dataDir, [migration('9002_lossy', lossy)]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MigrationError);
    expect((thrown as MigrationError).reason).toBe('broken_references');
    expect((thrown as Error).message).toMatch(/61 row\(s\) pointing nowhere.*nothing was changed/);
    const after = openDatabase(join(dataDir, DATABASE_FILE));
    onCleanup(() => after.close());
    expect(databaseChecksum(after.sqlite)).toBe(before);
  });
});

describe('search folds the same way on both sides', () => {
  it('finds Émile by émile, EMILE and emile, and Ünal by ünal', async () => {
    const dataDir = tempDir();
    const app = createApp({ dataDir, host: 'browser', checkOutputs: true });
    onCleanup(() => app.close());
    const emile = await createCustomer(app, { name: 'Émile Zola' });
    const unal = await createCustomer(app, { name: 'Ünal Öztürk' });
    const found = async (query: string) => (await call(app, 'customers.search', { query })).map((h) => h.id);
    for (const q of ['émile', 'Émile', 'EMILE', 'emile', 'mile zo', 'ÉM'])
      expect(await found(q), q).toEqual([emile.id]);
    for (const q of ['ünal', 'ÜNAL', 'unal', 'öztürk', 'ozturk', 'Ün']) expect(await found(q), q).toEqual([unal.id]);
    const list = await call(app, 'customers.list', { query: 'émile zola' });
    expect(list.records.map((r) => r.id)).toEqual([emile.id]);
  });
});

describe('read and write connections', () => {
  it('a read-only connection reads the customers but SQLite refuses a write through it', async () => {
    const dataDir = tempDir();
    await fullOffice(dataDir);
    const reader = openReadOnly(join(dataDir, DATABASE_FILE));
    onCleanup(() => {
      reader.close();
    });
    const reads = new CustomerReads(reader);
    expect(reads.count()).toBe(121);
    expect(reads.search('émile', 5).map((r) => r.name)).toEqual(['Émile Zola']);
    expect(() => reader.prepare(`UPDATE customers SET name = 'x'`).run()).toThrow(/readonly/);
  });
});
