// Power cuts and kills during a statement import: a real child process on a real file, killed
// with SIGKILL at random moments while it records a 3,000-row bank statement. After each kill the
// file must be whole, every payment complete (its allocations and its statement row), receipts
// gapless, and importing the statement again must record every row exactly once.
// CRASH_SEED=<n> replays the kill delays of a failed run (the seed is printed).
import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../../src-main/demo/demoIsp';
import type { Input, StatementMapping } from '../../../src-shared/contract';
import { call, onCleanup, tempDir } from '../helpers';
import { COMPANY } from '../billing/billingApp';

const ROOT = resolve(__dirname, '../../..');
const TODAY = '2026-11-20';
const CUSTOMERS = 1_000;
const ROWS = Number(process.env.CRASH_ROWS ?? 3_000);
const SCALE = Number(process.env.CRASH_KILL_SCALE ?? 1); // e.g. 0.2 for a quick look
const KILLS = Math.ceil(50 * SCALE);
/** Most kills within this long after go. */
const SHORT_KILL_MS = 1_500;
/** Kills that left nothing after which the whole statement is imported again in-process. */
const REIMPORT_AFTER_NOTHING = 2;
const MAPPING: StatementMapping = {
  date: 'Date',
  credit: 'Deposit',
  debit: 'Withdrawal',
  reference: 'Ref',
  narration: 'Narration',
  skipLines: 2,
};

/** Bundles the child script like the app's own build (dependencies from node_modules). */
async function buildChild(): Promise<string> {
  const outDir = tempDir('wispdesk-import-crash-child-');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, 'tests/unit/payments/statementImportCrashChild.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'statementImportCrashChild.cjs' } },
    },
  });
  return join(outDir, 'statementImportCrashChild.cjs');
}

const openApp = (dataDir: string) =>
  createApp({ dataDir, host: 'browser', clock: () => new Date(`${TODAY}T06:30:00Z`) });

/**
 * A data dir with 1,000 customers each owing two ₹399–₹999 invoices (October and November), and
 * a 3,000-row statement of their part payments (three each, by account number in the narration,
 * never more than they owe) with a few debits; the commit input confirming every match.
 */
async function buildOffice(): Promise<{ dataDir: string; inputFile: string; input: Input<'payments.importCommit'> }> {
  const dataDir = tempDir('wispdesk-import-crash-base-');
  let now = new Date('2026-10-01T06:30:00Z');
  const app = createApp({ dataDir, host: 'browser', clock: () => now });
  let input: Input<'payments.importCommit'>;
  try {
    await call(app, 'settings.save', COMPANY);
    const planIds = DEMO_PLANS.slice(0, 5).map((p) => app.services.plans.create({ ...p, taxRateBps: 0 }).id);
    const customers = demoCustomers(CUSTOMERS, planIds, seededRandom(3_000)).map((c) => ({
      ...c,
      status: 'active' as const,
      billingStartOn: '2026-10-01',
    }));
    app.services.customers.createMany(customers, undefined, 'import');
    app.services.billing.run({ asOf: '2026-10-01', scope: { kind: 'all' } }, null, () => {});
    app.services.billing.run({ asOf: '2026-11-01', scope: { kind: 'all' } }, null, () => {});
    const owing = app.db.sqlite
      .prepare(
        `SELECT c.account_no AS accountNo, b.balance_minor AS balance FROM customers c
         JOIN customer_balances b ON b.customer_id = c.id WHERE b.balance_minor > 0 ORDER BY c.id`,
      )
      .all() as { accountNo: string; balance: number }[];
    expect(owing.length).toBe(CUSTOMERS);
    const random = seededRandom(42);
    const rows: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const c = owing[i % CUSTOMERS]!;
      const day = String(1 + Math.floor((i / ROWS) * 19)).padStart(2, '0');
      // Three payments a customer, together at most what they owe.
      const amount = Math.max(100, Math.floor((c.balance / 3 / 100) * random())) * 100;
      rows.push(
        `${day}/11/2026,UPI-CUSTOMER ${i}-PAY${i}@YBL-${6_300_000_00000 + i}-${c.accountNo},${6_300_000_00000 + i},,${(amount / 100).toFixed(2)}`,
      );
      if (i % 500 === 0) rows.push(`${day}/11/2026,NEFT DR-BACKHAUL-${i},,"15,000.00",`);
    }
    const text = ['Sahyadri Wireless - current account', '', 'Date,Narration,Ref,Withdrawal,Deposit', ...rows].join(
      '\r\n',
    );
    const file = { filename: 'november.csv', base64: Buffer.from(text).toString('base64') };
    now = new Date(`${TODAY}T06:30:00Z`);
    const preview = await call(app, 'payments.importPreview', { file, mapping: MAPPING });
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ credits: ROWS, matched: ROWS, unmatched: 0 });
    input = {
      file,
      mapping: MAPPING,
      saveAs: 'Crash Bank',
      decisions: preview.rows
        .filter((r) => r.state === 'new')
        .map((r) => ({
          action: 'record',
          key: r.key,
          customerId: r.match!.customerId,
          invoiceIds: r.match!.invoiceIds,
        })),
    };
  } finally {
    app.close();
  }
  const inputFile = join(tempDir('wispdesk-import-crash-input-'), 'commit.json');
  writeFileSync(inputFile, JSON.stringify(input));
  return { dataDir, inputFile, input };
}

