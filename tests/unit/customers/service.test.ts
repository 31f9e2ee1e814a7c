import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app';
import { CustomerInput } from '../../../src-shared/contract';
import {
  call,
  createCustomer,
  createPlan,
  customerCount,
  customerInput,
  expectValidation,
  freshApp,
  refused,
} from '../helpers';

describe('customers: create and account numbers', () => {
  it('creates a customer with defaults and reads it back', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    const created = await createCustomer(app, {
      name: '  Rahul Patil ',
      email: 'rahul@example.in',
      pppoeUsername: 'rahul.patil',
      planId: plan.id,
      installedOn: '2024-03-15',
      latitude: 18.53,
      longitude: 73.84,
    });
    expect(created).toMatchObject({
      accountNo: 'WD-000001',
      name: 'Rahul Patil',
      phones: ['98450 12345'],
      email: 'rahul@example.in',
      status: 'active',
      connectionType: 'pppoe',
      pppoeUsername: 'rahul.patil',
      hasPppoePassword: true,
      planId: plan.id,
      planName: 'Home 20',
      billingDay: 1,
      installedOn: '2024-03-15',
      latitude: 18.53,
      longitude: 73.84,
      staticIp: null,
      macAddress: null,
    });
    expect(await call(app, 'customers.get', { id: created.id })).toEqual(created);
  });

  it('assigns account numbers in order with the configured prefix, never reusing one', async () => {
    const app = freshApp();
    const a = await createCustomer(app);
    const b = await createCustomer(app);
    expect([a.accountNo, b.accountNo]).toEqual(['WD-000001', 'WD-000002']);
    await call(app, 'customers.setStatus', { id: b.id, status: 'archived' });
    const c = await createCustomer(app);
    expect(c.accountNo).toBe('WD-000003');
    // Raw delete of the newest row (as a restore or a mistake might): the number still is not reused.
    app.db.sqlite.prepare('DELETE FROM customer_events WHERE customer_id = ?').run(c.id);
    app.db.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(c.id);
    expect((await createCustomer(app)).accountNo).toBe('WD-000004');
    await call(app, 'settings.save', { companyName: 'Net Co', accountPrefix: 'NC-' });
    expect((await createCustomer(app)).accountNo).toBe('NC-000005');
  });

  it('a refused create does not use up an account number', async () => {
    const app = freshApp();
    await createCustomer(app, { pppoeUsername: 'taken' });
    await refused(app, 'customers.create', customerInput({ pppoeUsername: 'TAKEN' }));
    await refused(app, 'customers.create', customerInput({ planId: 999 }));
    expect((await createCustomer(app)).accountNo).toBe('WD-000002');
  });

  it('a static customer needs an IP, a PPPoE one a username', async () => {
    const app = freshApp();
    expectValidation(await refused(app, 'customers.create', { name: 'A', connectionType: 'static' }), 'staticIp');
    expectValidation(await refused(app, 'customers.create', { name: 'A' }), 'pppoeUsername');
    const ok = await call(app, 'customers.create', { name: 'A', connectionType: 'static', staticIp: '10.0.0.2' });
    expect(ok).toMatchObject({ connectionType: 'static', staticIp: '10.0.0.2', hasPppoePassword: false });
  });

  it('emits customers.changed with the id', async () => {
    const app = freshApp();
    const seen: unknown[] = [];
    app.events.subscribe((name, payload) => seen.push([name, payload]));
    const c = await createCustomer(app);
    expect(seen).toEqual([['customers.changed', { ids: [c.id] }]]);
  });
});

