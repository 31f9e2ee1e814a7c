// The SQLite-specific side of customers: FTS5 trigram search, the paged list, and the
// prepared statements of the hot write path (imports of thousands of rows).
// Kept here so the domain code stays portable to PostgreSQL.
import type BetterSqlite3 from 'better-sqlite3';
import type { CustomerStatus, CustomerStatusFilter } from '../../src-shared/contract';
import type { ReadableDb, WritableDb } from '../db/connection';
import type { customers } from '../db/schema';
import { containsTermSql, indexCustomers, trigramMatch } from '../db/search';
import { takeFromSequence } from '../db/sequences';
import { PHONE_LIKE } from '../../src-shared/phones';
import { foldForSearch } from '../../src-shared/search';

export interface CustomerListRow {
  id: number;
  account_no: string;
  name: string;
  phones: string;
  status: CustomerStatus;
  plan_id: number | null;
  plan_name: string | null;
  pppoe_username: string | null;
  static_ip: string | null;
  access_point: string;
  email: string | null;
  mac_address: string | null;
  created_at: string;
}

type CustomerRowFields = Required<typeof customers.$inferInsert>;
/** The fields an operator edits, by their drizzle names (src-main/db/schema/customers.ts). */
export type CustomerColumns = Omit<
  CustomerRowFields,
  | 'id'
  | 'accountNo'
  | 'status'
  | 'statusChangedAt'
  | 'statusReason'
  | 'pppoePasswordEnc'
  | 'createdAt'
  | 'updatedAt'
  // Set at the counter (payments.setBillingMode), not on the customer form.
  | 'billingMode'
>;
/** The fields a new row gets besides those. */
export type CustomerInsertMeta = Pick<
  CustomerRowFields,
  'accountNo' | 'status' | 'statusChangedAt' | 'pppoePasswordEnc' | 'createdAt' | 'updatedAt'
>;

export interface CustomerQuery {
  text: string;
  status: CustomerStatusFilter;
  planId: number | null;
}

export interface CustomerSort {
  column: 'accountNo' | 'name' | 'status' | 'planName' | 'accessPoint' | 'createdAt';
  direction: 'asc' | 'desc';
}

// Each sort matches an index column for column ((name, status) plus the implicit rowid),
// so a page is one ordered index walk, never a sort of every customer.
const SORT_SQL: Record<Exclude<CustomerSort['column'], 'planName'>, string> = {
  // Account numbers are handed out in id order, so the primary key is their order too.
  accountNo: 'c.id',
  name: 'c.name COLLATE NOCASE DIR, c.status',
  status: 'c.status',
  accessPoint: 'c.access_point DIR, c.status',
  // created_at only grows with id, so the primary key is its index.
  createdAt: 'c.id',
};

/** "c.name DIR, c.status" + DESC -> "c.name DESC, c.status DESC, c.id DESC". */
function orderBy(columns: string, dir: 'ASC' | 'DESC'): string {
  if (columns === 'c.id') return `c.id ${dir}`;
  return `${columns.replaceAll('DIR', dir)} ${dir}, c.id ${dir}`;
}

const LIST_COLUMNS = `c.id, c.account_no, c.name, c.phones, c.status, c.plan_id, p.name AS plan_name,
  c.pppoe_username, c.static_ip, c.access_point, c.email, c.mac_address, c.created_at`;

const codePoints = (text: string) => [...text];

/**
 * Splits what the operator typed into folded terms (src-shared/search.ts folds case and Latin
 * accents, as the index does). Terms of 3+ characters go to the trigram index, which keeps no
 * positions, so it is asked for every trigram of the term and the candidates are then checked
 * for the whole term. Shorter terms, which have no trigram, are matched with LIKE.
 */
export function searchTerms(text: string): { match: string | null; long: string[]; short: string[] } {
  const cleaned = foldForSearch(text.trim());
  if (!cleaned) return { match: null, long: [], short: [] };
  // Phone numbers are indexed as E.164 digits, so "98450 12" finds +919845012345. The service
  // has already turned a whole number, however typed, into those digits (phoneSearchDigits).
  const terms = PHONE_LIKE.test(cleaned) ? [cleaned.replace(/\D/g, '')] : cleaned.split(/\s+/);
  const long = terms.filter((t) => codePoints(t).length >= 3);
  const short = terms.filter((t) => t.length > 0 && codePoints(t).length < 3);
  return { match: trigramMatch(long), long, short };
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (m) => `\\${m}`);

/** The first string after every string that starts with `prefix` (for index range scans). */
function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
}

