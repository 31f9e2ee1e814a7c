import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PLANS } from '../../../src-main/demo/demoIsp';
import type { ImportMapping } from '../../../src-shared/contract';
import { call, createCustomer, createPlan, customerCount, databaseChecksum, freshApp, refused } from '../helpers';

const HEADER = 'Customer Name,Mobile No,Email ID,Address,PPPoE User,Password,IP Address,MAC,Package,Install Date,Tower';

function row(i: number, overrides: Partial<Record<string, string>> = {}): string {
  const cells = {
    name: `Customer ${i}`,
    phone: `98450 ${String(10000 + i)}`,
    email: `c${i}@example.in`,
    address: `${i} MG Road`,
    user: `user${i}`,
    password: `pw${i}`,
    ip: '',
    mac: '',
    plan: 'Home 20',
    installed: '01/02/2024',
    tower: 'SHV-AP1',
    ...overrides,
  };
  return Object.values(cells).join(',');
}

/** 20 customers; row 6 has a bad IP and row 12 repeats row 3's PPPoE username. */
function twentyRows(): string {
  const lines = [HEADER];
  for (let i = 1; i <= 20; i++) {
    const sheetRow = i + 1;
    if (sheetRow === 6) lines.push(row(i, { ip: '10.0.0.300' }));
    else if (sheetRow === 12) lines.push(row(i, { user: 'USER2' }));
    else lines.push(row(i));
  }
  return lines.join('\n') + '\n';
}

async function withPlan() {
  const app = freshApp();
  await createPlan(app, { name: 'Home 20' });
  return app;
}

