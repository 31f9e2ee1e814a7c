// Bank and UPI statement import: read a CSV with a saved column mapping, match each credit to a
// customer and invoices, and record the confirmed ones as payments, each bank row at most once.
import type {
  ParsedInput,
  StatementImportPreview,
  StatementImportResult,
  StatementRowPreview,
  StatementSource,
} from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Services } from '../../app';
import type { ReportProgress } from '../../jobs/runner';
import { referenceKeyOf } from '../service';
import { Matcher } from './match';
import { readStatement, type Mapping, type ReadStatement, type StatementLine } from './read';

export { parseStatementAmount, parseStatementDate, readStatement, referenceInNarration } from './read';

const PROGRESS_EVERY = 500;

interface SourceRow {
  id: number;
  name: string;
  mapping: string;
  updated_at: string;
}

function toSource(r: SourceRow): StatementSource {
  return { id: r.id, name: r.name, mapping: JSON.parse(r.mapping) as Mapping, updatedAt: r.updated_at };
}

/** The saved layouts, by name. */
export function statementSources(services: Services): StatementSource[] {
  const rows = services.payments.handle.sqlite
    .prepare(`SELECT id, name, mapping, updated_at FROM statement_sources ORDER BY lower(name)`)
    .all() as SourceRow[];
  return rows.map(toSource);
}

/** The mapping given, or the saved source's. */
function mappingOf(services: Services, input: { sourceId: number | null; mapping: Mapping | null }): Mapping {
  if (input.mapping) return input.mapping;
  if (input.sourceId === null) {
    throw new AppError('validation', 'Pick a saved bank or gateway, or map the columns of the statement', {
      field: 'mapping',
    });
  }
  const row = services.payments.handle.sqlite
    .prepare(`SELECT id, name, mapping, updated_at FROM statement_sources WHERE id = ?`)
    .get(input.sourceId) as SourceRow | undefined;
  if (!row) throw new AppError('not_found', `There is no saved statement layout with id ${input.sourceId}`);
  return toSource(row).mapping;
}

function read(services: Services, file: { base64: string }, mapping: Mapping): ReadStatement {
  const bytes = Buffer.from(file.base64, 'base64');
  return readStatement(bytes, mapping, services.settings.get().currency);
}

/** Why a credit cannot be recorded on its date: after today, or in a day closed in the day book. */
function dayProblem(
  services: Services,
  line: StatementLine,
  today: string,
  closed: Map<string, boolean>,
): string | null {
  if (line.on > today) return `${line.on} is after today (${today}): a statement row is recorded once it has happened`;
  let isClosed = closed.get(line.on);
  if (isClosed === undefined) {
    isClosed = services.payments.store.dayClosed(line.on);
    closed.set(line.on, isClosed);
  }
  if (isClosed) {
    return `${line.on} is closed in the day book: nothing can be dated into it; record this credit at the counter on an open day`;
  }
  return null;
}

interface Classified {
  line: StatementLine;
  state: StatementRowPreview['state'];
  /** The payment an `already_recorded` row is (same reference). */
  paymentId: number | null;
  /** The reference a recorded payment gets: the bank's, or one made from the row key. */
  recordAs: string;
}

/**
 * Each row's state: a debit; already imported (its key is in statement_rows); already recorded
 * (its reference is on a payment, e.g. taken at the counter); or new. A reference that an earlier
 * row of the same file holds is not used twice: that row is recorded under its key.
 */
function classify(services: Services, rows: StatementLine[], method: Mapping['method']): Classified[] {
  const sqlite = services.payments.handle.sqlite;
  // Looked up 500 at a time: a 10,000-row statement is 40 queries, not 20,000.
  const imported = new Set<string>();
  const paidBy = new Map<string, number>();
  const referenceKey = (line: StatementLine) => (line.reference ? referenceKeyOf(method, line.reference, '') : null);
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    const marks = chunk.map(() => '?').join(', ');
    for (const key of sqlite
      .prepare(`SELECT row_key FROM statement_rows WHERE row_key IN (${marks})`)
      .pluck()
      .all(...chunk.map((l) => l.key)) as string[]) {
      imported.add(key);
    }
    const refs = chunk.map(referenceKey).filter((k) => k !== null);
    if (refs.length === 0) continue;
    const found = sqlite
      .prepare(
        `SELECT reference_key AS key, id FROM payments WHERE reference_key IN (${refs.map(() => '?').join(', ')})`,
      )
      .all(...refs) as { key: string; id: number }[];
    for (const { key, id } of found) paidBy.set(key, id);
  }
  const referencesInFile = new Set<string>();
  return rows.map((line) => {
    const derived = `STMT-${line.key.slice(0, 24).toUpperCase()}`;
    if (line.amount < 0) return { line, state: 'debit', paymentId: null, recordAs: '' };
    if (imported.has(line.key)) return { line, state: 'already_imported', paymentId: null, recordAs: '' };
    const key = referenceKey(line);
    if (key !== null) {
      const paymentId = paidBy.get(key);
      if (paymentId !== undefined) return { line, state: 'already_recorded', paymentId, recordAs: '' };
      if (!referencesInFile.has(key)) {
        referencesInFile.add(key);
        return { line, state: 'new', paymentId: null, recordAs: line.reference };
      }
    }
    return { line, state: 'new', paymentId: null, recordAs: derived };
  });
}

