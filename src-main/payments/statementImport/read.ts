// Reading a bank or gateway statement: the bytes as text (UTF-8, UTF-16 with its BOM, or
// Windows-1252, as the customer import reads spreadsheets), the lines before the header skipped,
// the mapped columns found by name, and each row's date, signed amount, reference, narration
// and payer. A row that cannot be read is a problem with its line number, never a guess.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { PAYMENT_MAX_MINOR, STATEMENT_MAX_BYTES, type StatementSource } from '../../../src-shared/contract';
import { isIsoDate, type IsoDate } from '../../../src-shared/dates';
import { decodeSpreadsheet } from '../../../src-shared/decodeSpreadsheet';
import { AppError } from '../../../src-shared/errors';
import { MoneyError, parseMoney } from '../../../src-shared/money';

export type Mapping = StatementSource['mapping'];

/** One readable row of a statement. */
export interface StatementLine {
  /** The file's line number (1-based, letterhead and header included). */
  line: number;
  on: IsoDate;
  /** Positive: money in (a credit); negative: money out. */
  amount: number;
  /** As the bank wrote it, made comparable; or the UPI/IMPS/NEFT id found in the narration. */
  reference: string;
  /** True when `reference` came from the file's reference column, not the narration. */
  referenceFromColumn: boolean;
  narration: string;
  payer: string;
  /** Stable over re-imports (see rowKeys). */
  key: string;
}

export interface StatementProblem {
  line: number;
  message: string;
}

