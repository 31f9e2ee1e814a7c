import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../src-shared/contract';
import { createApp } from '../../../src-main/app';
import {
  call,
  createCustomer,
  createPlan,
  customerCount,
  freshApp,
  onCleanup,
  tempDir,
  type TestApp,
} from '../helpers';

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

async function everyCustomer(app: TestApp): Promise<Customer[]> {
  const out: Customer[] = [];
  for (let page = 1; ; page++) {
    const { records } = await call(app, 'customers.list', { status: 'all', page, pageSize: 200 });
    for (const r of records) out.push(await call(app, 'customers.get', { id: r.id }));
    if (records.length < 200) return out;
  }
}

describe('customers.exportCsv', () => {
  it('writes a header row and one row per customer, in list order', async () => {
    const app = freshApp();
    const plan = await createPlan(app);
    await createCustomer(app, { name: 'Rahul Patil', pppoeUsername: 'rahul', planId: plan.id });
    await createCustomer(app, {
      name: 'Amit Rao',
      phones: ['+91 70123 99887', '020 2553 0101'],
      pppoeUsername: 'amit',
    });
    const result = await call(app, 'customers.exportCsv', { sort: { column: 'name', direction: 'asc' } });
    expect(result.count).toBe(2);
    expect(result.filename).toMatch(/^customers-current-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(result.csv);
    expect(header).toEqual(
      expect.arrayContaining(['Account no', 'Name', 'Phone', 'Second phone', 'PPPoE username', 'Plan']),
    );
    expect(header!.join()).not.toMatch(/password/i);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('Name')])).toEqual(['Amit Rao', 'Rahul Patil']);
    expect(rows[0]![col('Second phone')]).toBe('020 2553 0101');
    expect(rows[1]![col('Plan')]).toBe('Home 20');
    expect(rows[1]![col('Account no')]).toBe('WD-000001');
  });

  it('exports only the customers the filter shows', async () => {
    const app = freshApp();
    const a = await createCustomer(app, { name: 'Active One' });
    const s = await createCustomer(app, { name: 'Suspended One' });
    const x = await createCustomer(app, { name: 'Archived One' });
    await call(app, 'customers.setStatus', { id: s.id, status: 'suspended' });
    await call(app, 'customers.setStatus', { id: x.id, status: 'archived' });
    const names = async (filter: Parameters<typeof call<'customers.exportCsv'>>[2]) => {
      const { csv, count } = await call(app, 'customers.exportCsv', filter);
      const rows = parse(csv).slice(1);
      expect(rows).toHaveLength(count);
      return rows.map((r) => r[1]).sort();
    };
    expect(await names({})).toEqual(['Active One', 'Suspended One']);
    expect(await names({ status: 'all' })).toEqual(['Active One', 'Archived One', 'Suspended One']);
    expect(await names({ status: 'archived' })).toEqual(['Archived One']);
    expect(await names({ status: 'suspended' })).toEqual(['Suspended One']);
    expect(await names({ status: 'all', query: 'One Arch' })).toEqual(['Archived One']);
    expect(a.status).toBe('active');
    const header = await call(app, 'customers.exportCsv', { query: 'nobody-at-all' });
    expect(header.count).toBe(0);
    expect(parse(header.csv)).toHaveLength(1);
  });

  it('prefixes formula-looking cells with a quote, and leaves phone numbers as dialled and negatives alone', async () => {
    const app = freshApp();
    await createCustomer(app, {
      name: '=HYPERLINK("http://evil.example","click")',
      address: '@SUM(A1:A9)',
      notes: '+cmd|calc',
      cpeModel: '-x',
      pppoeUsername: 'formula',
      phones: ['+91 98450 12345'],
      latitude: -12.5,
      longitude: 73.8,
    });
    const [header, row] = parse((await call(app, 'customers.exportCsv', {})).csv);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Name')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell('Address')).toBe(`'@SUM(A1:A9)`);
    expect(cell('Notes')).toBe(`'+cmd|calc`);
    expect(cell('CPE model')).toBe(`'-x`);
    // As dialled from the office: the leading 0 and the space keep it text in a spreadsheet.
    expect(cell('Phone')).toBe('098450 12345');
    expect(cell('Latitude')).toBe('-12.5');
    for (const value of row!) expect(value).not.toMatch(/^[=@]/);
  });

  it('round trip: the demo ISP exported and imported into a fresh app gives the same customers', async () => {
    const source = freshApp();
    await call(source, 'app.loadDemo', {});
    await createCustomer(source, {
      name: 'Quote "Tricky", Person',
      address: '12, MG Road, Pune',
      notes: 'line one\nline two, with comma',
      pppoeUsername: 'tricky',
      phones: ['+91 98450 12345', '020-2553 0101'],
      email: 'tricky@example.in',
      macAddress: 'aa:bb:cc:00:11:22',
      installedOn: '2024-02-29',
      billingDay: 28,
    });
    const exported = await call(source, 'customers.exportCsv', { status: 'all' });
    expect(exported.count).toBe(301);

    const target = freshApp();
    // The target ISP has the same plans, all taking customers.
    for (const plan of await call(source, 'plans.list', {})) {
      const { id: _id, status: _s, customerCount: _c, createdAt: _ca, updatedAt: _ua, ...input } = plan;
      await call(target, 'plans.create', input);
    }
    const preview = await call(target, 'customers.importPreview', { csv: exported.csv });
    expect(preview.invalidRows).toBe(0);
    expect(preview.totalRows).toBe(301);
    const result = await call(target, 'customers.importCommit', { csv: exported.csv, mapping: preview.mapping });
    expect(result).toEqual({ imported: 301, skipped: 0, alreadyIn: 0 });
    expect(customerCount(target)).toBe(301);

    const comparable = (c: Customer) => ({
      name: c.name,
      phones: c.phones,
      email: c.email,
      address: c.address,
      latitude: c.latitude,
      longitude: c.longitude,
      idProof: c.idProof,
      notes: c.notes,
      status: c.status,
      connectionType: c.connectionType,
      pppoeUsername: c.pppoeUsername,
      staticIp: c.staticIp,
      macAddress: c.macAddress,
      cpeModel: c.cpeModel,
      accessPoint: c.accessPoint,
      planName: c.planName,
      billingDay: c.billingDay,
      installedOn: c.installedOn,
    });
    const before = (await everyCustomer(source)).map(comparable);
    const after = (await everyCustomer(target)).map(comparable);
    expect(after).toEqual(before);
    expect(await call(target, 'customers.countByStatus', {})).toEqual(
      await call(source, 'customers.countByStatus', {}),
    );
  });
});

describe('the export file is named by the office’s date', () => {
  it('at 00:30 in Kolkata (19:00 UTC the day before) the file says the new day', async () => {
    const app = createApp({ dataDir: tempDir(), host: 'browser', clock: () => new Date('2026-03-31T19:00:00Z') });
    onCleanup(() => app.close());
    await call(app, 'settings.save', { companyName: 'Sahyadri', timeZone: 'Asia/Kolkata' });
    const result = await call(app, 'customers.exportCsv', {});
    expect(result.filename).toBe('customers-current-2026-04-01.csv');
  });
});
