import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatementImportPreview, StatementRowPreview } from '../../../../src-shared/contract';
import {
  alreadyInCount,
  creditRows,
  decisionsFor,
  filterRows,
  ignoreUnmatched,
  initialChoices,
  pickCustomer,
  recordedDates,
  setAction,
  summarise,
} from '../../../../src-renderer/features/payments/import/importDecisions';
import {
  headerAfter,
  layoutProblem,
  missingColumns,
  presetFor,
  statementHead,
} from '../../../../src-renderer/features/payments/import/statementLayout';
import { BLANK_LAYOUT, STATEMENT_PRESETS } from '../../../../src-renderer/features/payments/import/statementPresets';
import { parseHash, routeHref } from '../../../../src-renderer/router/routes';

const sample = (name: string) =>
  statementHead(new Uint8Array(readFileSync(join(__dirname, '../../../../resources/statements', name))));

function row(
  line: number,
  state: StatementRowPreview['state'],
  customerId: number | null,
  on = '2026-11-02',
): StatementRowPreview {
  return {
    key: `k${line}`,
    line,
    on,
    amount: 50_000 + line,
    reference: '',
    narration: `row ${line}`,
    payer: '',
    state,
    match:
      customerId === null
        ? null
        : {
            customerId,
            accountNo: `WD-${customerId}`,
            name: `C${customerId}`,
            invoiceIds: [customerId * 10],
            reason: 'invoice_number',
            why: 'x',
          },
  };
}

function preview(rows: StatementRowPreview[]): StatementImportPreview {
  return {
    filename: 'bank.csv',
    sha256: '0',
    rows,
    counts: {
      credits: 0,
      matched: 0,
      unmatched: 0,
      alreadyIn: rows.filter((r) => r.state.startsWith('already')).length,
      debits: 0,
    },
    problems: [],
  };
}

describe('the built-in layouts', () => {
  it('each sample statement is recognised by its own preset, HDFC after its letterhead', () => {
    expect(presetFor(sample('sbi.csv'))?.id).toBe('sbi');
    expect(presetFor(sample('hdfc.csv'))?.id).toBe('hdfc');
    expect(presetFor(sample('icici.csv'))?.id).toBe('icici');
    expect(presetFor(sample('razorpay-settlements.csv'))?.id).toBe('razorpay');
    expect(presetFor('Date,Particulars,Deposit\n01/11/2026,x,1\n')).toBeNull();
  });

  it('every preset names a complete layout', () => {
    for (const preset of STATEMENT_PRESETS) expect(layoutProblem(preset.mapping), preset.id).toBeNull();
  });
});

describe('the header row', () => {
  it('is read after the lines to skip, quoted names kept whole, duplicates and blanks left out', () => {
    expect(headerAfter(sample('hdfc.csv'), 5)).toEqual([
      'Date',
      'Narration',
      'Chq./Ref.No.',
      'Value Dt',
      'Withdrawal Amt.',
      'Deposit Amt.',
      'Closing Balance',
    ]);
    expect(headerAfter('"Amount, INR",Date,,date\r\n1,2,3,4', 0)).toEqual(['Amount, INR', 'Date']);
    expect(headerAfter('one line', 3)).toEqual([]);
  });

  it('a UTF-16 file with its byte order mark is read as text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Txn Date,Credit\r\n', 'utf16le')]);
    expect(headerAfter(statementHead(new Uint8Array(utf16)), 0)).toEqual(['Txn Date', 'Credit']);
  });

  it('missing columns are compared as the back end does: case and spaces aside', () => {
    const layout = { ...BLANK_LAYOUT, date: 'txn  date', credit: 'Credit', narration: 'Description' };
    expect(missingColumns(layout, ['Txn Date', 'CREDIT'])).toEqual(['Description']);
  });

  it('a layout needs a date, a narration, and one amount or a credit column, not both', () => {
    expect(layoutProblem(BLANK_LAYOUT)).toBe('Pick the date column');
    expect(layoutProblem({ ...BLANK_LAYOUT, date: 'D' })).toMatch(/narration/);
    expect(layoutProblem({ ...BLANK_LAYOUT, date: 'D', narration: 'N' })).toMatch(/amount column or the credit/);
    expect(layoutProblem({ ...BLANK_LAYOUT, date: 'D', narration: 'N', amount: 'A', credit: 'C' })).toMatch(
      /not|one amount/,
    );
    expect(layoutProblem({ ...BLANK_LAYOUT, date: 'D', narration: 'N', credit: 'C' })).toBeNull();
  });
});

describe('decisions', () => {
  const p = preview([
    row(2, 'new', 1),
    row(3, 'new', null),
    row(4, 'already_imported', 2),
    row(5, 'debit', null),
    row(6, 'new', null, '2026-11-05'),
  ]);

  it('matched rows are recorded for their customer and invoices; unmatched ones wait for a customer', () => {
    const choices = initialChoices(p);
    expect(Object.keys(choices)).toEqual(['k2', 'k3', 'k6']);
    expect(choices.k2).toEqual({ action: 'record', customerId: 1, invoiceIds: [10] });
    expect(summarise(p, choices)).toEqual({ record: 1, recordMinor: 50_002, ignore: 0, undecided: 2 });
    expect(decisionsFor(p, choices)).toBeNull();
  });

  it('a customer picked by hand is paid oldest first; ignore all unmatched leaves picked rows alone', () => {
    let choices = pickCustomer(initialChoices(p), row(3, 'new', null), 7);
    choices = ignoreUnmatched(p, choices);
    expect(decisionsFor(p, choices)).toEqual([
      { action: 'record', key: 'k2', customerId: 1, invoiceIds: [10] },
      { action: 'record', key: 'k3', customerId: 7, invoiceIds: [] },
      { action: 'ignore', key: 'k6' },
    ]);
    expect(recordedDates(p, choices)).toEqual({ from: '2026-11-02', to: '2026-11-02' });
    // Rows already in and debits are never sent.
    expect(decisionsFor(p, setAction(choices, 'k4', 'record'))).toHaveLength(3);
  });

  it('the suggested customer picked again keeps the suggested invoices', () => {
    const r = row(2, 'new', 1);
    expect(pickCustomer({}, r, 1).k2).toEqual({ action: 'record', customerId: 1, invoiceIds: [10] });
  });

  it('filters: matched and unmatched are new rows; all shows credits, debits left out', () => {
    const credits = creditRows(p);
    expect(credits.map((r) => r.line)).toEqual([2, 3, 4, 6]);
    expect(filterRows(credits, 'matched').map((r) => r.line)).toEqual([2]);
    expect(filterRows(credits, 'unmatched').map((r) => r.line)).toEqual([3, 6]);
  });

  it('a statement already imported sends no decision and counts every credit as already in', () => {
    const again = preview([row(2, 'already_imported', 1), row(3, 'already_recorded', null)]);
    expect(decisionsFor(again, initialChoices(again))).toEqual([]);
    expect(alreadyInCount(again, { alreadyIn: 0 })).toBe(2);
  });
});

describe('the route', () => {
  it('#/payments/import is the wizard, and back', () => {
    expect(parseHash('#/payments/import')).toEqual({ page: 'paymentsImport' });
    expect(routeHref({ page: 'paymentsImport' })).toBe('#/payments/import');
    expect(parseHash('#/payments/12')).toEqual({ page: 'payment', id: 12 });
  });
});
