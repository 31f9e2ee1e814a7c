// The process crashSafety.test.ts kills: opens the app on a data dir with a fixed "today",
// says "ready", and on "go" (a line on stdin) posts counter payments in a loop until killed:
// oldest first and chosen allocations, part and over payments, reversals (bounced cheques with
// their charge), refunds of credit and prepaid recharges, each one transaction through the
// registry, as the counter sends them. Each payment's note says what the child expected of it
// ("oldest <open total>", "chosen <sum>"), written in the same transaction, for the test to check.
// Usage: node crashSafetyChild.cjs <dataDir> <today> <seed>
import { createApp } from '../../../src-main/app';
import { seededRandom } from '../../../src-main/demo/demoIsp';

const [dataDir, today, seedText] = process.argv.slice(2) as [string, string, string];
const seed = Number(seedText);
const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${today}T06:30:00Z`) });
const db = app.db.sqlite;
const random = seededRandom(seed);
const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
const postpaid = db
  .prepare(`SELECT id FROM customers WHERE status != 'archived' AND billing_mode = 'postpaid' ORDER BY id`)
  .pluck()
  .all() as number[];
const prepaid = db
  .prepare(`SELECT id FROM customers WHERE status != 'archived' AND billing_mode = 'prepaid' ORDER BY id`)
  .pluck()
  .all() as number[];
const openInvoices = db.prepare(
  `SELECT id, total_minor - credited_minor - paid_minor AS outstanding FROM invoices
   WHERE customer_id = ? AND kind = 'invoice' AND status IN ('unpaid', 'partly_paid') ORDER BY issued_on, id`,
);
let n = 0;

async function invoke(channel: string, input: unknown): Promise<void> {
  const result = await app.registry.invoke(channel, input);
  // Refusals (a refund beyond credit picked at random) are expected; a crash of the code is not.
  if (!result.ok && result.error.code === 'internal') {
    process.stderr.write(`${channel} ${JSON.stringify(input)}: ${result.error.message}\n`);
    process.exit(1);
  }
}

function method(): { method: string; reference: string; chequeBank: string } {
  const m = pick(['cash', 'cash', 'upi', 'upi', 'cheque', 'bank'])!;
  const reference = m === 'cash' ? '' : `${m.toUpperCase()}${seed}X${n}`;
  return { method: m, reference, chequeBank: m === 'cheque' ? pick(['SBI', 'HDFC Bank', 'Bank of Maharashtra'])! : '' };
}

async function step(): Promise<void> {
  n++;
  const roll = random();
  if (roll < 0.55) {
    const customerId = pick(postpaid)!;
    const open = (openInvoices.all(customerId) as { outstanding: number }[]).reduce((s, i) => s + i.outstanding, 0);
    const how = random();
    const amount =
      open === 0 || how > 0.8
        ? open + 1_000 + Math.floor(random() * 60_000)
        : how > 0.5
          ? open
          : Math.max(1, Math.floor(open * (0.2 + random() * 0.7)));
    await invoke('payments.record', { customerId, amount, ...method(), note: `oldest ${open}` });
  } else if (roll < 0.75) {
    const customerId = pick(postpaid)!;
    const open = openInvoices.all(customerId) as { id: number; outstanding: number }[];
    if (open.length === 0) return;
    const chosen = open
      .filter(() => random() < 0.6)
      .slice(0, 3)
      .map((i) => ({ invoiceId: i.id, amount: Math.max(1, Math.floor(i.outstanding * (random() < 0.5 ? 1 : 0.5))) }));
    if (chosen.length === 0) chosen.push({ invoiceId: open.at(-1)!.id, amount: open.at(-1)!.outstanding });
    const sum = chosen.reduce((s, c) => s + c.amount, 0);
    const amount = sum + (random() < 0.3 ? 5_000 : 0);
    await invoke('payments.record', {
      customerId,
      amount,
      ...method(),
      allocation: { kind: 'chosen', invoices: chosen },
      note: `chosen ${sum}`,
    });
  } else if (roll < 0.85) {
    const count = db
      .prepare(
        `SELECT count(*) FROM payments p WHERE kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)`,
      )
      .pluck()
      .get() as number;
    if (count === 0) return;
    const p = db
      .prepare(
        `SELECT id, method FROM payments p WHERE kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
         ORDER BY id LIMIT 1 OFFSET ?`,
      )
      .get(Math.floor(random() * count)) as { id: number; method: string };
    const bounced = p.method === 'cheque';
    await invoke('payments.reverse', {
      paymentId: p.id,
      reason: bounced ? 'Cheque bounced' : 'Entered by mistake',
      bounced,
    });
  } else if (roll < 0.93) {
    const withCredit = db
      .prepare(
        `SELECT customer_id AS id, credit_minor AS credit FROM customer_balances WHERE credit_minor > 0 ORDER BY customer_id`,
      )
      .all() as { id: number; credit: number }[];
    const c = pick(withCredit);
    if (!c) return;
    await invoke('payments.refund', {
      customerId: c.id,
      amount: Math.max(1, Math.floor(c.credit * random())),
      method: 'cash',
      reason: 'Advance returned',
    });
  } else {
    const customerId = pick(prepaid);
    if (customerId === undefined) return;
    const quote = await app.registry.invoke('payments.rechargeQuote', { customerId, periods: 1 });
    if (!quote.ok) return;
    const toPay = (quote.value as { toPay: number }).toPay;
    await invoke('payments.recharge', {
      customerId,
      periods: 1,
      method: 'cash',
      amount: Math.max(1, toPay + (random() < 0.3 ? 10_000 : 0)),
    });
  }
}

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void (async () => {
    // Until killed; a cap so a child the test forgot cannot run for ever.
    for (let i = 0; i < 20_000; i++) await step();
    app.close();
    process.stdout.write(`done ${n}\n`);
    process.exit(0);
  })();
});
