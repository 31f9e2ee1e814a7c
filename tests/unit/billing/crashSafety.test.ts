// Power cuts and kills during billing: a real child process on a real file, killed with SIGKILL
// at random moments during a 5,000-customer run (and during credit notes and plan changes).
// After each kill the file must be whole, every document complete, every number sequence
// gapless, and finishing the work must bill each due customer and period exactly once.
// CRASH_SEED=<n> replays the kill delays of a failed run (the seed is printed).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../../src-main/demo/demoIsp';
import { call, onCleanup, tempDir } from '../helpers';
import { COMPANY } from './billingApp';

const ROOT = resolve(__dirname, '../../..');
const CUSTOMERS = 5_000;
// About 50 kills in all.
const FIRST_RUN = '2026-06-01';
const SECOND_RUN = '2026-07-01';
const SCALE = Number(process.env.CRASH_KILL_SCALE ?? 1); // e.g. 0.2 for a quick look
const KILLS = {
  firstRun: Math.ceil(36 * SCALE),
  secondRun: Math.ceil(12 * SCALE),
  creditNotes: Math.ceil(3 * SCALE),
  changePlans: Math.ceil(3 * SCALE),
};

type Action = 'run' | 'creditNotes' | 'changePlans';

/** Bundles the child script like the app's own build (dependencies from node_modules). */
async function buildChild(): Promise<string> {
  const outDir = tempDir('wispdesk-crash-child-');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, 'tests/unit/billing/crashSafetyChild.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'crashSafetyChild.cjs' } },
    },
  });
  return join(outDir, 'crashSafetyChild.cjs');
}

