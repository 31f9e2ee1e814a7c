// Power cuts at the counter: a real child process posts payments (with their allocations and
// receipt numbers), reversals, refunds and recharges on one real file and is killed with SIGKILL
// at random moments, again and again on the same file. After each kill the file must be whole:
// no payment without its number or with half its allocations, no gap in receipts, every kept
// balance the sum of the documents. CRASH_SEED=<n> replays a failed run (the seed is printed).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { BALANCES_FROM_DOCUMENTS } from '../../../src-main/db/ledger';
import { documentNumber } from '../../../src-shared/contract';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../../src-main/demo/demoIsp';
import { call, onCleanup, tempDir } from '../helpers';
import { COMPANY } from '../billing/billingApp';

const ROOT = resolve(__dirname, '../../..');
const CUSTOMERS = 300;
const PREPAID = 15;
const TODAY = '2026-11-20';
const KILLS = Math.ceil(55 * Number(process.env.CRASH_KILL_SCALE ?? 1));

async function buildChild(): Promise<string> {
  const outDir = tempDir('wispdesk-pcrash-child-');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, 'tests/unit/payments/crashSafetyChild.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'crashSafetyChild.cjs' } },
    },
  });
  return join(outDir, 'crashSafetyChild.cjs');
}

/** The company, the demo plans, 300 customers billed since August, a few of them prepaid. */
async function buildOffice(): Promise<string> {
  const dataDir = tempDir('wispdesk-pcrash-');
  let now = new Date('2026-11-01T06:30:00Z');
  const app = createApp({ dataDir, host: 'browser', clock: () => now });
  try {
    await call(app, 'settings.save', { ...COMPANY, bouncedChequeChargeMinor: 25_000 });
    const planIds = DEMO_PLANS.map((p) => app.services.plans.create(p).id);
    const customers = demoCustomers(CUSTOMERS, planIds, seededRandom(300)).map((c) => ({
      ...c,
      billingStartOn: '2026-08-01',
    }));
    const ids = app.services.customers.createMany(customers, undefined, 'import');
    app.services.billing.run({ asOf: '2026-11-01', scope: { kind: 'all' } }, null, () => {});
    now = new Date(`${TODAY}T06:30:00Z`);
    const active = app.db.sqlite
      .prepare(`SELECT id FROM customers WHERE status = 'active' AND plan_id IS NOT NULL ORDER BY id DESC LIMIT ?`)
      .pluck()
      .all(PREPAID) as number[];
    for (const id of active) app.services.payments.setBillingMode(id, 'prepaid');
    expect(ids.length).toBe(CUSTOMERS);
  } finally {
    app.close();
  }
  return dataDir;
}

interface StartedChild {
  go(killAfterMs: number): Promise<{ killed: boolean }>;
}

function startChild(script: string, dataDir: string, seed: number): Promise<StartedChild> {
  return new Promise<StartedChild>((resolveReady, reject) => {
    const child = spawn(process.execPath, [script, dataDir, TODAY, String(seed)], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onCleanup(() => void child.kill('SIGKILL'));
    let out = '';
    let err = '';
    let ready = false;
    let exited: ((outcome: { killed: boolean }) => void) | null = null;
    let failed: ((error: Error) => void) | null = null;
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
              child.stdin.write('go\n');
              timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
            }),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (exited && signal === 'SIGKILL') exited({ killed: true });
      else if (exited && code === 0 && out.includes('done ')) exited({ killed: false });
      else {
        const error = new Error(`The child failed (${code ?? signal}): ${err || out}`);
        if (failed) failed(error);
        else reject(error);
      }
    });
  });
}

interface Counts {
  payments: number;
  refunds: number;
  reversals: number;
  recharges: number;
  allocations: number;
}

