import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src-shared/contract';
import {
  call,
  createCustomer,
  createPlan,
  customerCount,
  expectValidation,
  freshApp,
  issuePaths,
  planCount,
  planInput,
  refused,
} from '../helpers';

const burst = {
  downloadKbps: 40_960,
  uploadKbps: 20_480,
  thresholdDownloadKbps: 16_384,
  thresholdUploadKbps: 8_192,
  timeSec: 16,
};

describe('plans', () => {
  it('creates a plan with defaults and reads it back', async () => {
    const app = freshApp();
    const plan = await createPlan(app, { name: '  Home 20  ', burst });
    expect(plan).toMatchObject({
      name: 'Home 20',
      downloadKbps: 20_480,
      uploadKbps: 10_240,
      priceMinor: 49_900,
      billingPeriod: 'monthly',
      taxRateBps: 1800,
      dataCapGb: null,
      routerosProfile: '',
      status: 'active',
      customerCount: 0,
      burst,
    });
    expect(await call(app, 'plans.get', { id: plan.id })).toEqual(plan);
  });

  it('lists plans, with and without the retired', async () => {
    const app = freshApp();
    const a = await createPlan(app, { name: 'A', priceMinor: 30_000 });
    const b = await createPlan(app, { name: 'B', priceMinor: 20_000 });
    await call(app, 'plans.setStatus', { id: a.id, status: 'retired' });
    const all = await call(app, 'plans.list', {});
    expect(all.map((p: Plan) => p.name)).toEqual(['B', 'A']);
    const active = await call(app, 'plans.list', { includeRetired: false });
    expect(active.map((p: Plan) => p.id)).toEqual([b.id]);
  });

  it('updates a plan', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    const updated = await call(app, 'plans.update', {
      id: plan.id,
      plan: planInput({ name: 'Home 25', priceMinor: 59_900, billingPeriod: 'quarterly', dataCapGb: 500 }),
    });
    expect(updated).toMatchObject({ id: plan.id, name: 'Home 25', priceMinor: 59_900, billingPeriod: 'quarterly' });
    expect(await call(app, 'plans.get', { id: plan.id })).toMatchObject({ name: 'Home 25', dataCapGb: 500 });
    // Keeping its own name is not a conflict.
    await call(app, 'plans.update', { id: plan.id, plan: planInput({ name: 'HOME 25' }) });
  });

  it('unknown plan ids are not_found', async () => {
    const app = freshApp();
    expect((await refused(app, 'plans.get', { id: 99 })).code).toBe('not_found');
    expect((await refused(app, 'plans.update', { id: 99, plan: planInput() })).code).toBe('not_found');
    expect((await refused(app, 'plans.setStatus', { id: 99, status: 'retired' })).code).toBe('not_found');
    expect(planCount(app)).toBe(0);
  });

  it('a duplicate name, in any case, is a conflict on name and writes nothing', async () => {
    const app = freshApp();
    const first = await createPlan(app, { name: 'Home 20' });
    const error = await refused(app, 'plans.create', planInput({ name: 'home 20', priceMinor: 1 }));
    expect(error).toMatchObject({ code: 'conflict', details: { field: 'name' } });
    expect(planCount(app)).toBe(1);
    const other = await createPlan(app, { name: 'Home 30' });
    const rename = await refused(app, 'plans.update', { id: other.id, plan: planInput({ name: ' HOME 20 ' }) });
    expect(rename.code).toBe('conflict');
    expect((await call(app, 'plans.get', { id: other.id })).name).toBe('Home 30');
    expect((await call(app, 'plans.get', { id: first.id })).name).toBe('Home 20');
  });

  it.each([
    ['fractional price', { priceMinor: 499.5 }, 'priceMinor'],
    ['negative price', { priceMinor: -100 }, 'priceMinor'],
    ['price past 2^51', { priceMinor: 2 ** 53 }, 'priceMinor'],
    ['price as text', { priceMinor: '499' }, 'priceMinor'],
    ['zero speed', { downloadKbps: 0 }, 'downloadKbps'],
    ['fractional speed', { uploadKbps: 10.5 }, 'uploadKbps'],
    ['tax over 100%', { taxRateBps: 10_001 }, 'taxRateBps'],
    ['unknown billing period', { billingPeriod: 'weekly' }, 'billingPeriod'],
    ['empty name', { name: '  ' }, 'name'],
    ['100 KB name', { name: 'x'.repeat(100_000) }, 'name'],
    ['bad router profile', { routerosProfile: 'a;b' }, 'routerosProfile'],
    ['burst below the plan speed', { burst: { ...burst, downloadKbps: 10_240 } }, 'burst.downloadKbps'],
    [
      'burst threshold above the burst rate',
      { burst: { ...burst, thresholdDownloadKbps: 50_000 } },
      'burst.thresholdDownloadKbps',
    ],
  ])('refuses a %s and writes nothing', async (_label, override, path) => {
    const app = freshApp();
    const error = await refused(app, 'plans.create', { ...planInput(), ...override });
    expectValidation(error, path);
    expect(planCount(app)).toBe(0);
  });

  it('puts each burst problem under its own field, all at once', async () => {
    const app = freshApp();
    const both = { ...burst, downloadKbps: 10_240, uploadKbps: 5_120, thresholdDownloadKbps: 10_240 };
    const error = await refused(app, 'plans.create', { ...planInput(), burst: both });
    expect(issuePaths(error).sort()).toEqual([
      'burst.downloadKbps',
      'burst.thresholdDownloadKbps',
      'burst.thresholdUploadKbps',
      'burst.uploadKbps',
    ]);
    const above = await refused(app, 'plans.create', {
      ...planInput(),
      burst: {
        ...burst,
        downloadKbps: 10_240,
        uploadKbps: 5_120,
        thresholdDownloadKbps: 8_000,
        thresholdUploadKbps: 4_000,
      },
    });
    expect(issuePaths(above).sort()).toEqual(['burst.downloadKbps', 'burst.uploadKbps']);
    expect(error.details?.issues?.every((i) => i.path.length > 1)).toBe(true);
  });

  it('refuses unknown keys', async () => {
    const app = freshApp();
    expect((await refused(app, 'plans.create', { ...planInput(), id: 5 })).code).toBe('validation');
    expect(planCount(app)).toBe(0);
  });

  it('a bad update leaves the plan as it was', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    const error = await refused(app, 'plans.update', { id: plan.id, plan: { ...planInput(), priceMinor: 1.5 } });
    expectValidation(error, 'plan.priceMinor');
    expect(await call(app, 'plans.get', { id: plan.id })).toEqual(plan);
  });

  it('a retired plan takes no new customers; a customer already on it keeps it', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    const customer = await createCustomer(app, { planId: plan.id });
    const retired = await call(app, 'plans.setStatus', { id: plan.id, status: 'retired' });
    expect(retired.status).toBe('retired');

    const before = customerCount(app);
    const error = await refused(app, 'customers.create', { name: 'New', pppoeUsername: 'new1', planId: plan.id });
    expect(error).toMatchObject({ code: 'plan_retired', details: { field: 'planId' } });
    expect(customerCount(app)).toBe(before);

    const updated = await call(app, 'customers.update', {
      id: customer.id,
      customer: { name: 'Renamed', pppoeUsername: customer.pppoeUsername, planId: plan.id },
    });
    expect(updated).toMatchObject({ name: 'Renamed', planId: plan.id, planName: plan.name });

    // A different customer cannot be moved onto it.
    const other = await createCustomer(app);
    const move = await refused(app, 'customers.update', {
      id: other.id,
      customer: { name: other.name, pppoeUsername: other.pppoeUsername, planId: plan.id },
    });
    expect(move.code).toBe('plan_retired');
    expect((await call(app, 'customers.get', { id: other.id })).planId).toBeNull();

    // Brought back, it takes customers again.
    await call(app, 'plans.setStatus', { id: plan.id, status: 'active' });
    await call(app, 'customers.create', { name: 'New', pppoeUsername: 'new1', planId: plan.id });
  });

  it('customerCount counts the plan customers that are not archived', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    const other = await createPlan(app, { name: 'Other' });
    const a = await createCustomer(app, { planId: plan.id });
    const b = await createCustomer(app, { planId: plan.id });
    await createCustomer(app, { planId: plan.id });
    await createCustomer(app, { planId: other.id });
    await call(app, 'customers.setStatus', { id: a.id, status: 'archived' });
    await call(app, 'customers.setStatus', { id: b.id, status: 'suspended' });
    expect((await call(app, 'plans.get', { id: plan.id })).customerCount).toBe(2);
    const listed = await call(app, 'plans.list', {});
    expect(listed.find((p) => p.id === plan.id)?.customerCount).toBe(2);
    expect(listed.find((p) => p.id === other.id)?.customerCount).toBe(1);
  });

  it('emits plans.changed on every write', async () => {
    const app = freshApp();
    const seen: unknown[] = [];
    app.events.subscribe((name, payload) => seen.push([name, payload]));
    const plan = await createPlan(app);
    await call(app, 'plans.update', { id: plan.id, plan: planInput({ name: 'X' }) });
    await call(app, 'plans.setStatus', { id: plan.id, status: 'retired' });
    expect(seen).toEqual([
      ['plans.changed', { id: plan.id }],
      ['plans.changed', { id: plan.id }],
      ['plans.changed', { id: plan.id }],
    ]);
  });
});
