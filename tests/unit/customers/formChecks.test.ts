// What the customer form asks the back end beyond saving: every taken value at once, and the
// other customers holding a MAC (a warning: a CPE moves between homes).
import { describe, expect, it } from 'vitest';
import { call, createCustomer, customerCount, freshApp, issuePaths, refused } from '../helpers';

describe('customer form checks', () => {
  it('names every taken value at once, each under its own field', async () => {
    const app = freshApp();
    await createCustomer(app, { pppoeUsername: 'ravi', staticIp: '10.0.0.5' });
    const error = await refused(app, 'customers.create', {
      name: 'Second',
      phones: [],
      connectionType: 'pppoe',
      pppoeUsername: 'ravi',
      staticIp: '10.0.0.5',
    });
    expect(error.code).toBe('conflict');
    expect(issuePaths(error).sort()).toEqual(['pppoeUsername', 'staticIp']);
    expect(error.details?.issues?.map((i) => i.message).join(' ')).toMatch(/already used by .*Rahul Patil/);
    expect(customerCount(app)).toBe(1);
  });

  it('names a phone it cannot read and a taken value together', async () => {
    const app = freshApp();
    await createCustomer(app, { pppoeUsername: 'ravi' });
    const error = await refused(app, 'customers.create', {
      name: 'Second',
      phones: ['+91 12345'],
      connectionType: 'pppoe',
      pppoeUsername: 'ravi',
    });
    expect(error.code).toBe('validation');
    expect(issuePaths(error).sort()).toEqual(['phones.0', 'pppoeUsername']);
  });

  it('finds the other customers with a MAC however it is written, and still saves a duplicate', async () => {
    const app = freshApp();
    const first = await createCustomer(app, { name: 'Asha Kulkarni', macAddress: 'aa-bb-cc-dd-ee-01' });
    expect(await call(app, 'customers.macHolders', { macAddress: 'AABBCCDDEE01' })).toEqual([
      { id: first.id, accountNo: first.accountNo, name: 'Asha Kulkarni' },
    ]);
    // The customer being edited is not its own duplicate.
    expect(await call(app, 'customers.macHolders', { macAddress: 'AA:BB:CC:DD:EE:01', exceptId: first.id })).toEqual(
      [],
    );
    expect(await call(app, 'customers.macHolders', { macAddress: 'AA:BB:CC:DD:EE:02' })).toEqual([]);
    const second = await createCustomer(app, { name: 'Moved CPE', macAddress: 'AA:BB:CC:DD:EE:01' });
    expect(second.macAddress).toBe('AA:BB:CC:DD:EE:01');
    const holders = await call(app, 'customers.macHolders', { macAddress: 'aa:bb:cc:dd:ee:01', exceptId: second.id });
    expect(holders.map((h) => h.name)).toEqual(['Asha Kulkarni']);
  });

  it('refuses a MAC that is not one, under macAddress', async () => {
    const app = freshApp();
    expect(issuePaths(await refused(app, 'customers.macHolders', { macAddress: 'zz' }))).toEqual(['macAddress']);
  });
});