/** A data dir with the company, the demo plans and 5,000 customers who start billing on FIRST_RUN. */
async function buildOffice(): Promise<string> {
  const dataDir = tempDir('wispdesk-crash-base-');
  const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${FIRST_RUN}T06:30:00Z`) });
  try {
    await call(app, 'settings.save', COMPANY);
    const planIds = DEMO_PLANS.map((p) => app.services.plans.create(p).id);
    const customers = demoCustomers(CUSTOMERS, planIds, seededRandom(5_000)).map((c) => ({
      ...c,
      billingStartOn: FIRST_RUN,
    }));
    app.services.customers.createMany(customers, undefined, 'import');
  } finally {
    app.close();
  }
  return dataDir;
}

/** A copy of a (closed) data dir to kill a child in. */
function copyOf(dataDir: string): string {
  const copy = tempDir('wispdesk-crash-');
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

interface ChildOutcome {
  killed: boolean;
  /** From "ready" to the end (done, or the kill). */
  ms: number;
}

interface StartedChild {
  /** Tells the child to start, and kills it `killAfterMs` later (null: lets it finish). */
  go(killAfterMs: number | null): Promise<ChildOutcome>;
}

/** Starts the child and waits until it has opened the app and waits for "go". */
function startChild(script: string, dataDir: string, today: string, action: Action): Promise<StartedChild> {
  return new Promise<StartedChild>((resolveReady, reject) => {
    const child = spawn(process.execPath, [script, dataDir, today, action], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onCleanup(() => void child.kill('SIGKILL')); // one started ahead when a check failed
    let out = '';
    let err = '';
    let ready = false;
    let exited: ((outcome: ChildOutcome) => void) | null = null;
    let failed: ((error: Error) => void) | null = null;
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!ready && out.includes('ready\n')) {
        ready = true;
        resolveReady({
          go: (killAfterMs) =>
            new Promise<ChildOutcome>((resolveOutcome, rejectOutcome) => {
              exited = resolveOutcome;
              failed = rejectOutcome;
              startedAt = performance.now();
              child.stdin.write('go\n');
              if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
            }),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.on('error', () => {}); // a killed child's pipe
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - startedAt;
      if (exited && signal === 'SIGKILL') exited({ killed: true, ms });
      else if (exited && code === 0 && out.includes('done ')) exited({ killed: false, ms });
      else {
        const error = new Error(`The child failed (${code ?? signal}): ${err || out}`);
        if (failed) failed(error);
        else reject(error);
      }
    });
  });
}

const file = (dataDir: string) => join(dataDir, DATABASE_FILE);

/** Every row of the documents and their lines up to an id: what a later crash must not touch. */
function ledgerHash(db: Database.Database, upToId = Number.MAX_SAFE_INTEGER): string {
  const hash = createHash('sha256');
  for (const r of db.prepare(`SELECT * FROM invoices WHERE id <= ? ORDER BY id`).iterate(upToId))
    hash.update(JSON.stringify(r));
  for (const r of db.prepare(`SELECT * FROM invoice_lines WHERE invoice_id <= ? ORDER BY id`).iterate(upToId))
    hash.update(JSON.stringify(r));
  return hash.digest('hex');
}

interface Snapshot {
  invoices: number;
  creditNotes: number;
  maxId: number;
}

/** The invariants a crash must never break; returns what the file holds. */
function checkInvariants(dataDir: string, context: string): Snapshot {
  const db = new Database(file(dataDir));
  try {
    const q = <T>(sql: string) => db.prepare(sql).all() as T[];
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    expect(q(`PRAGMA foreign_key_check`), context).toEqual([]);
    expect(
      n(`SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)`),
      `${context}: documents without lines`,
    ).toBe(0);
    expect(
      n(`SELECT count(*) FROM invoice_lines l WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = l.invoice_id)`),
      `${context}: lines without their document`,
    ).toBe(0);
    // Per kind and financial year: seq 1..count, numbers unique, and no number taken unused.
    const series = q<{
      kind: string;
      fy: string;
      count: number;
      first: number;
      last: number;
      seqs: number;
      numbers: number;
      next: number | null;
    }>(
      `SELECT kind, fy, count(*) AS count, min(seq) AS first, max(seq) AS last, count(DISTINCT seq) AS seqs,
              count(DISTINCT number) AS numbers,
              (SELECT next_value FROM sequences s WHERE s.name = i.kind || ':' || i.fy) AS next
       FROM invoices i GROUP BY kind, fy`,
    );
    for (const s of series) {
      expect({ ...s, context }).toEqual({
        ...s,
        first: 1,
        last: s.count,
        seqs: s.count,
        numbers: s.count,
        next: s.count + 1,
        context,
      });
    }
    expect(
      q(`SELECT name FROM sequences WHERE name LIKE 'invoice:%' OR name LIKE 'credit_note:%'
         EXCEPT SELECT kind || ':' || fy FROM invoices`),
      `${context}: a number series taken with no document`,
    ).toEqual([]);
    expect(
      q(`SELECT customer_id, period_key, count(*) FROM invoices WHERE kind = 'invoice' AND period_key IS NOT NULL
         GROUP BY customer_id, period_key HAVING count(*) > 1`),
      `${context}: a period billed twice`,
    ).toEqual([]);
    expect(
      n(`SELECT count(*) FROM invoices i WHERE i.total_minor !=
           (SELECT sum(total_minor) FROM invoice_lines WHERE invoice_id = i.id) + i.round_off_minor`),
      `${context}: totals that are not their lines`,
    ).toBe(0);
    expect(
      n(`SELECT count(*) FROM invoices i WHERE i.kind = 'invoice' AND i.credited_minor !=
           (SELECT coalesce(sum(c.total_minor), 0) FROM invoices c WHERE c.kind = 'credit_note' AND c.invoice_id = i.id)`),
      `${context}: credited amounts that are not their credit notes`,
    ).toBe(0);
    return {
      invoices: n(`SELECT count(*) FROM invoices WHERE kind = 'invoice'`),
      creditNotes: n(`SELECT count(*) FROM invoices WHERE kind = 'credit_note'`),
      maxId: n(`SELECT coalesce(max(id), 0) FROM invoices`),
    };
  } finally {
    db.close();
  }
}

/** Finishes in-process what a run as of `asOf` would bill; returns each customer and period billed. */
function finishRun(dataDir: string, asOf: string): Map<string, number> {
  const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${asOf}T06:30:00Z`) });
  try {
    app.services.billing.run({ asOf, scope: { kind: 'all' } }, null, () => {});
  } finally {
    app.close();
  }
  return billedPeriods(dataDir);
}

function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file(dataDir), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Each customer and period a run billed, with the invoice's total. */
function billedPeriods(dataDir: string): Map<string, number> {
  const rows = withDb(
    dataDir,
    (db) =>
      db
        .prepare(
          `SELECT customer_id || ' ' || period_key AS key, total_minor AS total FROM invoices
           WHERE kind = 'invoice' AND period_key IS NOT NULL`,
        )
        .all() as { key: string; total: number }[],
  );
  return new Map(rows.map((r) => [r.key, r.total]));
}