describe('customers: uniqueness', () => {
  it('a duplicate PPPoE username, in any case, is a conflict on pppoeUsername and writes nothing', async () => {
    const app = freshApp();
    const first = await createCustomer(app, { pppoeUsername: 'Sunita.K' });
    const error = await refused(app, 'customers.create', customerInput({ pppoeUsername: 'sunita.k' }));
    expect(error).toMatchObject({ code: 'conflict', details: { field: 'pppoeUsername' } });
    expect(error.message).toContain(first.accountNo);
    expect(customerCount(app)).toBe(1);
  });

  it('a duplicate static IP is a conflict on staticIp and writes nothing', async () => {
    const app = freshApp();
    await call(app, 'customers.create', { name: 'A', connectionType: 'static', staticIp: '10.11.0.5' });
    const error = await refused(app, 'customers.create', {
      name: 'B',
      connectionType: 'static',
      staticIp: ' 10.11.0.5 ',
    });
    expect(error).toMatchObject({ code: 'conflict', details: { field: 'staticIp' } });
    expect(customerCount(app)).toBe(1);
  });

  it('a batch that repeats a username or IP (caught by the UNIQUE index) is a conflict and writes nothing', async () => {
    const app = freshApp();
    const fields = (name: string, ip: string) => ({
      ...CustomerInput.parse({ name, connectionType: 'static', staticIp: ip }),
    });
    for (const [a, b, field] of [
      [fields('A', '10.9.0.1'), fields('B', '10.9.0.1'), 'staticIp'],
      [
        CustomerInput.parse({ name: 'C', pppoeUsername: 'same' }),
        CustomerInput.parse({ name: 'D', pppoeUsername: 'SAME' }),
        'pppoeUsername',
      ],
    ] as const) {
      let caught: unknown;
      try {
        app.services.customers.createMany([a, b]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'conflict', details: { field } });
    }
    expect(customerCount(app)).toBe(0);
  });

  it('archived customers keep their username and IP when the operator keeps them reserved', async () => {
    const app = freshApp();
    const a = await createCustomer(app, { pppoeUsername: 'kept', staticIp: '10.0.0.9' });
    await call(app, 'customers.setStatus', { id: a.id, status: 'archived', keepIdentifiers: true });
    expect((await refused(app, 'customers.create', customerInput({ pppoeUsername: 'KEPT' }))).code).toBe('conflict');
    expect((await refused(app, 'customers.create', customerInput({ staticIp: '10.0.0.9' }))).code).toBe('conflict');
  });

  it('archiving frees them otherwise (tests/unit/customers/history.test.ts has the whole story)', async () => {
    const app = freshApp();
    const a = await createCustomer(app, { pppoeUsername: 'freed', staticIp: '10.0.0.9' });
    await call(app, 'customers.setStatus', { id: a.id, status: 'archived' });
    await call(app, 'customers.create', customerInput({ pppoeUsername: 'FREED', staticIp: '10.0.0.9' }));
  });

  it('an update may keep its own username and IP but not take another customer', async () => {
    const app = freshApp();
    const a = await createCustomer(app, { pppoeUsername: 'aaa', staticIp: '10.0.0.1' });
    const b = await createCustomer(app, { pppoeUsername: 'bbb', staticIp: '10.0.0.2' });
    await call(app, 'customers.update', {
      id: a.id,
      customer: customerInput({ pppoeUsername: 'AAA', staticIp: '10.0.0.1' }),
    });
    const error = await refused(app, 'customers.update', {
      id: a.id,
      customer: customerInput({ pppoeUsername: 'aaa', staticIp: '10.0.0.2' }),
    });
    expect(error).toMatchObject({ code: 'conflict', details: { field: 'staticIp' } });
    expect((await call(app, 'customers.get', { id: b.id })).staticIp).toBe('10.0.0.2');
    expect((await call(app, 'customers.get', { id: a.id })).staticIp).toBe('10.0.0.1');
  });
});

