// Long writes are all or nothing, and check what they write inside the write itself.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app';
import {
  call,
  createPlan,
  customerCount,
  databaseChecksum,
  freshApp,
  onCleanup,
  planCount,
  refused,
  type TestApp,
} from '../helpers';

/** Another connection, as another process or the worker would have, that does not wait for locks. */
function otherConnection(app: TestApp) {
  const other = new Database(join(app.dataDir, DATABASE_FILE));
  other.pragma('busy_timeout = 0');
  onCleanup(() => {
    other.close();
  });
  return other;
}

describe('an import', () => {
  it('checks its rows inside the transaction that writes them: nobody can write in between', async () => {
    const app = freshApp();
    await createPlan(app, { name: 'Home 20' });
    const csv = [
      'name,phone,pppoe_username,plan',
      'Asha Patil,98450 10001,asha,Home 20',
      'Ravi Rao,98450 10002,ravi,Home 20',
    ];
    const { mapping } = await call(app, 'customers.importPreview', { csv: csv.join('\n') });

    // While each row is checked, another connection tries to take that row's username.
    const other = otherConnection(app);
    const customers = app.services.customers;
    const conflicts = customers.conflicts.bind(customers);
    const seen: { inTransaction: boolean; otherWrite: string }[] = [];
    customers.conflicts = (input, exceptId) => {
      let otherWrite = 'written';
      try {
        other.prepare("INSERT INTO app_meta (key, value) VALUES ('probe', ?)").run(input.pppoeUsername);
      } catch (error) {
        otherWrite = (error as { code: string }).code;
      }
      seen.push({ inTransaction: app.db.sqlite.inTransaction, otherWrite });
      return conflicts(input, exceptId);
    };

    expect(await call(app, 'customers.importCommit', { csv: csv.join('\n'), mapping })).toEqual({
      imported: 2,
      skipped: 0,
      alreadyIn: 0,
    });
    expect(seen).toEqual([
      { inTransaction: true, otherWrite: 'SQLITE_BUSY' },
      { inTransaction: true, otherWrite: 'SQLITE_BUSY' },
    ]);
  });

  it('a row that became a conflict after the preview is refused by the commit’s own check, writing nothing', async () => {
    const app = freshApp();
    await createPlan(app, { name: 'Home 20' });
    const csv = [
      'name,phone,pppoe_username,plan',
      'Asha Patil,98450 10001,asha,Home 20',
      'Ravi Rao,98450 10002,ravi,Home 20',
    ];
    const { mapping, invalidRows } = await call(app, 'customers.importPreview', { csv: csv.join('\n') });
    expect(invalidRows).toBe(0);
    await call(app, 'customers.create', { name: 'Walk-in', phones: ['98450 10009'], pppoeUsername: 'ravi' });
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });

    const error = await refused(app, 'customers.importCommit', { csv: csv.join('\n'), mapping });
    expect(error).toMatchObject({ code: 'validation', details: { rows: [{ row: 3 }] } });
    expect(error.message).toMatch(/PPPoE username "ravi" is already used by/);
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
    expect(customerCount(app)).toBe(1);
  });
});

describe('the demo ISP', () => {
  it('loads in one transaction: a failure half-way leaves nothing, and the services forget what they cached', async () => {
    const app = freshApp();
    const before = databaseChecksum(app.db.sqlite);
    const customers = app.services.customers;
    const createMany = customers.createMany.bind(customers);
    // The disk fills up after the settings, the 12 plans and 100 of the 300 customers.
    customers.createMany = (inputs, onProgress) => {
      createMany(inputs.slice(0, 100), onProgress);
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('internal');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
    expect(planCount(app)).toBe(0);
    expect(customerCount(app)).toBe(0);
    expect(await call(app, 'settings.get', {})).toMatchObject({ configured: false, companyName: '' });

    customers.createMany = createMany;
    expect(await call(app, 'app.loadDemo', {})).toEqual({ plans: 12, customers: 300 });
    const first = (await call(app, 'customers.list', { status: 'all', pageSize: 1 })).records[0]!;
    expect(first.accountNo, 'the account counter went back with the rest').toBe('SWB-000001');
  });

  it('refused by SQLite half-way (a taken IP) is all or nothing too', async () => {
    const app = freshApp();
    const before = databaseChecksum(app.db.sqlite);
    const customers = app.services.customers;
    const createMany = customers.createMany.bind(customers);
    customers.createMany = (inputs, onProgress) => {
      const withStatic = inputs.filter((c) => c.staticIp);
      return createMany([...inputs, { ...withStatic[0]!, pppoeUsername: null }], onProgress);
    };
    expect((await refused(app, 'app.loadDemo', {})).code).toBe('conflict');
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });
});
