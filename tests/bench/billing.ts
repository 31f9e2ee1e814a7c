// Billing figures: a run over every customer (preview, then commit) and the Billing tab of a
// customer with ten years of monthly invoices.
import type { App } from '../../src-main/app';
import { addMonths } from '../../src-shared/dates';

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

export async function benchBilling(app: App, planIds: number[]): Promise<Record<string, number>> {
  const today = app.services.settings.today();
  const scope = { kind: 'all' } as const;
  const start = performance.now();
  const preview = await app.registry.invoke('billing.preview', { asOf: today, scope });
  const previewMs = performance.now() - start;
  if (!preview.ok) throw new Error(`billing preview failed: ${preview.error.message}`);
  const commitStart = performance.now();
  const run = await app.registry.invoke('billing.run', { asOf: today, scope });
  const commitMs = performance.now() - commitStart;
  if (!run.ok) throw new Error(`billing run failed: ${run.error.message}`);
  const invoices = (run.value as { invoiceCount: number }).invoiceCount;

  // Ten years of monthly invoices for one customer, issued by one catch-up run.
  const [customerId] = app.services.customers.createMany([
    {
      name: 'Ten Years Customer',
      phones: ['+919822012345'],
      email: null,
      address: 'Pune',
      latitude: null,
      longitude: null,
      idProof: '',
      notes: '',
      connectionType: 'pppoe',
      pppoeUsername: 'ten.years',
      pppoePassword: null,
      staticIp: null,
      macAddress: null,
      cpeModel: '',
      accessPoint: '',
      planId: planIds[0]!,
      billingDay: 1,
      installedOn: null,
      gstin: null,
      placeOfSupply: null,
      billingStartOn: addMonths(`${today.slice(0, 8)}01`, -120),
    },
  ]);
  app.services.billing.run({ asOf: today, scope: { kind: 'customer', customerId: customerId! } }, null, () => {});
  const tabTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    const tab = await app.registry.invoke('billing.customer', { customerId: customerId! });
    tabTimes.push(performance.now() - t);
    if (!tab.ok) throw new Error(`billing tab failed: ${tab.error.message}`);
  }
  return {
    billingRunInvoices: invoices,
    billingPreview50kMs: Math.round(previewMs),
    billingCommit50kMs: Math.round(commitMs),
    billingRun50kMs: Math.round(previewMs + commitMs),
    customerBillingTab10yMs: Math.round(median(tabTimes) * 100) / 100,
  };
}
