import type { ImportRowReport } from '../../../../src-shared/contract';

type RefusedRow = Pick<ImportRowReport, 'row' | 'errors'>;

function isRefusedRow(value: unknown): value is RefusedRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return typeof row.row === 'number' && Array.isArray(row.errors);
}

/** The bad rows named in an import refusal (error details.rows), if the server sent them. */
export function refusedRowsOf(details: Record<string, unknown> | undefined): RefusedRow[] {
  const rows = details?.rows;
  return Array.isArray(rows) ? rows.filter(isRefusedRow) : [];
}
