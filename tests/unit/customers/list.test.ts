import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../src-main/app';
import { CUSTOMER_SORT_COLUMNS, type CustomerRow, type CustomerListInput } from '../../../src-shared/contract';
import { call, createCustomer, freshApp } from '../helpers';

// One demo ISP (300 customers) shared by these read-only tests; they never write.
let app: App;
let dataDir: string;
let everyone: CustomerRow[];

async function allPages(input: CustomerListInput): Promise<{ rows: CustomerRow[]; total: number }> {
  const rows: CustomerRow[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await call(app, 'customers.list', { ...input, page, pageSize: 200 });
    total = result.total;
    rows.push(...result.records);
    if (result.records.length < 200) break;
  }
  return { rows, total };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-list-'));
  app = createApp({ dataDir, host: 'browser', checkOutputs: true });
  await call(app, 'app.loadDemo', {});
  // Two customers without a plan, so sorting by plan meets NULLs.
  await call(app, 'customers.create', { name: 'zed No Plan', pppoeUsername: 'noplan1' });
  await call(app, 'customers.create', { name: 'Aaron No Plan', pppoeUsername: 'noplan2' });
  everyone = (await allPages({ status: 'all' })).rows;
});

afterAll(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortKey(row: CustomerRow, column: (typeof CUSTOMER_SORT_COLUMNS)[number]): string | null {
  switch (column) {
    case 'name':
      return nocase(row.name);
    case 'planName':
      return row.planName === null ? null : nocase(row.planName);
    default:
      return row[column];
  }
}

/** SQLite order: NULL first ascending. Ties may come in any fixed order; paging checks they are stable. */
function compareRows(a: CustomerRow, b: CustomerRow, column: (typeof CUSTOMER_SORT_COLUMNS)[number]): number {
  const x = sortKey(a, column);
  const y = sortKey(b, column);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return compareText(x, y);
}

describe('customers.list', () => {
  it('pages: total counts every match, pages differ and together cover everyone once', async () => {
    const first = await call(app, 'customers.list', { status: 'all', pageSize: 25 });
    const second = await call(app, 'customers.list', { status: 'all', page: 2, pageSize: 25 });
    expect(first.total).toBe(302);
    expect(second.total).toBe(302);
    expect(first.records).toHaveLength(25);
    expect(second.records).toHaveLength(25);
    const firstIds = new Set(first.records.map((r) => r.id));
    expect(second.records.some((r) => firstIds.has(r.id))).toBe(false);
    expect(everyone).toHaveLength(302);
    expect(new Set(everyone.map((r) => r.id)).size).toBe(302);
  });

  it('the last page is partial and a deep page is empty but still gives the total', async () => {
    const last = await call(app, 'customers.list', { status: 'all', page: 7, pageSize: 50 });
    expect(last.records).toHaveLength(2);
    const deep = await call(app, 'customers.list', { status: 'all', page: 1_000_000, pageSize: 200 });
    expect(deep).toEqual({ records: [], total: 302 });
    const beyond = await call(app, 'customers.list', { status: 'all', page: 8, pageSize: 50 });
    expect(beyond.records).toEqual([]);
  });

  for (const column of CUSTOMER_SORT_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${column} ${direction}`, async () => {
        const { rows, total } = await allPages({ status: 'all', sort: { column, direction } });
        expect(total).toBe(302);
        expect(rows).toHaveLength(302);
        expect(new Set(rows.map((r) => r.id)).size).toBe(302);
        const sign = direction === 'asc' ? 1 : -1;
        for (let i = 1; i < rows.length; i++) {
          const order = compareRows(rows[i - 1]!, rows[i]!, column) * sign;
          if (order > 0) {
            throw new Error(
              `row ${i} is out of order by ${column} ${direction}: ` +
                `${JSON.stringify(sortKey(rows[i - 1]!, column))} (#${rows[i - 1]!.id}) before ` +
                `${JSON.stringify(sortKey(rows[i]!, column))} (#${rows[i]!.id})`,
            );
          }
        }
        // A sort that does nothing would pass the check above only if the data were already sorted.
        expect(new Set(rows.map((r) => sortKey(r, column))).size).toBeGreaterThan(1);
      });
    }
  }

  it('every page is the same slice of the full sorted list, whatever the page size (ties are stable)', async () => {
    for (const column of CUSTOMER_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const status of ['current', 'all', 'suspended'] as const) {
          const sort = { column, direction };
          const full = (await allPages({ status, sort })).rows.map((r) => r.id);
          for (const page of [1, 3, 9]) {
            const { records } = await call(app, 'customers.list', { status, sort, page, pageSize: 30 });
            expect(
              records.map((r) => r.id),
              `${column} ${direction} ${status} page ${page}`,
            ).toEqual(full.slice((page - 1) * 30, page * 30));
          }
        }
      }
    }
  });

  it('filters by status: current leaves out the archived, all includes them', async () => {
    const counts = await call(app, 'customers.countByStatus', {});
    for (const s of ['active', 'suspended', 'disconnected', 'archived'] as const) expect(counts[s]).toBeGreaterThan(0);
    const current = await allPages({ status: 'current' });
    expect(current.total).toBe(counts.total - counts.archived);
    expect(current.rows.every((r) => r.status !== 'archived')).toBe(true);
    expect((await allPages({ status: 'all' })).total).toBe(counts.total);
    for (const status of ['active', 'suspended', 'disconnected', 'archived'] as const) {
      const { rows, total } = await allPages({ status });
      expect(total).toBe(counts[status]);
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
  });

  it('the default is current, by account number ascending', async () => {
    const result = await call(app, 'customers.list', {});
    expect(result.records.every((r) => r.status !== 'archived')).toBe(true);
    const numbers = result.records.map((r) => r.accountNo);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('filters by plan', async () => {
    const plans = await call(app, 'plans.list', {});
    const plan = plans.find((p) => p.customerCount > 10)!;
    const { rows, total } = await allPages({ planId: plan.id });
    expect(total).toBe(plan.customerCount);
    expect(rows.every((r) => r.planId === plan.id && r.planName === plan.name)).toBe(true);
    const expected = everyone.filter((r) => r.planId === plan.id && r.status !== 'archived').map((r) => r.id);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('filters by text, combined with status and plan', async () => {
    const matches = (r: CustomerRow) => /patil/i.test(r.name) || /patil/i.test(r.pppoeUsername ?? '');
    const expected = everyone.filter(matches).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const { rows } = await allPages({ status: 'all', query: 'Patil' });
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));

    const active = await allPages({ status: 'active', query: 'patil' });
    expect(active.rows.every((r) => r.status === 'active' && matches(r))).toBe(true);
    expect(active.total).toBe(everyone.filter((r) => matches(r) && r.status === 'active').length);

    const someone = everyone.find((r) => matches(r) && r.planId !== null)!;
    const byPlan = await allPages({ status: 'all', query: 'patil', planId: someone.planId });
    expect(byPlan.rows.map((r) => r.id)).toContain(someone.id);
    expect(byPlan.rows.every((r) => r.planId === someone.planId)).toBe(true);
  });

  it('a text filter that matches nobody gives an empty page', async () => {
    expect(await call(app, 'customers.list', { status: 'all', query: 'Nobody Xyzzy' })).toEqual({
      records: [],
      total: 0,
    });
  });

  it('refuses page 0, pageSize over 200 and unknown sort columns', async () => {
    for (const input of [{ page: 0 }, { pageSize: 201 }, { sort: { column: 'pppoePassword', direction: 'asc' } }]) {
      const result = await app.registry.invoke('customers.list', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });
});

describe('access points', () => {
  it('lists the sites current customers are on, with their counts, archived customers left out', async () => {
    const app = freshApp();
    await createCustomer(app, { accessPoint: 'Tower 2' });
    await createCustomer(app, { accessPoint: 'tower 1' });
    await createCustomer(app, { accessPoint: 'Tower 2' });
    const gone = await createCustomer(app, { accessPoint: 'Old Mast' });
    await call(app, 'customers.setStatus', { id: gone.id, status: 'archived', reason: 'left' });
    await createCustomer(app, { accessPoint: '' });
    expect(await call(app, 'customers.accessPoints', {})).toEqual([
      { name: 'tower 1', customers: 1 },
      { name: 'Tower 2', customers: 2 },
    ]);
  });
});