/** What billing writes or reads back, in aggregate: equal fingerprints bill alike. */
function stateHash(dataDir: string): string {
  return withDb(dataDir, (db) =>
    JSON.stringify([
      db
        .prepare(
          `SELECT count(*), max(id), sum(total_minor), sum(credited_minor), group_concat(DISTINCT status) FROM invoices`,
        )
        .raw()
        .get(),
      db
        .prepare(`SELECT count(*), max(id), sum(total_minor), sum(coalesce(charge_id, 0)) FROM invoice_lines`)
        .raw()
        .get(),
      db.prepare(`SELECT name, next_value FROM sequences ORDER BY name`).raw().all(),
      db.prepare(`SELECT count(*), max(id), sum(coalesce(billed_invoice_id, 0)) FROM customer_charges`).raw().get(),
      db.prepare(`SELECT count(*), max(id) FROM customer_events`).raw().get(),
      db.prepare(`SELECT sum(plan_id * id), group_concat(DISTINCT status) FROM customers`).raw().get(),
    ]),
  );
}

function previewCount(dataDir: string, asOf: string): number {
  const copy = copyOf(dataDir);
  const app = createApp({ dataDir: copy, host: 'browser', clock: () => new Date(`${asOf}T06:30:00Z`) });
  try {
    return app.services.billing.preview({ asOf, scope: { kind: 'all' } }).invoiceCount;
  } finally {
    app.close();
  }
}