/** Reads a statement and matches its credits: writes nothing. */
export function importPreview(
  services: Services,
  input: ParsedInput<'payments.importPreview'>,
): StatementImportPreview {
  const mapping = mappingOf(services, input);
  const statement = read(services, input.file, mapping);
  const today = services.settings.today();
  const matcher = new Matcher(services.payments.handle.sqlite, today, (m) => services.payments.money(m));
  const problems = [...statement.problems];
  const rows: StatementRowPreview[] = [];
  const counts = { credits: 0, matched: 0, unmatched: 0, alreadyIn: 0, debits: 0 };
  const closedDays = new Map<string, boolean>();
  for (const c of classify(services, statement.lines, mapping.method)) {
    const { line, state } = c;
    if (state === 'new') {
      const blocked = dayProblem(services, line, today, closedDays);
      if (blocked) {
        problems.push({ line: line.line, message: blocked });
        continue;
      }
    }
    const match = state === 'new' ? matcher.match(line) : null;
    if (state === 'debit') counts.debits++;
    else {
      counts.credits++;
      if (state !== 'new') counts.alreadyIn++;
      else if (match) counts.matched++;
      else counts.unmatched++;
    }
    rows.push({
      key: line.key,
      line: line.line,
      on: line.on,
      amount: line.amount,
      reference: line.reference,
      narration: line.narration,
      payer: line.payer,
      state,
      match,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { filename: input.file.filename, sha256: statement.sha256, rows, counts, problems };
}

/** Saves (or updates, by name in any case) a layout; returns its id. */
function saveSource(services: Services, name: string, mapping: Mapping, now: string): number {
  const sqlite = services.payments.handle.sqlite;
  const json = JSON.stringify({
    date: mapping.date,
    dateFormat: mapping.dateFormat,
    amount: mapping.amount,
    credit: mapping.credit,
    debit: mapping.debit,
    reference: mapping.reference,
    narration: mapping.narration,
    payer: mapping.payer,
    method: mapping.method,
    skipLines: mapping.skipLines,
  } satisfies Mapping);
  const existing = sqlite.prepare(`SELECT id FROM statement_sources WHERE lower(name) = lower(?)`).pluck().get(name) as
    number | undefined;
  if (existing !== undefined) {
    sqlite
      .prepare(`UPDATE statement_sources SET name = ?, mapping = ?, updated_at = ? WHERE id = ?`)
      .run(name, json, now, existing);
    return existing;
  }
  return Number(
    sqlite.prepare(`INSERT INTO statement_sources (name, mapping, updated_at) VALUES (?, ?, ?)`).run(name, json, now)
      .lastInsertRowid,
  );
}

/**
 * Where a row's money goes: the chosen invoices first (oldest first, what each still owes, up
 * to the amount), then the customer's other open invoices oldest first; the rest is credit.
 */
function allocationFor(
  services: Services,
  customerId: number,
  amount: number,
  invoiceIds: number[],
  line: number,
): { kind: 'oldest_first' } | { kind: 'chosen'; invoices: { invoiceId: number; amount: number }[] } {
  if (invoiceIds.length === 0) return { kind: 'oldest_first' };
  const open = services.payments.store.openInvoices(customerId);
  for (const id of invoiceIds) {
    const facts = services.payments.store.invoiceFacts(id);
    if (!facts || facts.kind !== 'invoice') {
      throw new AppError('validation', `Line ${line}: there is no invoice with id ${id}`, { field: 'decisions' });
    }
    if (facts.customerId !== customerId) {
      throw new AppError('validation', `Line ${line}: ${facts.number} is another customer's invoice`, {
        field: 'decisions',
      });
    }
  }
  const chosen = new Set(invoiceIds);
  const ordered = [...open.filter((i) => chosen.has(i.id)), ...open.filter((i) => !chosen.has(i.id))];
  const invoices: { invoiceId: number; amount: number }[] = [];
  let left = amount;
  for (const invoice of ordered) {
    if (left === 0) break;
    if (invoice.outstanding <= 0) continue;
    const take = Math.min(left, invoice.outstanding);
    invoices.push({ invoiceId: invoice.id, amount: take });
    left -= take;
  }
  return { kind: 'chosen', invoices };
}

/**
 * Records the confirmed rows as payments in one transaction: the import, the saved layout, and
 * for each decision in file order a payment with its receipt (record) or a note that the row was
 * looked at (ignore). A row already in statement_rows is skipped, so running it again records
 * nothing; a row whose reference is already on a payment is linked to that payment.
 */
export function importCommit(
  services: Services,
  input: ParsedInput<'payments.importCommit'>,
  jobId: number | null,
  progress: ReportProgress,
): StatementImportResult {
  const mapping = mappingOf(services, input);
  const sqlite = services.payments.handle.sqlite;
  const saveAs = input.saveAs.trim();
  return sqlite
    .transaction((): StatementImportResult => {
      // Read inside the transaction: what is checked is what is written over.
      const statement = read(services, input.file, mapping);
      const classified = new Map(
        classify(services, statement.lines, mapping.method).map((c) => [c.line.key, c] as const),
      );
      const decisions = new Map<string, (typeof input.decisions)[number]>();
      for (const d of input.decisions) {
        if (!classified.has(d.key)) {
          throw new AppError(
            'validation',
            'A confirmed row is not in this file (was the file changed?): preview the statement again',
            { field: 'decisions', key: d.key },
          );
        }
        if (decisions.has(d.key)) {
          const line = classified.get(d.key)!.line.line;
          throw new AppError('validation', `Line ${line} is decided twice: keep one decision per row`, {
            field: 'decisions',
          });
        }
        decisions.set(d.key, d);
      }
      const now = new Date().toISOString();
      const sourceId = saveAs ? saveSource(services, saveAs, mapping, now) : input.sourceId;
      const importId = Number(
        sqlite
          .prepare(
            `INSERT INTO statement_imports (source_id, filename, sha256, job_id, imported_at) VALUES (?, ?, ?, ?, ?)`,
          )
          .run(sourceId, input.file.filename, statement.sha256, jobId, now).lastInsertRowid,
      );
      const insertRow = sqlite.prepare(
        `INSERT INTO statement_rows (import_id, row_key, "on", amount_minor, reference, narration, action, payment_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const written = (c: Classified, action: 'recorded' | 'ignored', paymentId: number | null) =>
        insertRow.run(
          importId,
          c.line.key,
          c.line.on,
          c.line.amount,
          c.line.reference,
          c.line.narration,
          action,
          paymentId,
        );
      const result = { importId, recorded: 0, ignored: 0, alreadyIn: 0, total: 0 };
      let firstPayment: number | null = null;
      let lastPayment: number | null = null;
      const today = services.settings.today();
      const closedDays = new Map<string, boolean>();
      const total = decisions.size;
      let done = 0;
      progress(0, total);
      for (const c of classified.values()) {
        const decision = decisions.get(c.line.key);
        if (!decision) continue;
        done++;
        if (done % PROGRESS_EVERY === 0) progress(done, total);
        if (c.state === 'already_imported') {
          result.alreadyIn++;
          continue;
        }
        if (decision.action === 'ignore') {
          written(c, 'ignored', null);
          result.ignored++;
          continue;
        }
        if (c.state === 'debit') {
          throw new AppError('validation', `Line ${c.line.line} is a debit (money out): only credits are recorded`, {
            field: 'decisions',
          });
        }
        if (c.state === 'already_recorded') {
          written(c, 'recorded', c.paymentId);
          result.alreadyIn++;
          continue;
        }
        const blocked = dayProblem(services, c.line, today, closedDays);
        if (blocked) throw new AppError('validation', `Line ${c.line.line}: ${blocked}`, { field: 'decisions' });
        let paymentId: number;
        try {
          paymentId = services.payments.post({
            customerId: decision.customerId,
            amount: c.line.amount,
            method: mapping.method,
            receivedOn: c.line.on,
            reference: c.recordAs,
            chequeBank: '',
            chequeDate: null,
            note: c.line.narration.slice(0, 200).trim(),
            allocation: allocationFor(services, decision.customerId, c.line.amount, decision.invoiceIds, c.line.line),
            source: 'import',
          });
        } catch (error) {
          if (error instanceof AppError && !error.message.startsWith('Line ')) {
            throw new AppError(error.code, `Line ${c.line.line}: ${error.message}`, error.details);
          }
          throw error;
        }
        written(c, 'recorded', paymentId);
        firstPayment ??= paymentId;
        lastPayment = paymentId;
        result.recorded++;
        result.total += c.line.amount;
      }
      progress(total, total);
      const numberOf = (id: number | null) =>
        id === null ? null : (sqlite.prepare(`SELECT number FROM payments WHERE id = ?`).pluck().get(id) as string);
      return { ...result, firstReceipt: numberOf(firstPayment), lastReceipt: numberOf(lastPayment) };
    })
    .immediate();
}