describe('customers.importPreview', () => {
  it('maps common header spellings automatically', async () => {
    const app = await withPlan();
    const preview = await call(app, 'customers.importPreview', { csv: twentyRows() });
    expect(preview.headers).toEqual(HEADER.split(','));
    expect(preview.mapping).toMatchObject({
      name: 0,
      phone: 1,
      email: 2,
      address: 3,
      pppoeUsername: 4,
      pppoePassword: 5,
      staticIp: 6,
      macAddress: 7,
      plan: 8,
      installedOn: 9,
      accessPoint: 10,
      status: null,
      notes: null,
    });
  });

  it('reports exactly the bad rows, counting the header as row 1, with reasons; writes nothing', async () => {
    const app = await withPlan();
    const before = databaseChecksum(app.db.sqlite);
    const preview = await call(app, 'customers.importPreview', { csv: twentyRows() });
    expect(preview.totalRows).toBe(20);
    expect(preview.validRows).toBe(18);
    expect(preview.invalidRows).toBe(2);
    const bad = preview.rows.filter((r) => r.errors.length > 0);
    expect(bad.map((r) => r.row)).toEqual([6, 12]);
    expect(bad[0]!.values.staticIp).toBe('10.0.0.300');
    expect(bad[0]!.errors).toEqual([expect.objectContaining({ field: 'staticIp' })]);
    expect(bad[1]!.errors).toEqual([
      expect.objectContaining({ field: 'pppoeUsername', message: expect.stringMatching(/row 3/) }),
    ]);
    expect(preview.rows.find((r) => r.row === 2)?.values).toMatchObject({ name: 'Customer 1', plan: 'Home 20' });
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
  });

  it('a row whose username or IP a customer of that name holds is that customer; held by someone else, a conflict', async () => {
    const app = await withPlan();
    const held = await createCustomer(app, { name: 'customer 5', pppoeUsername: 'user5', staticIp: '10.9.9.9' });
    const csv = [HEADER, row(5), row(6, { ip: '10.9.9.9' }), row(7)].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.rows.map((r) => r.errors.map((e) => e.field))).toEqual([[], ['staticIp'], []]);
    expect(preview.rows[1]!.errors[0]!.message).toMatch(/already used by WD-000001 customer 5/);
    expect(preview.rows.map((r) => r.alreadyIn?.accountNo ?? null)).toEqual([held.accountNo, null, null]);
    expect(preview).toMatchObject({ validRows: 1, invalidRows: 1, alreadyInRows: 1 });
  });

  it('an unknown or retired plan name is a row error; plan names match in any case', async () => {
    const app = await withPlan();
    const old = await createPlan(app, { name: 'Old 8' });
    await call(app, 'plans.setStatus', { id: old.id, status: 'retired' });
    const csv = [HEADER, row(1, { plan: 'Gold 999' }), row(2, { plan: 'old 8' }), row(3, { plan: 'HOME 20' })].join(
      '\n',
    );
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.rows[0]!.errors).toEqual([
      { field: 'plan', message: expect.stringContaining('no plan called "Gold 999"') },
    ]);
    expect(preview.rows[1]!.errors).toEqual([{ field: 'plan', message: expect.stringContaining('retired') }]);
    expect(preview.rows[2]!.errors).toEqual([]);
  });

  it('parses a file with a BOM, quoted commas, quoted quotes and CRLF line ends', async () => {
    const app = await withPlan();
    const csv =
      '\uFEFFName,Phone,Address,Username,Notes\r\n' +
      '"Patil, Rahul",+91 98450 12345,"12, MG Road, Pune","rahul.p","said ""call after 6"""\r\n' +
      'Sunita,9890011223,"Line one\nLine two",sunita,\r\n';
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.headers).toEqual(['Name', 'Phone', 'Address', 'Username', 'Notes']);
    expect(preview.invalidRows).toBe(0);
    expect(preview.rows[0]!.values).toMatchObject({
      name: 'Patil, Rahul',
      address: '12, MG Road, Pune',
      notes: 'said "call after 6"',
    });
    expect(preview.rows[0]!.errors).toEqual([]);
    // A postal address may span lines, as spreadsheets keep it.
    expect(preview.rows[1]!.values.address).toBe('Line one\nLine two');
  });

  it('an empty file, a blank file and a header-only file get clear errors', async () => {
    const app = await withPlan();
    const empty = await refused(app, 'customers.importPreview', { csv: '' });
    expect(empty.code).toBe('validation');
    expect(empty.message).toMatch(/empty/);
    const blank = await refused(app, 'customers.importPreview', { csv: '\n\n  \n' });
    expect(blank).toMatchObject({ code: 'validation', message: expect.stringMatching(/header/) });
    const headerOnly = await call(app, 'customers.importPreview', { csv: 'name,phone\n' });
    expect(headerOnly).toMatchObject({ totalRows: 0, validRows: 0, invalidRows: 0 });
    const commit = await refused(app, 'customers.importCommit', { csv: 'name,phone\n', mapping: headerOnly.mapping });
    expect(commit).toMatchObject({ code: 'validation', message: expect.stringMatching(/no rows/) });
    expect(customerCount(app)).toBe(0);
  });

  it('uses a mapping the operator chose instead of the suggested one', async () => {
    const app = await withPlan();
    const csv = 'col a,col b,col c\nRahul,rahul1,SHV\n';
    const auto = await call(app, 'customers.importPreview', { csv });
    expect(auto.rows[0]!.errors.length).toBeGreaterThan(0);
    const mapping: ImportMapping = { name: 0, pppoeUsername: 1, accessPoint: 2 };
    const chosen = await call(app, 'customers.importPreview', { csv, mapping });
    expect(chosen.rows[0]).toMatchObject({ errors: [], values: { name: 'Rahul', accessPoint: 'SHV' } });
  });

  it('a row with more cells than the header is an error', async () => {
    const app = await withPlan();
    const preview = await call(app, 'customers.importPreview', { csv: 'name,username\nRahul,rahul1,surprise\n' });
    expect(preview.rows[0]!.errors).toEqual([{ field: null, message: expect.stringMatching(/3 cells/) }]);
  });
});

