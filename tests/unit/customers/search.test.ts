import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers';
import { call, freshApp } from '../helpers';

async function office(): Promise<{ app: TestApp; ids: Record<string, number> }> {
  const app = freshApp();
  const ids: Record<string, number> = {};
  const add = async (key: string, input: Parameters<typeof call<'customers.create'>>[2]) => {
    ids[key] = (await call(app, 'customers.create', input)).id;
  };
  await add('rahul', { name: 'Rahul Patil', phones: ['+91 98450 12345'], pppoeUsername: 'rahul.patil' });
  await add('ramesh', { name: 'Ramesh Kulkarni', phones: ['020-2553 0101'], pppoeUsername: 'rk-home' });
  await add('amit', {
    name: 'Amit Rao',
    phones: ['+91 70123 99887'],
    connectionType: 'static',
    staticIp: '10.20.30.40',
  });
  await add('sunita', { name: 'Sunita Deshmukh', phones: ['9890011223'], pppoeUsername: 'sunita@tower2' });
  await add('zoya', { name: 'Zoya Khan', connectionType: 'static', staticIp: '10.20.31.7' });
  // Her IP stays reserved, so the archived are still found by it.
  await call(app, 'customers.setStatus', { id: ids.zoya!, status: 'archived', reason: 'moved', keepIdentifiers: true });
  return { app, ids };
}

async function found(app: TestApp, query: string): Promise<number[]> {
  const hits = await call(app, 'customers.search', { query });
  return hits.map((h) => h.id).sort((a, b) => a - b);
}