export interface ReadStatement {
  sha256: string;
  headers: string[];
  lines: StatementLine[];
  problems: StatementProblem[];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const TIME_SUFFIX = /[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/i;

function isoOf(y: number, m: number, d: number): IsoDate | null {
  const year = y < 100 ? 2000 + y : y;
  const text = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return year >= 1900 && year <= 2999 && isIsoDate(text) ? text : null;
}

function monthOf(name: string): number | null {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

/**
 * A statement's date as written: "27/11/2026", "27-11-26", "27.11.2026" (day first, or month
 * first, or year first as mapped), "27-Nov-2026", "27 Nov 2026", "Nov 27, 2026" and "2026-11-27"
 * whatever the mapping (they cannot be misread); a time after the date is dropped.
 */
export function parseStatementDate(text: string, format: Mapping['dateFormat']): IsoDate | null {
  const t = text.trim().replace(TIME_SUFFIX, '').trim();
  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(t);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[2]!, numeric[3]!];
    if (a.length === 4) return isoOf(Number(a), Number(b), Number(c));
    if (c.length !== 2 && c.length !== 4) return null;
    if (format === 'ymd') return null;
    return format === 'dmy' ? isoOf(Number(c), Number(b), Number(a)) : isoOf(Number(c), Number(a), Number(b));
  }
  const dayFirst = /^(\d{1,2})[\s/.-]*([A-Za-z]{3,9})\.?[\s/.,-]+(\d{2}|\d{4})$/.exec(t);
  if (dayFirst) {
    const m = monthOf(dayFirst[2]!);
    return m ? isoOf(Number(dayFirst[3]), m, Number(dayFirst[1])) : null;
  }
  const monthFirst = /^([A-Za-z]{3,9})\.?[\s/.-]+(\d{1,2}),?[\s/.,-]+(\d{2}|\d{4})$/.exec(t);
  if (monthFirst) {
    const m = monthOf(monthFirst[1]!);
    return m ? isoOf(Number(monthFirst[3]), m, Number(monthFirst[2])) : null;
  }
  return null;
}

/**
 * An amount as banks print it: "1,23,456.00", "₹ 500", "500.00 Cr", "500.00 Dr", "-500",
 * "(500.00)". Null for an empty cell; throws a MoneyError saying why for anything else.
 */
export function parseStatementAmount(text: string, currency: string): number | null {
  let rest = text.trim();
  if (rest === '' || rest === '-' || rest === '--') return null;
  let sign = 1;
  const suffix = /\s*\b(CR|DR)\.?$/i.exec(rest);
  if (suffix) {
    sign = suffix[1]!.toUpperCase() === 'DR' ? -1 : 1;
    rest = rest.slice(0, suffix.index).trim();
  }
  const parens = /^\((.*)\)$/.exec(rest);
  if (parens) {
    sign = -sign;
    rest = parens[1]!.trim();
  }
  const value = parseMoney(rest, currency);
  if (Math.abs(value) > PAYMENT_MAX_MINOR) throw new MoneyError(`"${text}" is too large for one payment`);
  // "500.00 Dr" and "-500.00 Dr" both take money out; "(500)" is -500.
  return suffix ? sign * Math.abs(value) : sign * value;
}

/** Letters, digits and . _ / - only (a payment's reference), leading zeros of an all-digit id dropped. */
export function cleanReference(text: string): string {
  let ref = text.replace(/[^A-Za-z0-9._/-]/g, '');
  if (/^\d+$/.test(ref)) ref = ref.replace(/^0+/, '');
  // A cheque number (6 digits) or a bank's short serial is not unique across banks and years.
  return ref.replace(/[^A-Za-z0-9]/g, '').length >= 8 ? ref.slice(0, 60) : '';
}

/**
 * The transaction id in a narration when the reference column is empty: the 12-digit RRN of a
 * UPI or IMPS credit ("UPI/612345678901/…", "IMPS-P2A-633112345678-…"), or a NEFT/RTGS UTR.
 */
export function referenceInNarration(narration: string): string {
  if (/\b(UPI|IMPS)\b/i.test(narration)) {
    const rrn = /(?<![\dA-Za-z])\d{12}(?![\dA-Za-z])/.exec(narration);
    if (rrn) return rrn[0];
  }
  const utr = /\b(?:NEFT|RTGS)\s*[-/:]?\s*(?:(?:CR|DR|INW|IN)\s*[-/:]\s*)?([A-Z0-9]{12,22})\b/i.exec(narration);
  if (utr && /\d{6}/.test(utr[1]!)) return utr[1]!.toUpperCase();
  return '';
}

const normaliseText = (text: string) => text.trim().replace(/\s+/g, ' ').toUpperCase();
const normaliseHeader = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Keys the same bank row alike in any file: sha256 of its date, amount, reference (or narration)
 * and payer, and which occurrence of that same tuple it is in the file (two identical rows are
 * two payments; a file overlapping an earlier one gives the shared rows the same keys).
 */
function keyRows(lines: Omit<StatementLine, 'key'>[]): StatementLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const tuple = [
      l.on,
      String(l.amount),
      l.referenceFromColumn ? l.reference.toUpperCase() : normaliseText(l.narration),
      normaliseText(l.payer),
    ].join('\u001f');
    const n = (seen.get(tuple) ?? 0) + 1;
    seen.set(tuple, n);
    return { ...l, key: createHash('sha256').update(`${tuple}\u001f${n}`).digest('hex') };
  });
}

function refuse(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('validation', message, { field: 'file', ...details });
}

/** The text of a statement file, or a clear refusal for what is not a text statement. */
export function statementText(bytes: Uint8Array): string {
  if (bytes.length > STATEMENT_MAX_BYTES) throw refuse('The file is larger than 10 MB: split the statement');
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\u00D0\u00CF\u0011\u00E0')) {
    throw refuse(
      'The file is an Excel workbook, not a CSV: open it in Excel and save it as "CSV UTF-8", then import that',
    );
  }
  if (head.startsWith('%PDF')) {
    throw refuse('The file is a PDF: download the statement from the bank as CSV (or Excel saved as CSV)');
  }
  const { text } = decodeSpreadsheet(bytes);
  if (text.trim() === '') throw refuse('The file is empty: export the statement again from the bank');
  // Binary junk: NULs, control characters or undecodable bytes (U+FFFD) that text never has.
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      odd = Infinity;
      break;
    }
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
      odd++;
      if (odd > 20 && odd > i / 200) break;
    }
  }
  if (odd > 20 || odd === Infinity) {
    throw refuse('The file is not a text statement (it holds binary data): export the statement from the bank as CSV');
  }
  return text;
}