/** What the list, search and export read: works on a read-only connection too. */
export class CustomerReads {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly reader: ReadableDb) {}

  protected statement(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.reader.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private where(query: CustomerQuery): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.status === 'current') clauses.push(`c.status <> 'archived'`);
    else if (query.status !== 'all') {
      clauses.push('c.status = ?');
      params.push(query.status);
    }
    if (query.planId !== null) {
      clauses.push('c.plan_id = ?');
      params.push(query.planId);
    }
    const { match, long, short } = searchTerms(query.text);
    if (match) {
      clauses.push('c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)');
      params.push(match);
    }
    for (const term of long) {
      clauses.push(containsTermSql('c'));
      params.push(term);
    }
    for (const term of short) {
      // Short terms: a name word starting with them, or an account number ending in them.
      clauses.push(
        `(fold(c.name) LIKE ? ESCAPE '\\' OR fold(c.name) LIKE ? ESCAPE '\\' OR c.account_no LIKE ? ESCAPE '\\')`,
      );
      params.push(`${escapeLike(term)}%`, `% ${escapeLike(term)}%`, `%${escapeLike(term)}`);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  private rowsByIds(ids: number[]): CustomerListRow[] {
    if (ids.length === 0) return [];
    const rows = this.statement(
      `SELECT ${LIST_COLUMNS} FROM customers c LEFT JOIN plans p ON p.id = c.plan_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as CustomerListRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  /** One page of the list. Ids are picked from an index walk first; only the page's rows are joined. */
  page(
    query: CustomerQuery,
    sort: CustomerSort,
    limit: number,
    offset: number,
  ): { rows: CustomerListRow[]; total: number } {
    if (sort.column === 'planName') return this.pageByPlanName(query, sort.direction, limit, offset);
    const where = this.where(query);
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const total = (
      this.statement(`SELECT count(*) AS n FROM customers c ${where.sql}`).get(...where.params) as { n: number }
    ).n;
    const ids = this.statement(
      `SELECT c.id FROM customers c ${where.sql} ORDER BY ${orderBy(SORT_SQL[sort.column], dir)} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...where.params, limit, offset) as number[];
    return { rows: this.rowsByIds(ids), total };
  }

  /**
   * Sorting by plan name without sorting every customer: count customers per plan, walk the
   * plans in name order to find which plans the page falls in, then read just those slices.
   */
  private pageByPlanName(
    query: CustomerQuery,
    direction: 'asc' | 'desc',
    limit: number,
    offset: number,
  ): { rows: CustomerListRow[]; total: number } {
    const where = this.where(query);
    const counts = new Map(
      (
        this.statement(`SELECT c.plan_id AS plan, count(*) AS n FROM customers c ${where.sql} GROUP BY c.plan_id`).all(
          ...where.params,
        ) as { plan: number | null; n: number }[]
      ).map((r) => [r.plan, r.n]),
    );
    const planOrder = this.statement('SELECT id FROM plans ORDER BY name COLLATE NOCASE, id').pluck().all() as number[];
    // NULL (no plan) sorts first ascending, as SQLite does.
    const groups: (number | null)[] = [null, ...planOrder];
    if (direction === 'desc') groups.reverse();
    const dir = direction === 'desc' ? 'DESC' : 'ASC';
    const ids: number[] = [];
    let skip = offset;
    let total = 0;
    for (const plan of groups) {
      const n = counts.get(plan) ?? 0;
      total += n;
      if (ids.length >= limit || n === 0) continue;
      if (skip >= n) {
        skip -= n;
        continue;
      }
      const planClause = plan === null ? 'c.plan_id IS NULL' : 'c.plan_id = ?';
      const sql = `SELECT c.id FROM customers c ${where.sql ? `${where.sql} AND` : 'WHERE'} ${planClause}
        ORDER BY c.id ${dir} LIMIT ? OFFSET ?`;
      const params = [...where.params, ...(plan === null ? [] : [plan]), limit - ids.length, skip];
      ids.push(
        ...(this.statement(sql)
          .pluck()
          .all(...params) as number[]),
      );
      skip = 0;
    }
    return { rows: this.rowsByIds(ids), total };
  }

  /** Every matching row in list order, for the CSV export. */
  *iterate(query: CustomerQuery, sort: CustomerSort): IterableIterator<CustomerListRow & Record<string, unknown>> {
    const where = this.where(query);
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const order = sort.column === 'planName' ? 'p.name COLLATE NOCASE' : SORT_SQL[sort.column];

    yield* this.reader
      .prepare(
        `SELECT c.*, p.name AS plan_name FROM customers c LEFT JOIN plans p ON p.id = c.plan_id ${where.sql}
         ORDER BY ${orderBy(order, dir)}`,
      )
      .iterate(...where.params) as IterableIterator<CustomerListRow & Record<string, unknown>>;
  }

  /**
   * As-you-type search, archived customers included: names that start with the text first
   * (an index range scan), then any customer whose name, account number, phone, e-mail, PPPoE
   * username, IP or MAC contains it (the trigram index), at most `limit` in all.
   */
  search(text: string, limit: number): CustomerListRow[] {
    const prefix = text.trim();
    if (!prefix) return [];
    const ids: number[] = [];
    if (!PHONE_LIKE.test(prefix)) {
      ids.push(
        ...(this.statement(
          `SELECT id FROM customers WHERE name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ?
           ORDER BY name COLLATE NOCASE, id LIMIT ?`,
        )
          .pluck()
          .all(prefix, prefixEnd(prefix), limit) as number[]),
      );
    }
    const { match, short } = searchTerms(prefix);
    if (ids.length < limit && (match || short.length)) {
      const where = this.where({ text: prefix, status: 'all', planId: null });
      // Bounded: the best `limit` of at most 500 candidates, so a common fragment stays fast.
      const more = this.statement(
        `SELECT id FROM (SELECT c.id, c.name, c.status FROM customers c ${where.sql} LIMIT 500)
         ORDER BY (status = 'archived'), name COLLATE NOCASE LIMIT ?`,
      )
        .pluck()
        .all(...where.params, limit) as number[];
      for (const id of more) if (ids.length < limit && !ids.includes(id)) ids.push(id);
    }
    return this.rowsByIds(ids);
  }

  countByStatus(): Record<CustomerStatus, number> {
    const rows = this.statement('SELECT status, count(*) AS n FROM customers GROUP BY status').all() as {
      status: CustomerStatus;
      n: number;
    }[];
    const counts = { active: 0, suspended: 0, disconnected: 0, archived: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  accessPoints(): { name: string; customers: number }[] {
    return this.statement(
      `SELECT access_point AS name, count(*) AS customers FROM customers
       WHERE access_point != '' AND status != 'archived' GROUP BY access_point ORDER BY access_point COLLATE NOCASE`,
    ).all() as { name: string; customers: number }[];
  }

  count(): number {
    return (this.statement('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  }

  holderOfUsername(username: string, exceptId: number): { account_no: string; name: string } | undefined {
    return this.statement(
      'SELECT account_no, name FROM customers WHERE lower(pppoe_username) = lower(?) AND id <> ?',
    ).get(username, exceptId) as { account_no: string; name: string } | undefined;
  }

  holdersOfMac(mac: string, exceptId: number): { id: number; accountNo: string; name: string }[] {
    return this.statement(
      'SELECT id, account_no AS accountNo, name FROM customers WHERE mac_address = ? AND id <> ? ORDER BY id LIMIT 5',
    ).all(mac, exceptId) as { id: number; accountNo: string; name: string }[];
  }

  holderOfIp(ip: string, exceptId: number): { account_no: string; name: string } | undefined {
    return this.statement('SELECT account_no, name FROM customers WHERE static_ip = ? AND id <> ?').get(
      ip,
      exceptId,
    ) as { account_no: string; name: string } | undefined;
  }

  /** A customer with this name (any case) and one of these E.164 phones: the same person, imported again. */
  holderOfNameAndPhone(name: string, phones: string[]): { account_no: string; name: string } | undefined {
    if (phones.length === 0) return undefined;
    return this.statement(
      `SELECT account_no, name FROM customers WHERE name = ? COLLATE NOCASE
         AND EXISTS (SELECT 1 FROM json_each(customers.phones) p WHERE p.value IN (SELECT value FROM json_each(?)))`,
    ).get(name, JSON.stringify(phones)) as { account_no: string; name: string } | undefined;
  }
}

/** The reads, and the writes of the hot path (imports of thousands of rows). */
export class CustomerStore extends CustomerReads {
  constructor(private readonly sqlite: WritableDb) {
    super(sqlite);
  }

  /** Inserts a customer row; the caller adds it to the search index (indexForSearch) in the same transaction. */
  insert(c: CustomerColumns, m: CustomerInsertMeta): number {
    // Bound by position from the two objects: merging them into one first costs ~20 µs a row.
    const result = this.statement(
      `INSERT INTO customers (account_no, name, phones, email, address, latitude, longitude, id_proof, notes,
         status, status_changed_at, connection_type, pppoe_username, pppoe_password_enc, static_ip, mac_address,
         cpe_model, access_point, plan_id, billing_day, installed_on, gstin, place_of_supply, billing_start_on,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      m.accountNo,
      c.name,
      c.phones,
      c.email,
      c.address,
      c.latitude,
      c.longitude,
      c.idProof,
      c.notes,
      m.status,
      m.statusChangedAt,
      c.connectionType,
      c.pppoeUsername,
      m.pppoePasswordEnc,
      c.staticIp,
      c.macAddress,
      c.cpeModel,
      c.accessPoint,
      c.planId,
      c.billingDay,
      c.installedOn,
      c.gstin,
      c.placeOfSupply,
      c.billingStartOn,
      m.createdAt,
      m.updatedAt,
    );
    return Number(result.lastInsertRowid);
  }

  /**
   * Adds new customers (ids first..last) to the search index in one statement. A trigger per
   * row costs ~35 µs each, most of a 50,000-row import; one statement costs ~3 µs a row.
   * Updates and deletes keep the index by triggers.
   */
  indexForSearch(firstId: number, lastId: number): void {
    indexCustomers(this.sqlite, firstId, lastId);
  }

  /** Takes the next `count` numbers of a counter that only goes up; returns the first. */
  takeFromSequence(name: string, count = 1): number {
    return takeFromSequence(this.sqlite, name, count);
  }
}
