// The SQLite-specific reads behind the customer list and the as-you-type search
// (FTS5 trigram MATCH, statement caching). Kept here so the domain code stays portable.
import type BetterSqlite3 from 'better-sqlite3';
import type { CustomerStatus, CustomerStatusFilter } from '../../src-shared/contract';

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
  created_at: string;
}

export interface CustomerQuery {
  text: string;
  status: CustomerStatusFilter;
  planId: number | null;
}

const SORT_SQL = {
  accountNo: 'c.account_no',
  name: 'c.name COLLATE NOCASE',
  status: 'c.status',
  planName: 'p.name COLLATE NOCASE',
  accessPoint: 'c.access_point',
  createdAt: 'c.created_at',
} as const;
export type CustomerSortColumn = keyof typeof SORT_SQL;

const LIST_COLUMNS = `c.id, c.account_no, c.name, c.phones, c.status, c.plan_id, p.name AS plan_name,
  c.pppoe_username, c.static_ip, c.access_point, c.created_at`;

/** Phone numbers are indexed without spaces and dashes, so a typed "98450 12" finds them. */
function normaliseTerm(term: string): string {
  return /^[+\d][\d ()+-]*$/.test(term) ? term.replace(/[^\d]/g, '') : term;
}

/**
 * Splits what the operator typed into FTS5 trigram phrases (every term of 3+ characters
 * must appear somewhere) and the short terms, which the trigram index cannot look up.
 */
export function searchTerms(text: string): { match: string | null; short: string[] } {
  const cleaned = text.trim();
  if (!cleaned) return { match: null, short: [] };
  const terms = /^[+\d][\d ()+-]*$/.test(cleaned) ? [normaliseTerm(cleaned)] : cleaned.split(/\s+/).map(normaliseTerm);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => t.length > 0 && [...t].length < 3);
  const match = long.length ? long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ') : null;
  return { match, short };
}

export class CustomerQueries {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private statement(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
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
    const { match, short } = searchTerms(query.text);
    if (match) {
      clauses.push('c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)');
      params.push(match);
    }
    for (const term of short) {
      // Short terms: a name word starting with them, or an account number ending in them.
      clauses.push(`(c.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.account_no LIKE ? ESCAPE '\\')`);
      const escaped = term.replace(/[\\%_]/g, (m) => `\\${m}`);
      params.push(`${escaped}%`, `% ${escaped}%`, `%${escaped}`);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  page(
    query: CustomerQuery,
    sort: { column: CustomerSortColumn; direction: 'asc' | 'desc' },
    limit: number,
    offset: number,
  ): { rows: CustomerListRow[]; total: number } {
    const where = this.where(query);
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const total = (
      this.statement(`SELECT count(*) AS n FROM customers c ${where.sql}`).get(...where.params) as { n: number }
    ).n;
    const rows = this.statement(
      `SELECT ${LIST_COLUMNS} FROM customers c LEFT JOIN plans p ON p.id = c.plan_id ${where.sql}
       ORDER BY ${SORT_SQL[sort.column]} ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as CustomerListRow[];
    return { rows, total };
  }

  /** Every matching row in list order, for the CSV export. */
  *iterate(
    query: CustomerQuery,
    sort: { column: CustomerSortColumn; direction: 'asc' | 'desc' },
  ): IterableIterator<CustomerListRow & Record<string, unknown>> {
    const where = this.where(query);
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    yield* this.sqlite
      .prepare(
        `SELECT c.*, p.name AS plan_name FROM customers c LEFT JOIN plans p ON p.id = c.plan_id ${where.sql}
         ORDER BY ${SORT_SQL[sort.column]} ${dir}, c.id ${dir}`,
      )
      .iterate(...where.params) as IterableIterator<CustomerListRow & Record<string, unknown>>;
  }

  /** As-you-type search: best matches first, archived customers included. */
  search(text: string, limit: number): CustomerListRow[] {
    const { match, short } = searchTerms(text);
    if (!match && short.length === 0) return [];
    if (match) {
      const where = this.where({ text, status: 'all', planId: null });
      // Rank by where the text was found: a name match before a match in an e-mail.
      return this.statement(
        `SELECT ${LIST_COLUMNS} FROM customers c LEFT JOIN plans p ON p.id = c.plan_id ${where.sql}
         ORDER BY (c.status = 'archived'), c.name COLLATE NOCASE LIMIT ?`,
      ).all(...where.params, limit) as CustomerListRow[];
    }
    // Only short terms: names that start with the text (uses the NOCASE name index), exact account numbers.
    const prefix = text.trim();
    const upper = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
    return this.statement(
      `SELECT ${LIST_COLUMNS} FROM customers c LEFT JOIN plans p ON p.id = c.plan_id
       WHERE (c.name COLLATE NOCASE >= ? AND c.name COLLATE NOCASE < ?) OR c.account_no = ?
       ORDER BY c.name COLLATE NOCASE LIMIT ?`,
    ).all(prefix, upper, prefix.toUpperCase(), limit) as CustomerListRow[];
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
}