describe('customers: validation', () => {
  it.each([
    ['invalid IP', { staticIp: '10.0.0.256' }, 'staticIp'],
    ['IP with a port', { staticIp: '10.0.0.1:80' }, 'staticIp'],
    ['IPv6 address', { staticIp: '::1' }, 'staticIp'],
    ['invalid MAC', { macAddress: 'AA:BB:CC:DD:EE' }, 'macAddress'],
    ['MAC with letters past F', { macAddress: 'GG:BB:CC:DD:EE:FF' }, 'macAddress'],
    ['invalid phone', { phones: ['+91 98450 12345', 'call me'] }, 'phones.1'],
    ['too short phone', { phones: ['123'] }, 'phones.0'],
    ['five phones', { phones: Array(5).fill('+91 98450 12345') }, 'phones'],
    ['invalid email', { email: 'rahul@' }, 'email'],
    ['bad PPPoE username', { pppoeUsername: 'rahul patil' }, 'pppoeUsername'],
    ['billing day 29', { billingDay: 29 }, 'billingDay'],
    ['latitude without longitude', { latitude: 18.5 }, 'longitude'],
    ['latitude past 90', { latitude: 91, longitude: 73 }, 'latitude'],
    ['impossible date', { installedOn: '2024-02-30' }, 'installedOn'],
    ['date day first', { installedOn: '15/03/2024' }, 'installedOn'],
    ['100 KB name', { name: 'x'.repeat(100_000) }, 'name'],
    ['100 KB notes', { notes: 'x'.repeat(100_000) }, 'notes'],
    ['name with a line break', { name: 'Rahul\nPatil' }, 'name'],
    ['empty name', { name: ' ' }, 'name'],
    ['fractional plan id', { planId: 1.5 }, 'planId'],
    ['empty password', { pppoePassword: '' }, 'pppoePassword'],
  ])('refuses an %s with the right path and writes nothing', async (_label, override, path) => {
    const app = freshApp();
    const error = await refused(app, 'customers.create', { ...customerInput(), ...override });
    expectValidation(error, path);
    expect(customerCount(app)).toBe(0);
  });

  it('accepts phone numbers as people write them, landlines with brackets included', async () => {
    const app = freshApp();
    const created = await createCustomer(app, { phones: ['(020) 2553-0101', '+91 98450 12345', '9845012345'] });
    // Stored once, as E.164; shown in the national format.
    expect(created.phones).toEqual(['020 2553 0101', '98450 12345', '98450 12345']);
  });

  it('refuses unknown extra keys', async () => {
    const app = freshApp();
    const error = await refused(app, 'customers.create', { ...customerInput(), status: 'active', id: 7 });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/status|id|key/i);
    expect(customerCount(app)).toBe(0);
  });

  it('normalises MAC addresses to AA:BB:CC:DD:EE:FF', async () => {
    const app = freshApp();
    for (const [mac, i] of [
      ['aa:bb:cc:dd:ee:0f', 1],
      ['aa-bb-cc-dd-ee-0f', 2],
      ['aabbccddee0f', 3],
      [' AaBb.CcDdEe0f '.replace(/\./g, ''), 4],
    ] as const) {
      const c = await createCustomer(app, { macAddress: mac, pppoeUsername: `mac${i}` });
      expect(c.macAddress).toBe('AA:BB:CC:DD:EE:0F');
    }
  });

  it('empty strings in optional fields become null', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { email: '', staticIp: '', macAddress: '', installedOn: '' });
    expect(c).toMatchObject({ email: null, staticIp: null, macAddress: null, installedOn: null });
  });

  it('an unknown plan is not_found on planId and writes nothing', async () => {
    const app = freshApp();
    const error = await refused(app, 'customers.create', customerInput({ planId: 4242 }));
    expect(error).toMatchObject({ code: 'not_found', details: { field: 'planId' } });
    expect(customerCount(app)).toBe(0);
  });

  it('get, update and setStatus of an unknown id are not_found', async () => {
    const app = freshApp();
    expect((await refused(app, 'customers.get', { id: 5 })).code).toBe('not_found');
    expect((await refused(app, 'customers.update', { id: 5, customer: customerInput() })).code).toBe('not_found');
    expect((await refused(app, 'customers.setStatus', { id: 5, status: 'active' })).code).toBe('not_found');
    expect((await refused(app, 'customers.revealPppoePassword', { id: 5 })).code).toBe('not_found');
    expect(customerCount(app)).toBe(0);
  });
});

describe('customers: status and archive', () => {
  it('an archived customer cannot be edited until brought back', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { name: 'Before' });
    const archived = await call(app, 'customers.setStatus', { id: c.id, status: 'archived', reason: 'moved away' });
    expect(archived).toMatchObject({ status: 'archived', statusReason: 'moved away' });
    const error = await refused(app, 'customers.update', {
      id: c.id,
      customer: customerInput({ name: 'After', pppoeUsername: c.pppoeUsername }),
    });
    expect(error.code).toBe('customer_archived');
    expect((await call(app, 'customers.get', { id: c.id })).name).toBe('Before');

    const back = await call(app, 'customers.setStatus', { id: c.id, status: 'active', reason: 'returned' });
    expect(back).toMatchObject({ status: 'active', statusReason: 'returned' });
    const edited = await call(app, 'customers.update', {
      id: c.id,
      customer: customerInput({ name: 'After', pppoeUsername: c.pppoeUsername }),
    });
    expect(edited.name).toBe('After');
  });

  it('suspends and disconnects, recording when and why', async () => {
    const app = freshApp();
    const c = await createCustomer(app);
    const suspended = await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'unpaid' });
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: 'unpaid' });
    expect(suspended.statusChangedAt >= c.statusChangedAt).toBe(true);
    // Setting the same status again changes nothing.
    const same = await call(app, 'customers.setStatus', { id: c.id, status: 'suspended', reason: 'other' });
    expect(same).toEqual(suspended);
    expect((await refused(app, 'customers.setStatus', { id: c.id, status: 'deleted' })).code).toBe('validation');
  });

  it('counts customers by status', async () => {
    const app = freshApp();
    expect(await call(app, 'customers.countByStatus', {})).toEqual({
      active: 0,
      suspended: 0,
      disconnected: 0,
      archived: 0,
      total: 0,
    });
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await createCustomer(app)).id);
    await call(app, 'customers.setStatus', { id: ids[0]!, status: 'suspended' });
    await call(app, 'customers.setStatus', { id: ids[1]!, status: 'suspended' });
    await call(app, 'customers.setStatus', { id: ids[2]!, status: 'disconnected' });
    await call(app, 'customers.setStatus', { id: ids[3]!, status: 'archived' });
    expect(await call(app, 'customers.countByStatus', {})).toEqual({
      active: 3,
      suspended: 2,
      disconnected: 1,
      archived: 1,
      total: 7,
    });
  });
});