describe('billing survives SIGKILL', () => {
  it(
    `at random moments of a ${CUSTOMERS}-customer run, a second run, credit notes and plan changes`,
    { timeout: 400_000 },
    async () => {
      const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
      console.log(`crash safety: CRASH_SEED=${seed}`);
      const random = seededRandom(seed);
      const started = performance.now();
      const script = await buildChild();
      const office = await buildOffice();
      const due1 = previewCount(office, FIRST_RUN);
      expect(due1).toBeGreaterThan(3_000);

      // The first run left to finish in a child: its length and the reference result.
      const afterFirst = copyOf(office);
      const first = await (await startChild(script, afterFirst, FIRST_RUN, 'run')).go(null);
      const firstState = checkInvariants(afterFirst, 'first run finished');
      expect(firstState.invoices).toBe(due1);
      const reference1 = billedPeriods(afterFirst);
      expect(reference1.size).toBe(due1);
      const firstLedger = withDb(afterFirst, (db) => ledgerHash(db));
      const due2 = previewCount(afterFirst, SECOND_RUN);
      expect(due2).toBeGreaterThan(2_500);
      const reference2 = finishRun(copyOf(afterFirst), SECOND_RUN);
      expect(reference2.size).toBe(due1 + due2);
      console.log(`crash safety: ${due1} invoices in a ${first.ms.toFixed(0)} ms run; ${due2} in the second`);

      let kills = 0;
      let finished = 0;
      const tally: Record<string, number> = {};
      const sourceHashes = new Map<string, string>();
      const spent: Record<string, number> = {};
      const timed = <T>(what: string, fn: () => T): T => {
        const t = performance.now();
        try {
          return fn();
        } finally {
          spent[what] = (spent[what] ?? 0) + performance.now() - t;
        }
      };
      // Every attempt planned up front, so the next child opens the app while this one works.
      // A run's length as measured; shortened to any run seen finishing sooner (a machine less
      // busy than at the measurement), so the kills fall within runs.
      let typical = first.ms;
      type Planned = { source: string; today: string; action: Action; maxDelay: number | null; label: string };
      const firstRunAttempt: Planned = {
        source: office,
        today: FIRST_RUN,
        action: 'run',
        maxDelay: null,
        label: 'first run',
      };
      const planned: Planned[] = [
        ...Array.from({ length: KILLS.firstRun }, () => firstRunAttempt),
        ...Array.from({ length: KILLS.secondRun }, () => ({
          source: afterFirst,
          today: SECOND_RUN,
          action: 'run' as const,
          maxDelay: null,
          label: 'second run',
        })),
        ...(['creditNotes', 'changePlans'] as const).flatMap((action) =>
          Array.from({ length: KILLS[action] }, () => ({
            source: afterFirst,
            today: SECOND_RUN,
            action,
            maxDelay: 1_500,
            label: action,
          })),
        ),
      ];
      const prepare = (p: Planned) => {
        const dataDir = timed('copy', () => copyOf(p.source));
        return { ...p, dataDir, child: startChild(script, dataDir, p.today, p.action) };
      };
      let upcoming: ReturnType<typeof prepare> | null = prepare(planned[0]!);
      let attempted = 0;
      const attempt = async () => {
        const current = upcoming!;
        const child = await current.child;
        attempted++;
        upcoming = attempted < planned.length ? prepare(planned[attempted]!) : null;
        const delay = Math.floor(random() * (current.maxDelay ?? typical));
        const t = performance.now();
        const outcome = await child.go(delay);
        spent.child = (spent.child ?? 0) + performance.now() - t;
        if (!outcome.killed && current.action === 'run') typical = Math.min(typical, outcome.ms);
        const { dataDir, source, label } = current;
        const context = `${label}, killed ${delay} ms after go (CRASH_SEED=${seed})`;
        const state = timed('check', () => checkInvariants(dataDir, context));
        const sourceHash = sourceHashes.get(source) ?? stateHash(source);
        sourceHashes.set(source, sourceHash);
        const sameAsSource = timed('hash', () => stateHash(dataDir) === sourceHash);
        if (outcome.killed) kills++;
        const key = `${label} ${outcome.killed ? (sameAsSource ? 'killed, nothing left' : 'killed, some committed') : 'finished first'}`;
        tally[key] = (tally[key] ?? 0) + 1;
        if (process.env.CRASH_VERBOSE)
          console.log(key, delay, JSON.stringify(spent), Math.round(performance.now() - started));
        return { dataDir, state, killed: outcome.killed, sameAsSource, context };
      };
      /**
       * Finishes the run in-process and compares with the reference. A kill that left the
       * file's billing state as it was before the child started (same counts, ids, sums and
       * number series) finishes like the
       * reference did: a few are finished all the same, to show it.
       */
      const unchangedFinished = new Map<Map<string, number>, number>();
      const finish = (
        outcome: { dataDir: string; sameAsSource: boolean; context: string },
        asOf: string,
        reference: Map<string, number>,
      ) => {
        const n = unchangedFinished.get(reference) ?? 0;
        if (outcome.sameAsSource && n >= 2) return;
        if (outcome.sameAsSource) unchangedFinished.set(reference, n + 1);
        expect(
          timed('finish', () => finishRun(outcome.dataDir, asOf)),
          outcome.context,
        ).toEqual(reference);
        finished++;
      };

      // 1. During the first run: one transaction, so all of it or nothing.
      for (let i = 0; i < KILLS.firstRun; i++) {
        const outcome = await attempt();
        expect([0, due1], outcome.context).toContain(outcome.state.invoices);
        finish(outcome, FIRST_RUN, reference1);
      }

      // 2. During a second run, after the first committed: the first run's documents untouched.
      for (let i = 0; i < KILLS.secondRun; i++) {
        const outcome = await attempt();
        expect([due1, due1 + due2], outcome.context).toContain(outcome.state.invoices);
        const db = new Database(file(outcome.dataDir), { readonly: true });
        try {
          expect(ledgerHash(db, firstState.maxId), outcome.context).toBe(firstLedger);
        } finally {
          db.close();
        }
        finish(outcome, SECOND_RUN, reference2);
      }

      // 3. During credit notes and plan changes, one committed transaction each: the run after
      // them still bills every due period once (plan changes move amounts, not periods).
      for (const action of ['creditNotes', 'changePlans'] as const) {
        for (let i = 0; i < KILLS[action]; i++) {
          const outcome = await attempt();
          expect(outcome.state.invoices, outcome.context).toBeGreaterThanOrEqual(due1);
          const billed = timed('finish', () => finishRun(outcome.dataDir, SECOND_RUN));
          expect([...billed.keys()].sort(), outcome.context).toEqual([...reference2.keys()].sort());
          checkInvariants(outcome.dataDir, `${outcome.context}, then finished`);
          finished++;
        }
      }

      // Runs that finished before their kill are made up for with more kills of the first run.
      for (let extra = 0; kills < Math.floor(50 * SCALE) && extra < 20; extra++) {
        upcoming = prepare(firstRunAttempt);
        planned.push(firstRunAttempt);
        const outcome = await attempt();
        expect([0, due1], outcome.context).toContain(outcome.state.invoices);
      }

      console.log(
        `crash safety: ${kills} kills, ${finished} finished after a kill, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        tally,
        Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round(v)])),
      );
      expect(kills).toBeGreaterThanOrEqual(Math.floor(50 * SCALE));
    },
  );
});
