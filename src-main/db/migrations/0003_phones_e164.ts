// Phones in one form: every stored phone, kept as it was typed until now, is rewritten to E.164
// (+919822012345), read against the office's country in settings (IN before it was set up).
// A number that cannot be read is kept as it was, in its place, never dropped: each one is a
// phone_unparsed event on its customer's timeline (the operator sees it there and fixes it),
// and app_meta 'phones_unparsed' counts them.
import { parsePhone } from '../../../src-shared/phones';
import type { WritableDb } from '../connection';

/** Bumped only if this migration's effect ever has to change (see migrate.ts). */
export const version = '1';

/** Customers read per batch: a 50,000-customer office is never held in memory at once. */
const BATCH = 2000;

export function run(db: WritableDb): void {
  const country = (db.prepare('SELECT country FROM settings WHERE id = 1').pluck().get() as string | undefined) ?? 'IN';
  const at = new Date().toISOString();
  const batch = db.prepare('SELECT id, phones FROM customers WHERE id > ? ORDER BY id LIMIT ?');
  const update = db.prepare('UPDATE customers SET phones = ? WHERE id = ?');
  const unparsed = db.prepare(
    `INSERT INTO customer_events (customer_id, at, kind, reason, details) VALUES (?, ?, 'phone_unparsed', ?, ?)`,
  );
  let customers = 0;
  let phones = 0;
  for (let after = 0; ; ) {
    const rows = batch.all(after, BATCH) as { id: number; phones: string }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      let stored: unknown;
      try {
        stored = JSON.parse(row.phones);
      } catch {
        stored = null;
      }
      if (!Array.isArray(stored)) continue;
      let bad = 0;
      const read = stored.map((phone: unknown, index) => {
        if (typeof phone !== 'string') return phone;
        const check = parsePhone(phone, country);
        if (check.ok) return check.e164;
        bad += 1;
        unparsed.run(row.id, at, check.message, JSON.stringify({ phone, index }));
        return phone;
      });
      const text = JSON.stringify(read);
      if (text !== row.phones) update.run(text, row.id);
      if (bad) {
        customers += 1;
        phones += bad;
      }
    }
  }
  if (phones) {
    db.prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('phones_unparsed', ?)`).run(
      JSON.stringify({ at, country, customers, phones }),
    );
  }
}
