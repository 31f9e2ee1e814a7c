// What the wizard works out on its own, before asking the back end: the header row of a picked
// file (to offer its columns), which preset fits it, and whether a layout is complete.
import Papa from 'papaparse';
import { decodeSpreadsheet } from '../../../../src-shared/decodeSpreadsheet';
import { STATEMENT_PRESETS, type StatementLayout, type StatementPreset } from './statementPresets';

/** Enough of the file for a letterhead and its header row. */
const HEAD_BYTES = 64 * 1024;

/** The file's first 64 KB as text (UTF-8, UTF-16 with its mark, else Windows-1252). */
export function statementHead(bytes: Uint8Array): string {
  return decodeSpreadsheet(bytes.subarray(0, HEAD_BYTES)).text;
}

/** The column names on the line after `skipLines` lines, trimmed, empty ones left out. */
export function headerAfter(text: string, skipLines: number): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length <= skipLines) return [];
  const rest = lines.slice(skipLines).join('\n');
  const parsed = Papa.parse<string[]>(rest, { preview: 1 });
  const row = parsed.data[0] ?? [];
  const seen = new Set<string>();
  return row
    .map((cell) => cell.trim())
    .filter((cell) => {
      if (!cell || seen.has(cell.toLowerCase())) return false;
      seen.add(cell.toLowerCase());
      return true;
    });
}

const COLUMN_FIELDS = ['date', 'amount', 'credit', 'debit', 'reference', 'narration', 'payer'] as const;

/** The columns a layout names that the header does not have (compared as the back end does: case and spaces aside). */
export function missingColumns(layout: StatementLayout, headers: string[]): string[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const have = new Set(headers.map(norm));
  return COLUMN_FIELDS.map((field) => layout[field]).filter((name) => name !== '' && !have.has(norm(name)));
}

/** The first preset whose columns are all in the file's header (after its own letterhead), if any. */
export function presetFor(text: string): StatementPreset | null {
  return (
    STATEMENT_PRESETS.find((preset) => {
      const headers = headerAfter(text, preset.mapping.skipLines);
      return headers.length > 0 && missingColumns(preset.mapping, headers).length === 0;
    }) ?? null
  );
}

/** What is still needed before a layout can be previewed; null when it is complete. */
export function layoutProblem(layout: StatementLayout): string | null {
  if (!layout.date) return 'Pick the date column';
  if (!layout.narration) return 'Pick the narration (description) column';
  if (layout.amount && (layout.credit || layout.debit)) return 'Pick one amount column or the credit and debit columns';
  if (!layout.amount && !layout.credit) return 'Pick the amount column or the credit column';
  return null;
}
