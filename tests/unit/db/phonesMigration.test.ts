// Migration 0003 rewrites every stored phone to E.164 on a database full of rows: good numbers
// in any of the ways they were typed, and bad ones, which are kept and put on the timeline.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE } from '../../../src-main/app';
import { openDatabase } from '../../../src-main/db/connection';
import { bundledMigrations } from '../../../src-main/db/migrate';
import { checkSearchIndex, indexCustomers } from '../../../src-main/db/search';
import { call, onCleanup, tempDir } from '../helpers';

const BEFORE_0003 = bundledMigrations.filter((m) => m.name < '0003');

/** A database as the previous version left it: migrations up to 0002, rows as they were typed, indexed. */
function oldDatabase(country: string | null, phonesByCustomer: string[][]): string {
  const dataDir = tempDir();
  const handle = openDatabase(join(dataDir, DATABASE_FILE), { migrations: BEFORE_0003 });
  const sqlite = handle.sqlite;
  const now = '2025-01-15T10:00:00.000Z';
  if (country) {
    sqlite
      .prepare(
        `INSERT INTO settings (id, configured, company_name, country, time_zone, updated_at) VALUES (1, 1, 'Old Office', ?, 'Asia/Kolkata', ?)`,
      )
      .run(country, now);
  }
  const insert = sqlite.prepare(
    `INSERT INTO customers (account_no, name, phones, status, status_changed_at, connection_type, pppoe_username,
       billing_day, created_at, updated_at)
     VALUES (?, ?, ?, 'active', ?, 'pppoe', ?, 1, ?, ?)`,
  );
  sqlite.transaction(() => {
    phonesByCustomer.forEach((phones, i) => {
      const no = String(i + 1).padStart(6, '0');
      insert.run(`WD-${no}`, `Customer ${i + 1}`, JSON.stringify(phones), now, `user${i + 1}`, now, now);
    });
    // In the search index, as the app puts new customers there.
    if (phonesByCustomer.length) indexCustomers(sqlite, 1, phonesByCustomer.length);
  })();
  handle.close();
  return dataDir;
}

function open(dataDir: string) {
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true });
  onCleanup(() => app.close());
  return app;
}

const storedPhones = (app: ReturnType<typeof open>) =>
  (app.db.sqlite.prepare('SELECT phones FROM customers ORDER BY id').pluck().all() as string[]).map(
    (p) => JSON.parse(p) as string[],
  );

interface EventRow {
  customer_id: number;
  kind: string;
  reason: string;
  details: string;
}

describe('migration 0003: phones in one form', () => {
  it('rewrites good numbers to E.164, keeps bad ones where they were and puts each on the timeline', async () => {
    const typed = [
      ['+91 98450 12345'],
      ['09822012345', '020-2553 0101'],
      ['9822012345', 'call office'],
      ['98220 1234'],
      [],
      ['(020) 2553-0101', '+44 20 7946 0958', '+91 98450 12345'],
    ];
    // A database full of rows: the six above, then 600 more that are all good.
    const many = Array.from({ length: 600 }, (_, i) => [`98450 ${String(20000 + i)}`]);
    const dataDir = oldDatabase('IN', [...typed, ...many]);
    const app = open(dataDir);

    const phones = storedPhones(app);
    expect(phones.slice(0, 6)).toEqual([
      ['+919845012345'],
      ['+919822012345', '+912025530101'],
      ['+919822012345', 'call office'],
      ['98220 1234'],
      [],
      ['+912025530101', '+442079460958', '+919845012345'],
    ]);
    expect(phones.slice(6).every(([p]) => /^\+919845\d{6}$/.test(p!))).toBe(true);
    expect(phones.slice(6)).toHaveLength(600);

    const events = app.db.sqlite
      .prepare(
        `SELECT customer_id, kind, reason, details FROM customer_events WHERE kind = 'phone_unparsed' ORDER BY id`,
      )
      .all() as EventRow[];
    expect(events.map((e) => [e.customer_id, JSON.parse(e.details)])).toEqual([
      [3, expect.objectContaining({ phone: 'call office', index: 1 })],
      [4, expect.objectContaining({ phone: '98220 1234', index: 0 })],
    ]);
    expect(events[1]!.reason).toMatch(/not a valid phone number in India/);
    const summary = app.db.sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'phones_unparsed'`).pluck().get();
    expect(JSON.parse(summary as string)).toMatchObject({ customers: 2, phones: 2, country: 'IN' });

    // Shown in the national format; the unread ones as they were.
    expect((await call(app, 'customers.get', { id: 3 })).phones).toEqual(['98220 12345', 'call office']);
    // Found however the number is typed; the index is sound.
    for (const query of ['+91 98220 12345', '09822012345', '98220 12345', '9822012345']) {
      const hits = (await call(app, 'customers.search', { query })).map((h) => h.id).sort();
      expect(hits, query).toEqual([2, 3]);
    }
    // A fragment finds the number kept as typed too.
    expect((await call(app, 'customers.search', { query: '98220' })).map((h) => h.id).sort()).toEqual([2, 3, 4]);
    expect((await call(app, 'customers.search', { query: '2553 0101' })).map((h) => h.id).sort()).toEqual([2, 6]);
    checkSearchIndex(app.db.sqlite);
  });

  it('reads numbers as the office’s country says, IN when the office was never set up', () => {
    const uk = open(oldDatabase('GB', [['020 7946 0958', '+91 98450 12345']]));
    expect(storedPhones(uk)).toEqual([['+442079460958', '+919845012345']]);
    const never = open(oldDatabase(null, [['98450 12345']]));
    expect(storedPhones(never)).toEqual([['+919845012345']]);
    expect(never.db.sqlite.prepare(`SELECT count(*) FROM customer_events`).pluck().get()).toBe(0);
  });

  it('runs once: reopening changes nothing', () => {
    const dataDir = oldDatabase('IN', [['98220 1234', '98450 12345']]);
    const first = open(dataDir);
    const after = storedPhones(first);
    first.close();
    const again = open(dataDir);
    expect(storedPhones(again)).toEqual(after);
    expect(again.db.sqlite.prepare(`SELECT count(*) FROM customer_events`).pluck().get()).toBe(1);
  });
});