describe('customers.search', () => {
  it('finds by a fragment of the name, in any case', async () => {
    const { app, ids } = await office();
    expect(await found(app, 'kulkarni')).toEqual([ids.ramesh]);
    expect(await found(app, 'ULKAR')).toEqual([ids.ramesh]);
    expect(await found(app, 'rahul pat')).toEqual([ids.rahul]);
    expect(await found(app, 'Deshmukh Sunita')).toEqual([ids.sunita]);
  });

  it('finds by phone digits from the middle, typed with or without spaces and dashes', async () => {
    const { app, ids } = await office();
    expect(await found(app, '50123')).toEqual([ids.rahul]);
    expect(await found(app, '450 123')).toEqual([ids.rahul]);
    expect(await found(app, '98450 12345')).toEqual([ids.rahul]);
    expect(await found(app, '+91 98450 12345')).toEqual([ids.rahul]);
    expect(await found(app, '2553-0101')).toEqual([ids.ramesh]);
    expect(await found(app, '25530101')).toEqual([ids.ramesh]);
    expect(await found(app, '020 2553')).toEqual([ids.ramesh]);
    expect(await found(app, '0011223')).toEqual([ids.sunita]);
  });

  it('finds by account number, whole or in part', async () => {
    const { app, ids } = await office();
    expect(await found(app, 'WD-000003')).toEqual([ids.amit]);
    expect(await found(app, 'wd-000004')).toEqual([ids.sunita]);
  });

  it('finds by PPPoE username', async () => {
    const { app, ids } = await office();
    expect(await found(app, 'rahul.patil')).toEqual([ids.rahul]);
    expect(await found(app, 'sunita@tower2')).toEqual([ids.sunita]);
    expect(await found(app, 'rk-home')).toEqual([ids.ramesh]);
  });

  it('finds by IP and IP prefix', async () => {
    const { app, ids } = await office();
    expect(await found(app, '10.20.30.40')).toEqual([ids.amit]);
    expect(await found(app, '10.20.3')).toEqual([ids.amit, ids.zoya]);
    expect(await found(app, '10.20.31')).toEqual([ids.zoya]);
  });

  it('short queries find names that start with them', async () => {
    const { app, ids } = await office();
    expect(await found(app, 'R')).toEqual(expect.arrayContaining([ids.rahul, ids.ramesh]));
    expect(await found(app, 'ra')).toEqual(expect.arrayContaining([ids.rahul, ids.ramesh]));
    expect(await found(app, 'Su')).toEqual(expect.arrayContaining([ids.sunita]));
    expect(await found(app, 'Su')).not.toContain(ids.rahul);
    expect(await found(app, 'q')).toEqual([]);
  });

  it('finds archived customers, after the current ones', async () => {
    const { app, ids } = await office();
    const hits = await call(app, 'customers.search', { query: 'Zoya' });
    expect(hits).toEqual([expect.objectContaining({ id: ids.zoya, status: 'archived', staticIp: '10.20.31.7' })]);
    const both = await call(app, 'customers.search', { query: '10.20.3' });
    expect(both.map((h) => h.status)).toEqual(['active', 'archived']);
  });

  it('returns what the search box shows, and respects the limit', async () => {
    const { app, ids } = await office();
    const [hit] = await call(app, 'customers.search', { query: 'Rahul' });
    expect(hit).toEqual({
      id: ids.rahul,
      accountNo: 'WD-000001',
      name: 'Rahul Patil',
      phone: '98450 12345',
      pppoeUsername: 'rahul.patil',
      staticIp: null,
      email: null,
      macAddress: null,
      matched: null,
      status: 'active',
    });
    for (let i = 0; i < 12; i++) await call(app, 'customers.create', { name: `Rakesh ${i}`, pppoeUsername: `rk${i}` });
    expect(await call(app, 'customers.search', { query: 'Rakesh' })).toHaveLength(10);
    expect(await call(app, 'customers.search', { query: 'Rakesh', limit: 3 })).toHaveLength(3);
    // Names starting with "ra" (Rahul, Ramesh, 12 Rakesh), then a later word starting with it (Amit Rao).
    const short = await call(app, 'customers.search', { query: 'ra', limit: 50 });
    expect(short).toHaveLength(15);
    expect(short.at(-1)?.id).toBe(ids.amit);
  });

  it('finds by e-mail and MAC, and says which field found the customer', async () => {
    const { app } = await office();
    const { id } = await call(app, 'customers.create', {
      name: 'Neha Joshi',
      phones: ['+91 99220 44556'],
      email: 'neha.joshi@example.in',
      pppoeUsername: 'neha-home',
      macAddress: 'a4:5e:60:c2:11:f0',
    });
    const hit = async (query: string) => (await call(app, 'customers.search', { query })).find((h) => h.id === id);
    expect(await hit('joshi@exam')).toMatchObject({ matched: 'email', email: 'neha.joshi@example.in' });
    expect(await hit('60:C2:11')).toMatchObject({ matched: 'macAddress', macAddress: 'A4:5E:60:C2:11:F0' });
    expect(await hit('a45e60')).toMatchObject({ matched: 'macAddress' });
    expect(await hit('neha-ho')).toMatchObject({ matched: 'pppoeUsername' });
    // The name, account number and phone are always shown: nothing more to say.
    expect(await hit('Neha')).toMatchObject({ matched: null });
    expect(await hit('99220 445')).toMatchObject({ matched: null });
  });

  it('follows edits: a renamed customer is found by the new name only', async () => {
    const { app, ids } = await office();
    await call(app, 'customers.update', {
      id: ids.rahul!,
      customer: { name: 'Rahul Jadhav', phones: ['+91 90000 11111'], pppoeUsername: 'rahul.j' },
    });
    expect(await found(app, 'Patil')).toEqual([]);
    expect(await found(app, 'Jadhav')).toEqual([ids.rahul]);
    expect(await found(app, '50123')).toEqual([]);
    expect(await found(app, '0000 111')).toEqual([ids.rahul]);
  });

  it('indexes every customer exactly once, whether created, imported or edited', async () => {
    const { app, ids } = await office();
    const csv = 'name,phone,pppoe_username\nImran Shaikh,9822012345,imran.s\nFarhan Ali,9822054321,farhan.a\n';
    const preview = await call(app, 'customers.importPreview', { csv });
    await call(app, 'customers.importCommit', { csv, mapping: preview.mapping });
    await call(app, 'customers.update', {
      id: ids.amit!,
      customer: { name: 'Amit Rao Jr', staticIp: '10.20.30.41', connectionType: 'static' },
    });
    const count = (sql: string) => app.db.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM customer_search_docsize')).toBe(count('SELECT count(*) FROM customers'));
    expect(await found(app, 'shaikh')).toHaveLength(1);
    expect(await found(app, '2054321')).toHaveLength(1);
    expect(await found(app, '10.20.30.41')).toEqual([ids.amit]);
    app.db.sqlite.exec("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')");
  });

  it('finds nothing for an empty or blank query', async () => {
    const { app } = await office();
    expect(await found(app, '')).toEqual([]);
    expect(await found(app, '   ')).toEqual([]);
  });

  it.each([
    'a"b',
    '"',
    '""',
    '"""',
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'NEAR(a b)',
    '*',
    '(',
    ')',
    'ra*',
    '^Rahul',
    'name:Rahul',
    'body:Rahul',
    'Rahul OR',
    '-Rahul',
    '+',
    '%',
    '_',
    '\\',
    "'; DROP TABLE customers; --",
    '😀',
    'R😀',
    '😀😀😀',
    '\u0000',
    'x'.repeat(100),
  ])('does not fail on %j', async (query) => {
    const { app } = await office();
    const result = await app.registry.invoke('customers.search', { query });
    expect(result.ok).toBe(true);
    expect(await call(app, 'customers.countByStatus', {})).toMatchObject({ total: 5 });
    const list = await app.registry.invoke('customers.list', { query, status: 'all' });
    expect(list.ok).toBe(true);
  });

  it('treats FTS syntax as text: "AND" finds nobody here, "%" is not a wildcard', async () => {
    const { app } = await office();
    expect(await found(app, 'AND')).toEqual([]);
    expect(await found(app, '%')).toEqual([]);
    expect(await found(app, '_')).toEqual([]);
    expect(await found(app, 'Rahul OR Ramesh')).toEqual([]);
  });

  it('refuses queries over 100 characters', async () => {
    const { app } = await office();
    const result = await app.registry.invoke('customers.search', { query: 'x'.repeat(101) });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
