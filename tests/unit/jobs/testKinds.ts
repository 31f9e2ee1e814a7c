// Job kinds that only tests run: each throws one kind of error, reports progress, or holds the
// write lock until the test lets go. The test worker (testWorker.ts) knows them too.
import { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import { assertMinor } from '../../../src-shared/money';
import type { App, Services } from '../../../src-main/app';
import type { DbHandle } from '../../../src-main/db/connection';
import type { JobKinds } from '../../../src-main/jobs/runner';

/** Test kinds reach SQLite directly, to raise its own errors. */
export type TestServices = Services & { db: DbHandle };
export const testServices = (app: Pick<App, 'services' | 'db'>): TestServices => ({ ...app.services, db: app.db });
const dbOf = (services: Services) => (services as TestServices).db;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const TEST_KINDS = {
  'test.zod': () => z.strictObject({ name: z.string() }).parse({ name: 7 }),
  'test.money': () => assertMinor(12.5),
  'test.appError': () => {
    throw new AppError('not_found', 'There is no plan with id 99', { field: 'planId' });
  },
  'test.crash': () => {
    throw new TypeError('cannot read properties of undefined (reading "rows")');
  },
  /** A UNIQUE index SQLite enforces itself: a second plan with the first one's name, in raw SQL. */
  'test.uniqueIndex': (services) =>
    dbOf(services)
      .sqlite.transaction(() => {
        const { sqlite } = dbOf(services);
        sqlite.exec(`INSERT INTO plans (name, download_kbps, upload_kbps, price_minor, billing_period, tax_rate_bps,
          routeros_profile, description, status, created_at, updated_at)
          VALUES ('Home 20', 20000, 10000, 49900, 'monthly', 1800, 'home-20', '', 'active', 'now', 'now')`);
        sqlite.exec(`INSERT INTO plans (name, download_kbps, upload_kbps, price_minor, billing_period, tax_rate_bps,
          routeros_profile, description, status, created_at, updated_at)
          SELECT upper(name), download_kbps, upload_kbps, price_minor, billing_period, tax_rate_bps,
          routeros_profile, description, status, created_at, updated_at FROM plans`);
      })
      .immediate(),
  /** Reports `steps` steps, `pauseMs` apart, and returns what it did. */
  'test.progress': async (_services, { steps, pauseMs }: { steps: number; pauseMs: number }, reportProgress) => {
    for (let done = 1; done <= steps; done++) {
      reportProgress(done, steps);
      if (pauseMs) await sleep(pauseMs);
    }
    return { steps };
  },
  /** Holds the write lock until the test sets gate[0] to 1 (worker only: it blocks its thread). */
  'test.holdWriteLock': (services, { gate }: { gate: SharedArrayBuffer }, reportProgress) =>
    dbOf(services)
      .sqlite.transaction(() => {
        reportProgress(1, 2);
        Atomics.wait(new Int32Array(gate), 0, 0, 30_000);
        reportProgress(2, 2);
        return { held: true };
      })
      .immediate(),
} satisfies JobKinds;