/** Everything a kill must never leave half done; returns what the file holds. */
function checkInvariants(dataDir: string, context: string): Counts {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    const q = <T>(sql: string) => db.prepare(sql).all() as T[];
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    const none = (sql: string, what: string) => expect(q(sql), `${context}: ${what}`).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    expect(q(`PRAGMA foreign_key_check`), context).toEqual([]);
    for (const p of q<{ id: number; kind: string; number: string; fy: string; seq: number | null }>(
      `SELECT id, kind, number, fy, seq FROM payments`,
    )) {
      const expected =
        p.kind === 'payment'
          ? documentNumber('RCPT/{FY}/', p.fy, p.seq ?? 0, 5)
          : documentNumber('RFD/{FY}/', p.fy, p.seq ?? 0, 4);
      expect(p.number, `${context}: payment ${p.id} without its receipt number`).toBe(expected);
    }
    // Receipts and refunds, and invoices (recharges, bounced-cheque charges): 1..n per year, and
    // no number taken without its document.
    for (const [table, series] of [
      ['payments', `kind || ':' || fy`],
      ['invoices', `kind || ':' || fy`],
    ] as const) {
      const rows = q<{ name: string; count: number; first: number; last: number; seqs: number; next: number | null }>(
        `SELECT ${series.replace('kind', "CASE kind WHEN 'payment' THEN 'receipt' ELSE kind END")} AS name, count(*) AS count,
                min(seq) AS first, max(seq) AS last, count(DISTINCT seq) AS seqs,
                (SELECT next_value FROM sequences s WHERE s.name = ${series.replace('kind', "CASE kind WHEN 'payment' THEN 'receipt' ELSE kind END")}) AS next
         FROM ${table} GROUP BY name`,
      );
      for (const s of rows) {
        expect({ ...s, context }).toEqual({ ...s, first: 1, last: s.count, seqs: s.count, next: s.count + 1, context });
      }
    }
    none(
      `SELECT name FROM sequences WHERE name LIKE 'receipt:%' OR name LIKE 'refund:%'
       EXCEPT SELECT CASE kind WHEN 'payment' THEN 'receipt' ELSE kind END || ':' || fy FROM payments`,
      'a receipt series taken with no receipt',
    );
    none(
      `SELECT p.id, p.amount_minor, sum(a.amount_minor) AS net FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
       GROUP BY p.id HAVING net > p.amount_minor OR net < 0`,
      'a payment with more on invoices than it brought',
    );
    none(
      `SELECT i.id FROM invoices i
       WHERE i.paid_minor != (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id)
          OR i.paid_minor + i.credited_minor > i.total_minor OR i.paid_minor < 0`,
      'an invoice whose paid amount is not its allocations',
    );
    // What the child expected of each payment, written with it: all of its allocations or none.
    none(
      `SELECT p.id, p.note, p.amount_minor, coalesce(sum(a.amount_minor), 0) AS put FROM payments p
       LEFT JOIN payment_allocations a ON a.payment_id = p.id AND a.kind = 'payment'
       WHERE p.note LIKE 'oldest %' GROUP BY p.id
       HAVING put != min(p.amount_minor, CAST(substr(p.note, 8) AS INTEGER))`,
      'an oldest-first payment with part of its allocations',
    );
    none(
      `SELECT p.id, p.note, coalesce(sum(a.amount_minor), 0) AS put FROM payments p
       LEFT JOIN payment_allocations a ON a.payment_id = p.id AND a.kind = 'payment'
       WHERE p.note LIKE 'chosen %' GROUP BY p.id HAVING put != CAST(substr(p.note, 8) AS INTEGER)`,
      'a chosen allocation with part of its invoices',
    );
    none(
      `SELECT p.id FROM payments p JOIN payment_reversals r ON r.payment_id = p.id
       WHERE coalesce((SELECT sum(amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) != 0`,
      'a reversed payment still on an invoice',
    );
    none(
      `SELECT r.payment_id FROM payment_reversals r WHERE r.reason = 'Cheque bounced' AND r.charge_invoice_id IS NULL`,
      'a bounced cheque without its charge',
    );
    none(
      `SELECT i.id FROM invoices i WHERE i.source = 'recharge' AND i.status != 'paid'
       AND NOT EXISTS (SELECT 1 FROM payment_allocations a WHERE a.invoice_id = i.id AND a.kind = 'reversal')`,
      'a recharge invoice without its payment',
    );
    none(
      `SELECT i.id FROM invoices i WHERE i.source = 'recharge'
       AND NOT EXISTS (SELECT 1 FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = i.id AND (p.source = 'recharge' OR a.kind = 'credit'))`,
      'a recharge invoice paid by no recharge',
    );
    none(
      `SELECT id FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)`,
      'an invoice without lines',
    );
    const kept = q<{ customer_id: number; balance_minor: number; credit_minor: number }>(
      `SELECT customer_id, balance_minor, credit_minor FROM customer_balances
       WHERE balance_minor != 0 OR credit_minor != 0 ORDER BY customer_id`,
    );
    const computed = q<{ customer_id: number; balance_minor: number; credit_minor: number }>(
      `SELECT * FROM (${BALANCES_FROM_DOCUMENTS}) WHERE balance_minor != 0 OR credit_minor != 0 ORDER BY customer_id`,
    );
    expect(kept, `${context}: kept balances are the documents' sums`).toEqual(computed);
    return {
      payments: n(`SELECT count(*) FROM payments WHERE kind = 'payment'`),
      refunds: n(`SELECT count(*) FROM payments WHERE kind = 'refund'`),
      reversals: n(`SELECT count(*) FROM payment_reversals`),
      recharges: n(`SELECT count(*) FROM payments WHERE source = 'recharge'`),
      allocations: n(`SELECT count(*) FROM payment_allocations`),
    };
  } finally {
    db.close();
  }
}