describe('customers.importCommit', () => {
  it('refuses the whole file while a kept row is bad, writing nothing', async () => {
    const app = await withPlan();
    const csv = twentyRows();
    const { mapping } = await call(app, 'customers.importPreview', { csv });
    // Nothing is written but the record of the refused job.
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    const error = await refused(app, 'customers.importCommit', { csv, mapping });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/2 rows have errors, so nothing was imported/);
    expect((error.details?.rows as { row: number }[]).map((r) => r.row)).toEqual([6, 12]);
    expect(customerCount(app)).toBe(0);
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
    // Skipping only one of them is still refused.
    expect((await refused(app, 'customers.importCommit', { csv, mapping, skipRows: [6] })).code).toBe('validation');
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
    const [job] = await call(app, 'jobs.list', { limit: 1 });
    expect(job).toMatchObject({ kind: 'customers.import', status: 'failed', error: { code: 'validation' } });
  });

  it('imports the 18 good rows when the bad rows are skipped', async () => {
    const app = await withPlan();
    const csv = twentyRows();
    const { mapping } = await call(app, 'customers.importPreview', { csv });
    const events: unknown[] = [];
    app.events.subscribe((name, payload) => events.push([name, payload]));
    const result = await call(app, 'customers.importCommit', { csv, mapping, skipRows: [6, 12] });
    expect(result).toEqual({ imported: 18, skipped: 2, alreadyIn: 0 });
    expect(customerCount(app)).toBe(18);
    expect(events).toContainEqual(['customers.changed', { ids: 'many' }]);

    const list = await call(app, 'customers.list', { pageSize: 50 });
    expect(list.total).toBe(18);
    expect(list.records.map((r) => r.name)).not.toContain('Customer 5');
    expect(list.records.map((r) => r.name)).not.toContain('Customer 11');
    expect(list.records[0]).toMatchObject({ accountNo: 'WD-000001', planName: 'Home 20', accessPoint: 'SHV-AP1' });

    const first = await call(app, 'customers.get', { id: list.records[0]!.id });
    expect(first).toMatchObject({
      name: 'Customer 1',
      phones: ['98450 10001'],
      email: 'c1@example.in',
      pppoeUsername: 'user1',
      hasPppoePassword: true,
      installedOn: '2024-02-01',
      status: 'active',
    });
    expect(await call(app, 'customers.revealPppoePassword', { id: first.id })).toEqual({ password: 'pw1' });
    // A second commit of the same file finds every row already in WispDesk: nothing new to write.
    const again = await refused(app, 'customers.importCommit', { csv, mapping, skipRows: [6, 12] });
    expect(again).toMatchObject({ code: 'validation', message: expect.stringMatching(/already in WispDesk/) });
    expect(customerCount(app)).toBe(18);
  });

  it('converts day-first dates and brings statuses, connection types and numbers', async () => {
    const app = await withPlan();
    const csv = [
      'name,username,ip,status,connection type,installed on,billing day,lat,lng,mac',
      'A,a1,,Suspended,,15/03/2024,5,18.5,73.8,aa-bb-cc-dd-ee-ff',
      'B,,10.0.0.7,,,7-11-2023,,,,',
      'C,c1,,archived,PPPoE,2024-12-31,28,,,',
      'D,,10.0.0.8,,static,31/12/2024,,,,',
    ].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.invalidRows).toBe(0);
    await call(app, 'customers.importCommit', { csv, mapping: preview.mapping });
    const list = await call(app, 'customers.list', { status: 'all' });
    const byName = Object.fromEntries(
      await Promise.all(list.records.map(async (r) => [r.name, await call(app, 'customers.get', { id: r.id })])),
    );
    expect(byName.A).toMatchObject({
      status: 'suspended',
      installedOn: '2024-03-15',
      billingDay: 5,
      latitude: 18.5,
      longitude: 73.8,
      macAddress: 'AA:BB:CC:DD:EE:FF',
    });
    expect(byName.B).toMatchObject({ connectionType: 'static', staticIp: '10.0.0.7', installedOn: '2023-11-07' });
    expect(byName.C).toMatchObject({ status: 'archived', connectionType: 'pppoe', billingDay: 28 });
    expect(byName.D).toMatchObject({ connectionType: 'static', installedOn: '2024-12-31' });
  });

  it('reports bad values per field: date, billing day, status, e-mail', async () => {
    const app = await withPlan();
    const csv = [
      'name,username,installed on,billing day,status,email',
      'A,a1,31/02/2024,,,',
      'B,b1,,31,,',
      'C,c1,,,gone,',
      'D,d1,,,,not-mail',
      'E,e1,,x,,',
    ].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.rows.map((r) => r.errors.map((e) => e.field))).toEqual([
      ['installedOn'],
      ['billingDay'],
      ['status'],
      ['email'],
      ['billingDay'],
    ]);
    expect((await refused(app, 'customers.importCommit', { csv, mapping: preview.mapping })).code).toBe('validation');
    expect(customerCount(app)).toBe(0);
  });

  it('refuses skip rows below 2 and mappings past column 199', async () => {
    const app = await withPlan();
    const csv = twentyRows();
    expect((await refused(app, 'customers.importCommit', { csv, mapping: {}, skipRows: [1] })).code).toBe('validation');
    expect((await refused(app, 'customers.importCommit', { csv, mapping: { name: 200 } })).code).toBe('validation');
    expect((await refused(app, 'customers.importCommit', { csv, mapping: { password: 1 } })).code).toBe('validation');
    expect(customerCount(app)).toBe(0);
  });
});

