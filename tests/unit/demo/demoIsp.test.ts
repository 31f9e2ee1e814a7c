import { describe, expect, it } from 'vitest';
import { call, createPlan, customerCount, databaseChecksum, freshApp, planCount, refused } from '../helpers';

describe('app.loadDemo', () => {
  it('fills an empty database: 12 plans, 300 customers in every status, settings configured', async () => {
    const app = freshApp();
    const events: string[] = [];
    app.events.subscribe((name) => events.push(name));
    expect(await call(app, 'app.loadDemo', {})).toEqual({ plans: 12, customers: 300 });
    expect(planCount(app)).toBe(12);
    expect(customerCount(app)).toBe(300);
    const counts = await call(app, 'customers.countByStatus', {});
    expect(counts.total).toBe(300);
    for (const status of ['active', 'suspended', 'disconnected', 'archived'] as const) {
      expect(counts[status]).toBeGreaterThan(0);
    }
    const plans = await call(app, 'plans.list', {});
    expect(plans.filter((p) => p.status === 'retired')).toHaveLength(1);
    expect(plans.every((p) => Number.isInteger(p.priceMinor))).toBe(true);
    const settings = await call(app, 'settings.get', {});
    expect(settings).toMatchObject({ configured: true, currency: 'INR', accountPrefix: 'SWB-' });
    const first = (await call(app, 'customers.list', { status: 'all', pageSize: 1 })).records[0]!;
    expect(first.accountNo).toBe('SWB-000001');
    expect(events).toEqual(expect.arrayContaining(['plans.changed', 'customers.changed', 'settings.changed']));
  });

  it('is the same every time (seeded)', async () => {
    const a = freshApp();
    const b = freshApp();
    await call(a, 'app.loadDemo', {});
    await call(b, 'app.loadDemo', {});
    const names = (rows: { name: string; pppoeUsername: string | null }[]) =>
      rows.map((r) => `${r.name}|${r.pppoeUsername}`);
    const listA = await call(a, 'customers.list', { status: 'all', pageSize: 200 });
    const listB = await call(b, 'customers.list', { status: 'all', pageSize: 200 });
    expect(names(listA.records)).toEqual(names(listB.records));
  });

  it('a second time answers not_empty and changes nothing', async () => {
    const app = freshApp();
    await call(app, 'app.loadDemo', {});
    const before = databaseChecksum(app.db.sqlite);
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('not_empty');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('refuses a database that has only a plan', async () => {
    const app = freshApp();
    await createPlan(app);
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('not_empty');
    expect(customerCount(app)).toBe(0);
    expect(planCount(app)).toBe(1);
  });

  it('keeps settings the office already saved', async () => {
    const app = freshApp();
    await call(app, 'settings.save', { companyName: 'Our Own ISP', accountPrefix: 'OO-' });
    await call(app, 'app.loadDemo', {});
    expect(await call(app, 'settings.get', {})).toMatchObject({ companyName: 'Our Own ISP', accountPrefix: 'OO-' });
  });
});
