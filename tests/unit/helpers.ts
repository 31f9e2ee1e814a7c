// Shared test fixtures: every test gets its own data dir with a real SQLite file,
// and calls the real handlers through the registry, the same path the UI uses.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { createApp, type App } from '../../src-main/app';
import type { Channel, CustomerInput, Input, Output, PlanInput } from '../../src-shared/contract';
import type { RpcErrorData } from '../../src-shared/errors';

const cleanups: (() => void | Promise<void>)[] = [];

/** Runs after the current test, last registered first. */
export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'wispdesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type TestApp = App & { dataDir: string };

/** A real app on a fresh data dir, with outputs checked against the contract. */
export function freshApp(): TestApp {
  const dataDir = tempDir();
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true });
  onCleanup(() => app.close());
  return Object.assign(app, { dataDir });
}

/** Calls a channel and returns its value; fails the test with the error if it was refused. */
export async function call<C extends Channel>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await app.registry.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as Output<C>;
}

/** Calls a channel that must be refused and returns the error. Input is unknown: tests send junk. */
export async function refused(app: App, channel: string, input: unknown): Promise<RpcErrorData> {
  const result = await app.registry.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The paths of the validation issues, joined with dots ("phones.0", "staticIp"). */
export function issuePaths(error: RpcErrorData): string[] {
  return (error.details?.issues ?? []).map((i) => i.path.join('.'));
}

export function expectValidation(error: RpcErrorData, path: string): void {
  expect(error.code).toBe('validation');
  expect(issuePaths(error)).toContain(path);
}

export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    name: 'Home 20',
    downloadKbps: 20_480,
    uploadKbps: 10_240,
    priceMinor: 49_900,
    ...overrides,
  };
}

let counter = 0;
/** A valid PPPoE customer with a unique username unless one is given. */
export function customerInput(overrides: Partial<CustomerInput> = {}): CustomerInput {
  counter += 1;
  return {
    name: 'Rahul Patil',
    phones: ['+91 98450 12345'],
    connectionType: 'pppoe',
    pppoeUsername: `user${counter}`,
    pppoePassword: 'secret-pw',
    ...overrides,
  };
}

export async function createPlan(app: App, overrides: Partial<PlanInput> = {}) {
  return call(app, 'plans.create', planInput(overrides));
}

export async function createCustomer(app: App, overrides: Partial<CustomerInput> = {}) {
  return call(app, 'customers.create', customerInput(overrides));
}

export function customerCount(app: App): number {
  return (app.db.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
}

export function planCount(app: App): number {
  return (app.db.sqlite.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
}

/**
 * A checksum of every row of every real table (FTS shadow tables included), order-independent:
 * equal before and after means nothing was written. `except` leaves tables out (and their
 * AUTOINCREMENT counters), e.g. `jobs`, where a refused import is rightly recorded as a failed job.
 */
export function databaseChecksum(sqlite: BetterSqlite3.Database, { except = [] as string[] } = {}): string {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables.filter((t) => !except.includes(t.name))) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all()
      // A left-out table's AUTOINCREMENT counter is left out with it.
      .filter((row) => name !== 'sqlite_sequence' || !except.includes(String((row as unknown[])[0])))
      .map((row) => JSON.stringify(row))
      .sort();
    hash.update(`${name}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}