interface Record_ {
  line: number;
  cells: string[];
  /** A blank line comes just before it: where a statement's table ends and its summary starts. */
  afterBlank: boolean;
}

/** Parses from the header on: each record with the line it starts on. */
function parseRecords(text: string, firstLine: number, limit?: number): Record_[] {
  const lineBreak = text.includes('\n') ? '\n' : '\r';
  const records: Record_[] = [];
  let counted = 0;
  let lineAt = firstLine;
  let start = 0;
  let blank = false;
  Papa.parse<string[]>(text, {
    preview: limit,
    step: (result) => {
      // The record starts at `start`: one line on for each line break before it.
      for (let i = text.indexOf(lineBreak, counted); i !== -1 && i < start; i = text.indexOf(lineBreak, i + 1)) {
        lineAt++;
      }
      counted = Math.max(counted, start);
      const cells = result.data;
      const empty = cells.every((c) => c.trim() === '');
      if (!empty) records.push({ line: lineAt, cells, afterBlank: blank });
      blank = empty;
      start = result.meta.cursor;
    },
  });
  return records;
}

const HEADER_MAX_CHARS = 65_536;

const COLUMN_ROLES: { field: keyof Mapping; role: string }[] = [
  { field: 'date', role: 'date' },
  { field: 'amount', role: 'amount' },
  { field: 'credit', role: 'credit' },
  { field: 'debit', role: 'debit' },
  { field: 'reference', role: 'reference' },
  { field: 'narration', role: 'narration' },
  { field: 'payer', role: 'payer' },
];

/**
 * Reads a statement with a mapping: every row's values, or a problem naming its line. Refuses
 * the whole file (AppError 'validation') when it is not text, is empty, or lacks a mapped column.
 */
