// What Excel and LibreOffice do to a CSV cell when they open it, and how WispDesk keeps a cell as
// text there while its own import reads the same value back. A guarded cell gets a leading
// apostrophe (OWASP's advice for formulas): a spreadsheet opening a CSV shows it and leaves the
// cell text; the import takes exactly one such apostrophe off again.

/** Text: a formula guard only. An identifier (phone, PPPoE username, ID proof): also kept from becoming a number or a date. */
export type CellKind = 'text' | 'id';

/** Starts a formula: "=", "+", "-", "@", tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/**
 * Read as a number, a date or a time: 9822012345, 0123 (which loses its 0), 1,234, 1E5, 12%,
 * 12/03, 2024-03-12, 10:30.
 */
const NUMBER_DATE_OR_TIME =
  /^\s*([+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?|\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?|\d{1,2}:\d{2}(:\d{2})?)\s*$/;

function needsGuard(text: string, kind: CellKind): boolean {
  // Apostrophes already there do not count, so that taking one off again is exact.
  const core = text.replace(/^'+/, '');
  if (core === '') return false;
  if (kind === 'id') return FORMULA_START.test(core) || NUMBER_DATE_OR_TIME.test(core);
  // A plain number (-20.5) in a text or number column is harmless and stays a number.
  return FORMULA_START.test(core) && !PLAIN_NUMBER.test(core);
}

/**
 * The cell as written to a CSV: "=cmd|…", "+91-98220-12346" (a formula in Excel) and, in an
 * identifier column, "9822012345" or "0123" get a leading apostrophe so a spreadsheet keeps them
 * as text; everything else is written as it is.
 */
export function spreadsheetCell(value: unknown, kind: CellKind = 'text'): string {
  const text = value === null || value === undefined ? '' : String(value);
  return needsGuard(text, kind) ? `'${text}` : text;
}

/** The value a guarded cell stands for: the inverse of spreadsheetCell for the same kind. */
export function unguardCell(text: string, kind: CellKind): string {
  return text.startsWith("'") && needsGuard(text, kind) ? text.slice(1) : text;
}
