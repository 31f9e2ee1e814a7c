import type { ImportPreview } from '../../../../src-shared/contract';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The import button says what pressing it will do: "Import 1 customer", "Import the 38 good ones". */
export function importButtonText(preview: ImportPreview | null): string {
  if (!preview) return 'Import';
  if (preview.invalidRows === 0) return `Import ${plural(preview.validRows, 'customer', 'customers')}`;
  return preview.validRows === 1 ? 'Import the 1 good one' : `Import the ${preview.validRows} good ones`;
}

/** "40 rows: 38 new customers, 2 to fix, 3 already in WispDesk". */
export function importSummary(preview: ImportPreview): string {
  const parts = [plural(preview.validRows, 'new customer', 'new customers')];
  if (preview.invalidRows) parts.push(`${preview.invalidRows} to fix`);
  if (preview.alreadyInRows) parts.push(`${preview.alreadyInRows} already in WispDesk`);
  return `${plural(preview.totalRows, 'row', 'rows')}: ${parts.join(', ')}`;
}

/** What happens next, when some rows cannot be imported: "Fix 2 rows, or import the 38 good ones." */
export function importAdvice(preview: ImportPreview): string | null {
  const notes: string[] = [];
  if (preview.invalidRows) {
    const fix = `Fix ${plural(preview.invalidRows, 'row', 'rows')}`;
    notes.push(
      preview.validRows
        ? `${fix}, or import the ${plural(preview.validRows, 'good one', 'good ones')}.`
        : `${fix}: there is nothing to import yet.`,
    );
  }
  if (preview.alreadyInRows) {
    notes.push(`${plural(preview.alreadyInRows, 'row is', 'rows are')} already in WispDesk and will be skipped.`);
  }
  return notes.length ? notes.join(' ') : null;
}

/** "Imported 18 customers, skipped 2 rows (3 already in WispDesk)". */
export function importOutcome(result: { imported: number; skipped: number; alreadyIn: number }): string {
  const toFix = result.skipped - result.alreadyIn;
  let text = `Imported ${plural(result.imported, 'customer', 'customers')}`;
  if (toFix) text += `, skipped ${plural(toFix, 'row', 'rows')}`;
  if (result.alreadyIn) text += `; ${result.alreadyIn} already in WispDesk`;
  return text;
}
