import { addMonths } from '../../../src-shared/dates';
// The customer's timeline, and archiving that frees a churned customer's IP and username.
import { describe, expect, it } from 'vitest';
import { call, createCustomer, createPlan, freshApp, refused } from '../helpers';

describe('the customer timeline', () => {
  it('records sign-up, status changes with their reason, plan and connection changes and reveals, newest first', async () => {
    const app = freshApp();
    const home = await createPlan(app, { name: 'Home 20' });
    const biz = await createPlan(app, { name: 'Business 50' });
    const c = await createCustomer(app, { name: 'Asha Pawar', planId: home.id, pppoeUsername: 'asha', staticIp: null });
    await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'unpaid October' });
    await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'paid at the counter' });
    await call(app, 'customers.update', {
      id: c.id,
      customer: {
        name: 'Asha Pawar',
        phones: c.phones,
        pppoeUsername: 'asha.p',
        planId: biz.id,
        macAddress: 'aa-bb-cc-dd-ee-ff',
      },
    });
    await call(app, 'customers.revealPppoePassword', { id: c.id });

    const history = await call(app, 'customers.history', { id: c.id });
    expect(history.map((e) => e.kind)).toEqual([
      'pppoe_password_revealed',
      'connection_changed',
      'plan_changed',
      'status_changed',
      'status_changed',
      'created',
    ]);
    const [reveal, connection, plan, restored, suspended, created] = history;
    expect(created).toMatchObject({ details: { source: 'form', status: 'active', planName: 'Home 20' } });
    expect(created!.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(suspended).toMatchObject({ reason: 'unpaid October', details: { from: 'active', to: 'suspended' } });
    expect(restored).toMatchObject({ reason: 'paid at the counter', details: { from: 'suspended', to: 'active' } });
    expect(plan).toMatchObject({ details: { from: { name: 'Home 20' }, to: { name: 'Business 50' } } });
    // A plan changed on the form takes effect from the customer's next period (billing day 1).
    const today = app.services.settings.today();
    expect(plan!.effectiveOn).toBe(addMonths(`${today.slice(0, 8)}01`, 1));
    expect(connection!.details).toEqual({
      changes: { pppoeUsername: [c.pppoeUsername, 'asha.p'], macAddress: [null, 'AA:BB:CC:DD:EE:FF'] },
    });
    expect(reveal!.details).toEqual({});
    // The password itself is never in the timeline.
    expect(JSON.stringify(history)).not.toContain('secret-pw');
  });

  it('an edit that changes nothing records nothing; an unknown customer is not_found', async () => {
    const app = freshApp();
    const c = await createCustomer(app);
    await call(app, 'customers.update', {
      id: c.id,
      customer: { name: c.name, phones: c.phones, pppoeUsername: c.pppoeUsername },
    });
    expect((await call(app, 'customers.history', { id: c.id })).map((e) => e.kind)).toEqual(['created']);
    expect((await refused(app, 'customers.history', { id: 999 })).code).toBe('not_found');
  });

  it('imported customers get their sign-up in the timeline too', async () => {
    const app = freshApp();
    const [id] = app.services.customers.createMany([
      {
        ...(await import('../../../src-shared/contract')).CustomerInput.parse({
          name: 'Imported',
          pppoeUsername: 'imp1',
        }),
      },
    ] as never);
    expect(await call(app, 'customers.history', { id: id! })).toMatchObject([
      { kind: 'created', details: { source: 'import' } },
    ]);
  });
});

describe('archiving frees the IP and PPPoE username', () => {
  it('a churned customer’s IP and username can be given to a new customer at once', async () => {
    const app = freshApp();
    const old = await createCustomer(app, { name: 'Moved Away', pppoeUsername: 'ravi', staticIp: '10.20.0.5' });
    const archived = await call(app, 'customers.setStatus', {
      id: old.id,
      status: 'archived',
      reason: 'moved to Mumbai',
    });
    expect(archived).toMatchObject({ status: 'archived', pppoeUsername: null, staticIp: null });
    const [event] = await call(app, 'customers.history', { id: old.id });
    expect(event).toMatchObject({
      reason: 'moved to Mumbai',
      details: { released: { pppoeUsername: 'ravi', staticIp: '10.20.0.5' } },
    });

    const next = await createCustomer(app, { name: 'New Tenant', pppoeUsername: 'ravi', staticIp: '10.20.0.5' });
    expect(next.staticIp).toBe('10.20.0.5');

    // Brought back: the IP and username are taken now, so they stay free; the timeline says why.
    const back = await call(app, 'customers.setStatus', { id: old.id, status: 'active', reason: 'came back' });
    expect(back).toMatchObject({ status: 'active', pppoeUsername: null, staticIp: null });
    const [restore] = await call(app, 'customers.history', { id: old.id });
    expect(restore!.details.taken).toEqual({
      pppoeUsername: `ravi (now ${next.accountNo} New Tenant)`,
      staticIp: `10.20.0.5 (now ${next.accountNo} New Tenant)`,
    });
  });

  it('bringing a customer back reclaims what nobody took', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { pppoeUsername: 'meera', staticIp: '10.20.0.9' });
    await call(app, 'customers.setStatus', { id: c.id, status: 'archived' });
    const back = await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'back, owes ₹500' });
    expect(back).toMatchObject({ status: 'suspended', pppoeUsername: 'meera', staticIp: '10.20.0.9' });
    const [restore] = await call(app, 'customers.history', { id: c.id });
    expect(restore!.details.reclaimed).toEqual({ pppoeUsername: 'meera', staticIp: '10.20.0.9' });
  });

  it('the operator may keep them held', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { pppoeUsername: 'kept', staticIp: '10.20.0.10' });
    const archived = await call(app, 'customers.setStatus', { id: c.id, status: 'archived', keepIdentifiers: true });
    expect(archived).toMatchObject({ pppoeUsername: 'kept', staticIp: '10.20.0.10' });
    expect((await refused(app, 'customers.create', { name: 'X', pppoeUsername: 'kept' })).code).toBe('conflict');
  });
});
