// A billing app with customers who owe: the ground of the payments tests.
import { call, createCustomer, createPlan } from '../helpers';
import { billingApp, type BillingTestApp } from '../billing/billingApp';

export { billingApp };

/** A customer billed monthly at ₹500 (no tax) from 1 Sep, with three invoices issued 1 Sep, 1 Oct, 1 Nov 2026. */
export async function owingCustomer(
  app: BillingTestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ customerId: number; planId: number; invoiceIds: number[] }> {
  const plan = await createPlan(app, { priceMinor: 50_000, taxRateBps: 0, ...overrides });
  const c = await createCustomer(app, { planId: plan.id, billingDay: 1, billingStartOn: '2026-09-01' });
  const invoiceIds: number[] = [];
  for (const asOf of ['2026-09-01', '2026-10-01', '2026-11-01']) {
    app.setToday(asOf);
    await call(app, 'billing.run', { asOf, scope: { kind: 'customer', customerId: c.id } });
    invoiceIds.push(
      app.db.sqlite.prepare(`SELECT max(id) FROM invoices WHERE customer_id = ?`).pluck().get(c.id) as number,
    );
  }
  return { customerId: c.id, planId: plan.id, invoiceIds };
}

export function invoiceStates(app: BillingTestApp, customerId: number): { status: string; paid: number }[] {
  return app.db.sqlite
    .prepare(`SELECT status, paid_minor AS paid FROM invoices WHERE customer_id = ? AND kind = 'invoice' ORDER BY id`)
    .all(customerId) as { status: string; paid: number }[];
}
