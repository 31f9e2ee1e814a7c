// The process crashSafety.test.ts kills: opens the app on a data dir with a fixed "today",
// says "ready", and on "go" (a line on stdin) bills, credits or changes plans until done or
// killed. Started ahead of time, so loading the app is not in the kill's timing.
// Usage: node crashSafetyChild.cjs <dataDir> <today> <run|creditNotes|changePlans> [asOf]
import { createApp } from '../../../src-main/app';

const [dataDir, today, action, asOf] = process.argv.slice(2) as [string, string, string, string | undefined];
const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${today}T06:30:00Z`) });
const { billing } = app.services;
const ids = (sql: string) => app.db.sqlite.prepare(sql).pluck().all() as number[];

function work(): number {
  let done = 0;
  if (action === 'run') {
    done = billing.run({ asOf: asOf ?? today, scope: { kind: 'all' } }, null, () => {}).invoiceCount;
  } else if (action === 'creditNotes') {
    // One committed transaction each: a kill leaves some credited, never half of one.
    for (const invoiceId of ids(`SELECT id FROM invoices WHERE kind = 'invoice' AND status = 'unpaid' ORDER BY id`)) {
      billing.creditNote({ invoiceId, reason: 'Tower outage', amount: { kind: 'rest' } });
      done++;
    }
  } else if (action === 'changePlans') {
    const plans = ids(`SELECT id FROM plans WHERE status = 'active' AND billing_period = 'monthly' ORDER BY id`);
    const customers = app.db.sqlite
      .prepare(`SELECT id, plan_id AS planId FROM customers WHERE status = 'active' ORDER BY id`)
      .all() as { id: number; planId: number }[];
    for (const c of customers) {
      const planId = plans.find((p) => p !== c.planId)!;
      billing.changePlan({ customerId: c.id, planId, when: 'now' });
      done++;
    }
  } else {
    throw new Error(`Unknown action ${action}`);
  }
  return done;
}

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const done = work();
  app.close();
  process.stdout.write(`done ${done}\n`);
  process.exit(0);
});