describe('row numbers in the report', () => {
  it('are the spreadsheet’s rows: a blank line is a row, a quoted multi-line address is one row', async () => {
    const app = await withPlan();
    const csv = [
      HEADER,
      row(1),
      '',
      `"Customer 2",98450 10002,c2@example.in,"Flat 4,\nShanti Apartments,\nMG Road",user2,pw2,,,Home 20,01/02/2024,SHV-AP1`,
      row(3, { ip: 'not-an-ip' }),
      row(4, { user: 'USER2' }),
    ].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.totalRows).toBe(4);
    // Text lines: the bad row starts on line 7; in the spreadsheet it is row 5.
    const bad = preview.rows.filter((r) => r.errors.length > 0);
    expect(bad.map((r) => r.row)).toEqual([5, 6]);
    expect(bad[1]!.errors[0]!.message).toMatch(/also on row 4/);
    const error = await refused(app, 'customers.importCommit', { csv, mapping: preview.mapping });
    expect(error.message).toMatch(/Row 5: /);
    expect((error.details?.rows as { row: number }[]).map((r) => r.row)).toEqual([5, 6]);
    expect(await call(app, 'customers.importCommit', { csv, mapping: preview.mapping, skipRows: [5, 6] })).toEqual({
      imported: 2,
      skipped: 2,
      alreadyIn: 0,
    });
  });

  it('a file that is not UTF-8 is refused naming the spreadsheet row', async () => {
    const app = await withPlan();
    const csv = ['name,address,username', 'A,"one\ntwo",a1', 'B\uFFFDd,x,b1'].join('\n');
    const error = await refused(app, 'customers.importPreview', { csv });
    expect(error.message).toMatch(/row 3 has characters that could not be read/);
  });
});

describe('a re-import', () => {
  it('skips rows already in WispDesk (PPPoE username, static IP, or name and phone) and imports the new ones', async () => {
    const app = await withPlan();
    await createCustomer(app, { name: 'Customer 1', pppoeUsername: 'user1' });
    await createCustomer(app, {
      name: 'Customer 2',
      connectionType: 'static',
      staticIp: '10.0.0.2',
      pppoeUsername: null,
    });
    await createCustomer(app, { name: 'customer 3', phones: ['+91 98450 10003'], pppoeUsername: 'old3' });
    const csv = [
      HEADER,
      row(1),
      row(2, { user: '', ip: '10.0.0.2' }),
      row(3, { user: 'new3' }),
      row(4),
      row(5, { ip: '10.0.0.300' }),
      // Username of one customer, IP of another: a conflict, not the same customer.
      row(6, { user: 'user1', ip: '10.0.0.2' }),
    ].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview).toMatchObject({ totalRows: 6, validRows: 1, invalidRows: 2, alreadyInRows: 3 });
    const byRow = Object.fromEntries(preview.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ errors: [], alreadyIn: { accountNo: 'WD-000001', name: 'Customer 1' } });
    expect(byRow[3]).toMatchObject({ errors: [], alreadyIn: { accountNo: 'WD-000002' } });
    expect(byRow[4]).toMatchObject({ errors: [], alreadyIn: { accountNo: 'WD-000003' } });
    expect(byRow[5]).toMatchObject({ errors: [], alreadyIn: null });
    expect(byRow[6]!.errors.map((e) => e.field)).toEqual(['staticIp']);
    // Also on rows 2 and 3 of the file, and held by two different customers.
    expect(byRow[7]!.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/also on row 2/),
      expect.stringMatching(/also on row 3/),
      expect.stringMatching(/already used by WD-000001/),
      expect.stringMatching(/already used by WD-000002/),
    ]);
    expect(byRow[7]!.alreadyIn).toBeNull();

    const result = await call(app, 'customers.importCommit', { csv, mapping: preview.mapping, skipRows: [6, 7] });
    expect(result).toEqual({ imported: 1, skipped: 5, alreadyIn: 3 });
    expect(customerCount(app)).toBe(4);
  });
});