function copyOf(dataDir: string): string {
  const copy = tempDir('wispdesk-import-crash-');
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

interface StartedChild {
  go(killAfterMs: number | null): Promise<{ killed: boolean; ms: number }>;
}

function startChild(script: string, dataDir: string, inputFile: string): Promise<StartedChild> {
  return new Promise<StartedChild>((resolveReady, reject) => {
    const child = spawn(process.execPath, [script, dataDir, TODAY, inputFile], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onCleanup(() => void child.kill('SIGKILL'));
    let out = '';
    let err = '';
    let ready = false;
    let exited: ((outcome: { killed: boolean; ms: number }) => void) | null = null;
    let failed: ((error: Error) => void) | null = null;
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!ready && out.includes('ready\n')) {
        ready = true;
        resolveReady({
          go: (killAfterMs) =>
            new Promise((resolveOutcome, rejectOutcome) => {
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
    child.stdin.on('error', () => {});
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

/** The invariants a kill must never break; returns how many rows the file holds as imported. */
function checkInvariants(dataDir: string, context: string): { payments: number; rows: number; imports: number } {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    expect(db.prepare('PRAGMA foreign_key_check').all(), context).toEqual([]);
    expect(
      n(`SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM statement_rows r WHERE r.payment_id = p.id)`),
      `${context}: payments without their statement row`,
    ).toBe(0);
    expect(
      n(`SELECT count(*) FROM payments p WHERE p.amount_minor !=
           (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.payment_id = p.id)`),
      `${context}: payments without all their allocations`,
    ).toBe(0);
    expect(
      n(`SELECT count(*) FROM invoices i WHERE i.paid_minor !=
           (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id)`),
      `${context}: invoices whose paid amount is not their allocations`,
    ).toBe(0);
    const receipts = db
      .prepare(
        `SELECT count(*) AS count, coalesce(min(seq), 1) AS first, coalesce(max(seq), 0) AS last,
                count(DISTINCT number) AS numbers,
                (SELECT next_value FROM sequences WHERE name = 'receipt:2026-27') AS next
         FROM payments WHERE kind = 'payment'`,
      )
      .get() as { count: number; first: number; last: number; numbers: number; next: number | null };
    expect({ ...receipts, context }).toEqual({
      count: receipts.count,
      first: 1,
      last: receipts.count,
      numbers: receipts.count,
      next: receipts.count === 0 ? null : receipts.count + 1,
      context,
    });
    return {
      payments: receipts.count,
      rows: n(`SELECT count(*) FROM statement_rows`),
      imports: n(`SELECT count(*) FROM statement_imports`),
    };
  } finally {
    db.close();
  }
}

describe('a statement import survives SIGKILL', () => {
  it(
    `at random moments of a ${ROWS}-row import, and importing again records each row once`,
    { timeout: 600_000 },
    async () => {
      const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
      console.log(`statement import crash safety: CRASH_SEED=${seed}`);
      const random = seededRandom(seed);
      const started = performance.now();
      const [script, office] = await Promise.all([buildChild(), buildOffice()]);
      const all = office.input.decisions.length;
      expect(all).toBe(ROWS);

      // The import left to finish: its length, and the whole of it.
      const reference = copyOf(office.dataDir);
      const first = await (await startChild(script, reference, office.inputFile)).go(null);
      expect(checkInvariants(reference, 'finished')).toEqual({ payments: ROWS, rows: ROWS, imports: 1 });
      console.log(`statement import crash safety: ${ROWS} rows recorded in ${first.ms.toFixed(0)} ms`);

      // Most kills fall in the first moments of the write (the transaction open, some rows in);
      // a few near its end, around the commit. A run's length is the shortest seen finishing.
      let typical = first.ms;
      const tally = { nothing: 0, all: 0, finished: 0 };
      let kills = 0;
      let reimported = 0;
      const prepare = () => {
        const dataDir = copyOf(office.dataDir);
        const child = startChild(script, dataDir, office.inputFile);
        child.catch(() => {}); // one still opening when the test ends is killed by the cleanup
        return { dataDir, child };
      };
      // Two children opening ahead, so loading the app is not what the test waits for.
      const upcoming = [prepare(), prepare()];
      for (let attempt = 0; kills < KILLS && attempt < KILLS + 20; attempt++) {
        const current = upcoming.shift()!;
        const child = await current.child;
        upcoming.push(prepare());
        const nearEnd = attempt % 20 === 19;
        const delay = Math.floor(
          nearEnd ? typical * (0.85 + 0.2 * random()) : random() * Math.min(typical, SHORT_KILL_MS),
        );
        const outcome = await child.go(delay);
        if (!outcome.killed) typical = Math.min(typical, outcome.ms);
        else kills++;
        const context = `killed ${delay} ms after go (CRASH_SEED=${seed})`;
        const state = checkInvariants(current.dataDir, context);
        // One transaction: all of it or nothing.
        expect([
          { payments: 0, rows: 0, imports: 0 },
          { payments: ROWS, rows: ROWS, imports: 1 },
        ]).toContainEqual(state);
        if (!outcome.killed) tally.finished++;
        else if (state.payments === 0) tally.nothing++;
        else tally.all++;
        if (process.env.CRASH_VERBOSE) {
          console.log(attempt, delay, outcome, state.payments, Math.round(performance.now() - started));
        }

        // Importing the statement again: whenever it had all gone in (quick: nothing to record),
        // and after the first kills that left nothing (the whole import, in-process).
        if (state.payments > 0 || (outcome.killed && tally.nothing <= REIMPORT_AFTER_NOTHING)) {
          const app = openApp(current.dataDir);
          try {
            const result = await call(app, 'payments.importCommit', office.input);
            expect(result.recorded + result.alreadyIn, context).toBe(ROWS);
            expect(result.recorded, context).toBe(state.payments === 0 ? ROWS : 0);
          } finally {
            app.close();
          }
          expect(checkInvariants(current.dataDir, `${context}, imported again`)).toMatchObject({
            payments: ROWS,
            rows: ROWS,
          });
          const db = new Database(join(current.dataDir, DATABASE_FILE), { readonly: true });
          try {
            expect(
              db.prepare(`SELECT count(DISTINCT row_key) FROM statement_rows WHERE action = 'recorded'`).pluck().get(),
            ).toBe(ROWS);
          } finally {
            db.close();
          }
          reimported++;
        }
      }
      console.log(
        `statement import crash safety: ${kills} kills, ${reimported} imported again, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        tally,
      );
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      expect(reimported).toBeGreaterThan(0);
    },
  );
});
