import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../src-shared/contract';
import {
  importAdvice,
  importButtonText,
  importOutcome,
  importSummary,
} from '../../../../src-renderer/features/customers/import/importWording';

const preview = (validRows: number, invalidRows: number, alreadyInRows = 0): ImportPreview => ({
  headers: [],
  mapping: {},
  rows: [],
  samples: [],
  totalRows: validRows + invalidRows + alreadyInRows,
  validRows,
  invalidRows,
  alreadyInRows,
});

describe('the import button says what pressing it does', () => {
  it('names the good rows when some must be fixed, and counts one customer as one', () => {
    expect(importButtonText(preview(38, 2))).toBe('Import the 38 good ones');
    expect(importAdvice(preview(38, 2))).toBe('Fix 2 rows, or import the 38 good ones.');
    expect(importButtonText(preview(1, 0))).toBe('Import 1 customer');
    expect(importButtonText(preview(40, 0))).toBe('Import 40 customers');
    expect(importButtonText(preview(1, 1))).toBe('Import the 1 good one');
    expect(importAdvice(preview(1, 1))).toBe('Fix 1 row, or import the 1 good one.');
    expect(importAdvice(preview(40, 0))).toBeNull();
  });

  it('counts rows already in WispDesk apart from the ones to fix', () => {
    expect(importSummary(preview(1, 2, 3))).toBe('6 rows: 1 new customer, 2 to fix, 3 already in WispDesk');
    expect(importAdvice(preview(0, 0, 3))).toBe('3 rows are already in WispDesk and will be skipped.');
    expect(importOutcome({ imported: 18, skipped: 2, alreadyIn: 0 })).toBe('Imported 18 customers, skipped 2 rows');
    expect(importOutcome({ imported: 1, skipped: 5, alreadyIn: 3 })).toBe(
      'Imported 1 customer, skipped 2 rows; 3 already in WispDesk',
    );
  });
});