describe('the preview’s sample rows', () => {
  it('show the first good rows as they will be saved: phones as the app shows them, plan and connection', async () => {
    const app = await withPlan();
    const csv = [HEADER, row(1, { phone: '+91-98450-10001' }), row(2, { ip: 'bad' }), row(3)].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview.samples).toEqual([
      expect.objectContaining({
        row: 2,
        name: 'Customer 1',
        phones: ['98450 10001'],
        plan: 'Home 20',
        connection: 'PPPoE user1',
        status: 'active',
        accessPoint: 'SHV-AP1',
      }),
      expect.objectContaining({ row: 4, name: 'Customer 3' }),
    ]);
  });
});

describe('the rows to fix, as a CSV', () => {
  it('are the bad rows as they were, with a Problem column that a re-import ignores', async () => {
    const app = await withPlan();
    const csv = [
      HEADER,
      row(1),
      `"Customer 2",+91-98450-10002,c2@example.in,"Flat 4,\nMG Road",user2,pw2,10.0.0.300,,Home 20,01/02/2024,SHV-AP1`,
      row(3, { plan: 'Gold 999' }),
    ].join('\n');
    const preview = await call(app, 'customers.importPreview', { csv });
    const problems = await call(app, 'customers.importProblemRows', { csv, mapping: preview.mapping });
    expect(problems.count).toBe(2);
    const [header, ...rows] = Papa.parse<string[]>(problems.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual([...HEADER.split(','), 'Problem']);
    expect(rows).toHaveLength(2);
    // As it was, the phone kept as text (a formula in a spreadsheet otherwise), the address on its two lines.
    expect(rows[0]!.slice(0, 4)).toEqual(['Customer 2', "'+91-98450-10002", 'c2@example.in', 'Flat 4,\nMG Road']);
    expect(rows[0]![11]).toMatch(/^Row 3: IP Address: must be an IPv4 address/);
    expect(rows[1]![11]).toMatch(/^Row 4: Package: there is no plan called "Gold 999"/);

    // Fixed in the spreadsheet, the same file imports: the Problem column is not mapped.
    await call(app, 'customers.importCommit', { csv, mapping: preview.mapping, skipRows: [3, 4] });
    const fixed = problems.csv.replace('10.0.0.300', '10.0.0.30').replace('Gold 999', 'Home 20');
    const again = await call(app, 'customers.importPreview', { csv: fixed });
    expect(again).toMatchObject({ totalRows: 2, validRows: 2, invalidRows: 0 });
    expect(Object.values(again.mapping)).not.toContain(11);
    expect(again.samples[0]).toMatchObject({ name: 'Customer 2', phones: ['98450 10002'] });
    // A second report of a fixed file replaces its Problem column rather than adding another.
    const broken = problems.csv.replace('Gold 999', 'Gold 1000');
    const second = await call(app, 'customers.importProblemRows', { csv: broken, mapping: again.mapping });
    expect(Papa.parse<string[]>(second.csv.slice(1)).data[0]).toEqual([...HEADER.split(','), 'Problem']);
  });
});

describe('resources/sample-customers.csv', () => {
  it('imports cleanly into the demo ISP, every column mapped by its header', async () => {
    const app = freshApp();
    await call(app, 'settings.save', { companyName: 'Sample ISP' });
    for (const plan of DEMO_PLANS) await call(app, 'plans.create', plan);
    const csv = readFileSync(join(__dirname, '../../../resources/sample-customers.csv'), 'utf8');
    const preview = await call(app, 'customers.importPreview', { csv });
    expect(preview).toMatchObject({ totalRows: 10, validRows: 10, invalidRows: 0 });
    expect(Object.values(preview.mapping).filter((index) => index !== null)).toHaveLength(14);
    await call(app, 'customers.importCommit', { csv, mapping: preview.mapping });
    expect(await call(app, 'customers.countByStatus', {})).toMatchObject({
      active: 8,
      suspended: 1,
      disconnected: 1,
      total: 10,
    });
  });
});
