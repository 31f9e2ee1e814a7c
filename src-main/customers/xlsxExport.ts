import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import type { ParsedInput } from '../../src-shared/contract';
import { customerExportRows, EXPORT_COLUMNS, type ExportColumn, type ExportValue } from './exportRows';
import type { CustomerReads } from './store';

/** Column widths in characters: wide enough for the usual value, not for the longest one. */
const WIDTHS: Record<string, number> = {
  Name: 24,
  Phone: 16,
  'Second phone': 16,
  'E-mail': 26,
  Address: 32,
  Notes: 30,
  'PPPoE username': 18,
  'Static IP': 16,
  'MAC address': 18,
  'Access point': 18,
  Plan: 20,
  GSTIN: 17,
  'Place of supply': 18,
  'Created at': 20,
};

/**
 * A workbook cell: a number column's number stays a number; everything else is a string cell,
 * which a spreadsheet never reads as a formula, a number or a date, so no apostrophe is needed.
 */
function workbookCell(value: ExportValue, column: ExportColumn): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (column.number && typeof value === 'number') return { type: Number, value };
  // "@" (Text) keeps an identifier text when someone edits the cell, too.
  return column.kind === 'id'
    ? { type: String, value: String(value), format: '@' }
    : { type: String, value: String(value) };
}

/** The customer list as filtered, as an .xlsx workbook (for opening in Excel or LibreOffice; the CSV is the one to import). */
export async function exportCustomersXlsx(
  store: CustomerReads,
  filter: ParsedInput<'customers.exportXlsx'>,
  /** The office's country: phones are written as dialled from there. */
  country: string,
  /** The office's date, for the file name. */
  today: string,
): Promise<{ filename: string; base64: string; count: number }> {
  const header: Row = EXPORT_COLUMNS.map((c) => ({ type: String, value: c.header, fontWeight: 'bold' }));
  const data: Row[] = [header];
  for (const row of customerExportRows(store, filter, country)) {
    data.push(row.map((value, i) => workbookCell(value, EXPORT_COLUMNS[i]!)));
  }
  const buffer = await writeExcelFile(data, {
    sheet: 'Customers',
    columns: EXPORT_COLUMNS.map((c) => ({ width: WIDTHS[c.header] ?? Math.max(12, c.header.length + 2) })),
    stickyRowsCount: 1,
  }).toBuffer();
  return {
    filename: `customers-${filter.status}-${today}.xlsx`,
    base64: buffer.toString('base64'),
    count: data.length - 1,
  };
}