describe('customers: PPPoE password', () => {
  const password = 'Sup3r-Secret-PPPoE!';

  it('never appears in any output, is stored encrypted, and can be revealed', async () => {
    const app = freshApp();
    const created = await createCustomer(app, { pppoeUsername: 'pw.user', pppoePassword: password });
    const outputs = [
      created,
      await call(app, 'customers.get', { id: created.id }),
      await call(app, 'customers.list', {}),
      await call(app, 'customers.search', { query: 'pw.user' }),
      await call(app, 'customers.search', { query: 'Rahul' }),
      await call(app, 'customers.exportCsv', { status: 'all' }),
      await call(app, 'customers.update', {
        id: created.id,
        customer: customerInput({ pppoeUsername: 'pw.user', pppoePassword: undefined }),
      }),
    ];
    for (const output of outputs) expect(JSON.stringify(output)).not.toContain(password);
    expect(created.hasPppoePassword).toBe(true);

    // The file on disk, read with a separate connection, has only ciphertext.
    const raw = new Database(join(app.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const stored = raw.prepare('SELECT pppoe_password_enc FROM customers WHERE id = ?').pluck().get(created.id);
      expect(typeof stored).toBe('string');
      expect(stored).not.toContain(password);
      expect(stored).not.toContain(Buffer.from(password).toString('base64'));
      const anywhere = raw
        .prepare(`SELECT count(*) FROM customers WHERE instr(customers.pppoe_password_enc, ?) > 0`)
        .pluck()
        .get(password);
      expect(anywhere).toBe(0);
    } finally {
      raw.close();
    }

    expect(await call(app, 'customers.revealPppoePassword', { id: created.id })).toEqual({ password });
  });

  it('two customers with the same password get different ciphertexts', async () => {
    const app = freshApp();
    await createCustomer(app, { pppoePassword: password });
    await createCustomer(app, { pppoePassword: password });
    const stored = app.db.sqlite.prepare('SELECT pppoe_password_enc FROM customers').pluck().all();
    expect(new Set(stored).size).toBe(2);
  });

  it('update without the password keeps it, with a new one replaces it, with null clears it', async () => {
    const app = freshApp();
    const c = await createCustomer(app, { pppoeUsername: 'keeper', pppoePassword: password });
    const base = customerInput({ pppoeUsername: 'keeper' });
    delete base.pppoePassword;

    const kept = await call(app, 'customers.update', { id: c.id, customer: { ...base, name: 'Kept' } });
    expect(kept.hasPppoePassword).toBe(true);
    expect(await call(app, 'customers.revealPppoePassword', { id: c.id })).toEqual({ password });

    await call(app, 'customers.update', { id: c.id, customer: { ...base, pppoePassword: 'new-one' } });
    expect(await call(app, 'customers.revealPppoePassword', { id: c.id })).toEqual({ password: 'new-one' });

    const cleared = await call(app, 'customers.update', { id: c.id, customer: { ...base, pppoePassword: null } });
    expect(cleared.hasPppoePassword).toBe(false);
    expect(await call(app, 'customers.revealPppoePassword', { id: c.id })).toEqual({ password: null });
  });

  it('the key file is separate from the database and owner-only', async () => {
    const { statSync } = await import('node:fs');
    const app = freshApp();
    const mode = statSync(join(app.dataDir, 'secret.key')).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
