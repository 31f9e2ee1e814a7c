// The customer search index, SQLite's own side of it: an FTS5 trigram index (any 3+ characters,
// from the middle of a word, a phone number or an IP), the triggers that keep it, and the one
// definition of the text it holds. Nothing else in the app writes these SQL objects.
//
// The index is contentless (it stores no copy of the text) with detail=none (no positions):
// together half the cost of building it. A query asks for every trigram of a term and checks the
// candidates against the folded text (see customers/store.ts). New customers join the index in
// the same transaction, one statement per batch (indexCustomers); a trigger per row was most of
// the cost of an import. Edits and deletes are kept by triggers, which need the old text exactly.
import { foldForSearch } from '../../src-shared/search';
import type { ReadableDb, WritableDb } from './connection';

/** Stripped from the stored phones (a JSON array) so the index holds their digits. */
const PHONE_PUNCTUATION = [' ', '-', '(', ')', '+', '[', ']', '"'];

/**
 * What the index holds for a customer, as SQL over the row `alias`: name, account number,
 * phone digits, e-mail, PPPoE username, IP and MAC (with and without colons).
 */
export function searchTextSql(alias: string): string {
  const c = (column: string) => `${alias}.${column}`;
  const digits = PHONE_PUNCTUATION.reduce((sql, ch) => `replace(${sql}, '${ch}', '')`, c('phones'));
  return [
    c('name'),
    c('account_no'),
    digits,
    `coalesce(${c('email')}, '')`,
    `coalesce(${c('pppoe_username')}, '')`,
    `coalesce(${c('static_ip')}, '')`,
    `coalesce(${c('mac_address')}, '')`,
    `replace(coalesce(${c('mac_address')}, ''), ':', '')`,
  ].join(" || ' ' || ");
}

/** The columns whose change changes the indexed text. */
const INDEXED_COLUMNS = ['name', 'account_no', 'phones', 'email', 'pppoe_username', 'static_ip', 'mac_address'];

// Each object exactly as created, so a changed definition is noticed and the index rebuilt.
const OBJECTS: { type: 'table' | 'trigger'; name: string; sql: string }[] = [
  {
    type: 'table',
    name: 'customer_search',
    sql: `CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram remove_diacritics 1', content = '', detail = 'none')`,
  },
  {
    type: 'trigger',
    name: 'customers_search_update',
    sql: `CREATE TRIGGER customers_search_update AFTER UPDATE OF ${INDEXED_COLUMNS.join(', ')} ON customers BEGIN
  INSERT INTO customer_search (customer_search, rowid, body) VALUES ('delete', old.id, ${searchTextSql('old')});
  INSERT INTO customer_search (rowid, body) VALUES (new.id, ${searchTextSql('new')});
END`,
  },
  {
    type: 'trigger',
    name: 'customers_search_delete',
    sql: `CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customer_search (customer_search, rowid, body) VALUES ('delete', old.id, ${searchTextSql('old')});
END`,
  },
];

/**
 * Makes the search index and its triggers exactly as defined above, after every migration:
 * a migration that rebuilds `customers` drops its triggers, and a changed definition leaves
 * the indexed text stale. Either way the index is rebuilt from the rows (~0.4 s per 50,000);
 * when everything is as defined this only reads sqlite_master. Returns whether it rebuilt.
 */
export function ensureSearchIndex(db: WritableDb): boolean {
  const existing = new Map(
    (
      db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE name IN (${OBJECTS.map(() => '?').join(', ')})`)
        .all(...OBJECTS.map((o) => o.name)) as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  );
  if (OBJECTS.every((o) => existing.get(o.name) === o.sql)) return false;
  db.transaction(() => {
    for (const o of [...OBJECTS].reverse()) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS ${o.name}`);
    for (const o of OBJECTS) db.exec(o.sql);
    db.exec(`INSERT INTO customer_search (rowid, body) SELECT c.id, ${searchTextSql('c')} FROM customers c`);
  })();
  return true;
}

/**
 * Adds new customers (ids first..last) to the index in one statement, in the caller's
 * transaction. A trigger per row costs ~35 µs each; one statement ~3 µs a row.
 */
export function indexCustomers(db: WritableDb, firstId: number, lastId: number): void {
  db.prepare(
    `INSERT INTO customer_search (rowid, body) SELECT c.id, ${searchTextSql('c')} FROM customers c WHERE c.id BETWEEN ? AND ?`,
  ).run(firstId, lastId);
}

/** SQL that is true when customer `alias`'s folded text contains the folded term bound at `?`. */
export function containsTermSql(alias: string): string {
  return `instr(fold(${searchTextSql(alias)}), ?) > 0`;
}

/** A MATCH expression asking for every trigram of each term: the candidates to check. */
export function trigramMatch(terms: string[]): string | null {
  const trigrams = new Set<string>();
  for (const term of terms) {
    const chars = [...term];
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  }
  return trigrams.size ? [...trigrams].map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ') : null;
}

/** Registers fold() on a connection: the same folding as the query side (src-shared/search.ts). */
export function registerSearchFunctions(db: ReadableDb): void {
  db.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  );
}

/** FTS5's own consistency check of the index structure; throws if it is corrupt. */
export function checkSearchIndex(db: WritableDb): void {
  db.prepare(`INSERT INTO customer_search (customer_search) VALUES ('integrity-check')`).run();
}