describe('payments survive SIGKILL', () => {
  it(`at random moments of posting at the counter, ${KILLS} times on one file`, { timeout: 300_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`payments crash safety: CRASH_SEED=${seed}`);
    const random = seededRandom(seed);
    const started = performance.now();
    const [script, dataDir] = await Promise.all([buildChild(), buildOffice()]);
    let last = checkInvariants(dataDir, 'before any kill');
    expect(last.payments).toBe(0);
    let kills = 0;
    let grew = 0;
    // The next child opens the app while this one works, so its start is not in the timing.
    let upcoming = startChild(script, dataDir, seed * 1000 + 1);
    for (let i = 0; i < KILLS; i++) {
      const child = await upcoming;
      upcoming = i + 1 < KILLS ? startChild(script, dataDir, seed * 1000 + i + 2) : Promise.resolve(null!);
      const delay = 20 + Math.floor(random() * 700);
      const outcome = await child.go(delay);
      if (outcome.killed) kills++;
      const context = `kill ${i + 1}, ${delay} ms after go (CRASH_SEED=${seed})`;
      const now = checkInvariants(dataDir, context);
      // Nothing is lost: what a kill left committed stays.
      for (const key of Object.keys(now) as (keyof Counts)[]) {
        expect(now[key], `${context}: ${key}`).toBeGreaterThanOrEqual(last[key]);
      }
      if (now.payments + now.refunds > last.payments + last.refunds) grew++;
      last = now;
    }
    // The file still works after all that: a payment takes the next receipt number.
    const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${TODAY}T06:30:00Z`) });
    try {
      const customerId = app.db.sqlite
        .prepare(`SELECT min(id) FROM customers WHERE status != 'archived'`)
        .pluck()
        .get() as number;
      const p = await call(app, 'payments.record', { customerId, amount: 10_000, method: 'cash' });
      expect(p.number).toBe(`RCPT/26-27/${String(last.payments + 1).padStart(5, '0')}`);
    } finally {
      app.close();
    }
    checkInvariants(dataDir, 'after a payment on the killed file');
    console.log(
      `payments crash safety: ${kills} kills (${grew} after new payments) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      last,
    );
    expect(kills).toBeGreaterThanOrEqual(Math.min(50, KILLS));
    expect(last.reversals).toBeGreaterThan(0);
    expect(last.refunds).toBeGreaterThan(0);
    expect(last.recharges).toBeGreaterThan(0);
  });
});
