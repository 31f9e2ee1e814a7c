import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/app';
import { DEMO_PLANS, demoCustomers, seededRandom } from '../../src-main/demo/demoIsp';
import { SettingsInput } from '../../src-shared/contract';

const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-prof-'));
const app = createApp({ dataDir, host: 'browser' });
app.services.settings.save(SettingsInput.parse({ companyName: 'Bench ISP', stateCode: '27' }));
const planIds = DEMO_PLANS.map((p) => app.services.plans.create(p).id);
app.services.customers.createMany(demoCustomers(50_000, planIds, seededRandom(7)));
const store = app.services.billing.store;
const scope = { kind: 'all' } as const;
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const cs = store.customersIn(scope);
  const a = performance.now() - t; t = performance.now();
  store.timelines(scope, cs);
  const b = performance.now() - t; t = performance.now();
  store.billedThrough(); store.openCharges(null);
  const c = performance.now() - t; t = performance.now();
  app.services.billing.preview({ asOf: app.services.settings.today(), scope });
  const d = performance.now() - t;
  console.log({ customersIn: a, timelines: b, other: c, preview: d });
}
app.close();
