import Papa from 'papaparse';
import type { ParsedInput } from '../../src-shared/contract';
import { customerExportRows, EXPORT_COLUMNS } from './exportRows';
import { spreadsheetCell } from './spreadsheetCells';
import type { CustomerReads } from './store';

/** A formula guard for any cell (kept for callers that write one cell). */
export const safeCell = (value: unknown): string => spreadsheetCell(value, 'text');

export function exportCustomersCsv(
  store: CustomerReads,
  filter: ParsedInput<'customers.exportCsv'>,
  /** The office's country: phones are written as dialled from there, which reads back the same. */
  country: string,
  /** The office's date, for the file name (not UTC's, which is yesterday before 05:30 in India). */
  today: string,
): { filename: string; csv: string; count: number } {
  const data: string[][] = [];
  for (const row of customerExportRows(store, filter, country)) {
    data.push(row.map((value, i) => spreadsheetCell(value, EXPORT_COLUMNS[i]!.kind)));
  }
  return {
    filename: `customers-${filter.status}-${today}.csv`,
    csv: '\uFEFF' + Papa.unparse({ fields: EXPORT_COLUMNS.map((c) => c.header), data }, { newline: '\r\n' }),
    count: data.length,
  };
}