export function readStatement(bytes: Uint8Array, mapping: Mapping, currency: string): ReadStatement {
  if (mapping.amount && (mapping.credit || mapping.debit)) {
    throw new AppError('validation', 'Map either one amount column or the credit and debit columns, not both', {
      field: 'mapping',
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = statementText(bytes);
  // The letterhead: physical lines before the header row.
  let offset = 0;
  const lineEnd = /\r\n|\n|\r/g;
  for (let i = 0; i < mapping.skipLines; i++) {
    lineEnd.lastIndex = offset;
    const found = lineEnd.exec(text);
    if (!found) {
      throw refuse(`The file has fewer than ${mapping.skipLines + 1} lines: check the lines to skip before the header`);
    }
    offset = found.index + found[0].length;
  }
  const body = text.slice(offset);
  // The header first, on its own: a file of junk is refused before all of it is parsed.
  // (From its first 64 KB: papaparse reads the whole text even for one row, and a header longer is junk.)
  const head = parseRecords(body.slice(0, HEADER_MAX_CHARS), mapping.skipLines + 1, 1);
  const header = head[0];
  const headers = (header?.cells ?? []).map((h) => h.trim());
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(normaliseHeader(h))) index.set(normaliseHeader(h), i);
  });
  const wanted = COLUMN_ROLES.filter(({ field }) => mapping[field] !== '' && typeof mapping[field] === 'string');
  const missing = wanted.filter(({ field }) => !index.has(normaliseHeader(String(mapping[field]))));
  if (!header || missing.length > 0) {
    const names = missing.map(({ field, role }) => `"${String(mapping[field])}" (the ${role})`);
    const shown = headers
      .filter((h) => h)
      .slice(0, 20)
      .map((h) => `"${h.length > 40 ? `${h.slice(0, 40)}…` : h}"`);
    const found = shown.length
      ? `Its header row (line ${header?.line ?? mapping.skipLines + 1}) has ${shown.join(', ')}${headers.length > 20 ? ', …' : ''}.`
      : 'It has no header row.';
    throw refuse(
      `The file has no column ${names.join(', ') || 'named as mapped'}. ${found} Check the mapping and the lines to skip before the header.`,
      { missing: missing.map(({ field }) => String(mapping[field])), headers: headers.slice(0, 50) },
    );
  }
  const col = (field: keyof Mapping) =>
    mapping[field] ? (index.get(normaliseHeader(String(mapping[field]))) ?? null) : null;
  const at = {
    date: col('date')!,
    amount: col('amount'),
    credit: col('credit'),
    debit: col('debit'),
    reference: col('reference'),
    narration: col('narration')!,
    payer: col('payer'),
  };

  const records = parseRecords(body, mapping.skipLines + 1);
  const problems: StatementProblem[] = [];
  const rows: Omit<StatementLine, 'key'>[] = [];
  const cell = (cells: string[], i: number | null) => (i === null ? '' : (cells[i] ?? '').trim());
  const last = records.at(-1)?.line ?? 0;
  for (const { line, cells, afterBlank } of records.slice(1)) {
    const dateText = cell(cells, at.date);
    const amountCells = [at.amount, at.credit, at.debit].map((i) => cell(cells, i));
    // A footer or a separator ("Closing balance", "*** End of statement ***") has no date and no amount.
    if (!dateText && amountCells.every((c) => !c)) continue;
    const on = parseStatementDate(dateText, mapping.dateFormat);
    if (!on && afterBlank && rows.length > 0) {
      // The bank's summary after the table ("Opening Balance, Dr Count, …"): one note, not a problem a line.
      problems.push({
        line,
        message: `Line${line < last ? `s ${line}–${last}` : ` ${line}`}, after a blank line, are not statement rows (a summary or footer): not read`,
      });
      break;
    }
    if (!on) {
      problems.push({
        line,
        message: dateText
          ? `"${dateText.slice(0, 40)}" in ${mapping.date} is not a date written ${DATE_HINT[mapping.dateFormat]}`
          : `${mapping.date} is empty`,
      });
      continue;
    }
    let amount: number;
    try {
      if (at.amount !== null) {
        const value = parseStatementAmount(amountCells[0]!, currency);
        if (value === null) throw new MoneyError(`${mapping.amount} is empty`);
        amount = value;
      } else {
        const credit = parseStatementAmount(amountCells[1]!, currency) ?? 0;
        const debit = Math.abs(parseStatementAmount(amountCells[2]!, currency) ?? 0);
        if (credit < 0) throw new MoneyError(`${mapping.credit} holds a negative amount`);
        if (credit > 0 && debit > 0) {
          throw new MoneyError(`has both a credit (${mapping.credit}) and a debit (${mapping.debit})`);
        }
        amount = credit > 0 ? credit : -debit;
      }
      if (amount === 0) throw new MoneyError('has no amount (zero)');
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      problems.push({ line, message: error.message });
      continue;
    }
    const narration = cell(cells, at.narration).replace(/\s+/g, ' ');
    const fromColumn = cleanReference(cell(cells, at.reference));
    const reference = fromColumn || referenceInNarration(narration);
    rows.push({
      line,
      on,
      amount,
      reference,
      referenceFromColumn: fromColumn !== '',
      narration,
      payer: cell(cells, at.payer).replace(/\s+/g, ' '),
    });
  }
  return { sha256, headers, lines: keyRows(rows), problems };
}

const DATE_HINT: Record<Mapping['dateFormat'], string> = {
  dmy: 'day first (27/11/2026, 27-Nov-2026)',
  mdy: 'month first (11/27/2026)',
  ymd: 'year first (2026-11-27)',
};
