// Opened in Excel or LibreOffice, an exported phone or identifier must stay text: "+91-98220-12346"
// is a formula there, "0123" loses its 0, "9822012345" becomes a number and "12/03" a date. And the
// file must still import back to the same customers.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../src-shared/contract';
import { spreadsheetCell, unguardCell } from '../../../src-main/customers/spreadsheetCells';
import { call, createCustomer, freshApp, type TestApp } from '../helpers';

/** The columns holding phones and identifiers. */
const ID_COLUMNS = [
  'Account no',
  'Phone',
  'Second phone',
  'ID proof',
  'PPPoE username',
  'Static IP',
  'MAC address',
  'GSTIN',
  'Place of supply',
];

/** What a spreadsheet opening a CSV turns into something other than the text: a formula, a number, a date or a time. */
function opensAsText(cell: string): boolean {
  if (/^[=+\-@\t\r]/.test(cell)) return false;
  if (/^\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?\s*$/.test(cell)) return false;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(cell)) return false;
  return !/^\d{1,2}:\d{2}(:\d{2})?$/.test(cell);
}

async function customers(app: TestApp): Promise<Customer[]> {
  const { records } = await call(app, 'customers.list', {
    status: 'all',
    pageSize: 100,
    sort: { column: 'name', direction: 'asc' },
  });
  return Promise.all(records.map((r) => call(app, 'customers.get', { id: r.id })));
}

describe('the export’s phones and identifiers open as text in a spreadsheet', () => {
  it('every phone and ID-like cell opens as text, and the file imports back unchanged', async () => {
    const source = freshApp();
    // No prefix: account numbers are bare digits (000001), which a spreadsheet would make 1.
    await call(source, 'settings.save', { companyName: 'Digits Net', accountPrefix: '' });
    const tricky = [
      { name: 'Mobile Typed With Dashes', phones: ['+91-98220-12346'], pppoeUsername: '9822012346' },
      { name: 'Trunk Zero', phones: ['098220 12347', '020 2553 0101'], pppoeUsername: '0123' },
      { name: 'Ten Digits', phones: ['9822012348'], pppoeUsername: 'ten', idProof: '123456789012' },
      { name: 'Abroad', phones: ['+44 20 7946 0958', '+1 415 555 0132'], pppoeUsername: '1E5', idProof: '12/03' },
      { name: 'Delhi Office', phones: ['011 2345 6789'], pppoeUsername: '-x', idProof: '=1+1', placeOfSupply: '07' },
      {
        name: 'Static Business',
        connectionType: 'static' as const,
        pppoeUsername: null,
        staticIp: '10.0.0.7',
        macAddress: '00:11:22:33:44:55',
        gstin: '27AAPFU0939F1ZV',
        idProof: '1234 5678 9012',
      },
    ];
    for (const customer of tricky) await createCustomer(source, customer);

    const { csv } = await call(source, 'customers.exportCsv', { status: 'all' });
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    for (const column of ID_COLUMNS) expect(header).toContain(column);
    // Headers are words a person reads.
    for (const h of header!) expect(h).toMatch(/^[A-Z][A-Za-z -]*$/);
    const checked: string[] = [];
    for (const row of rows) {
      for (const column of ID_COLUMNS) {
        const cell = row[header!.indexOf(column)]!;
        if (cell === '') continue;
        expect(opensAsText(cell), `${column} ${JSON.stringify(cell)} opens as text`).toBe(true);
        checked.push(cell);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        '098220 12346',
        '020 2553 0101',
        '00 44 20 7946 0958',
        "'9822012346",
        "'0123",
        "'123456789012",
        "'12/03",
        "'000001",
        '07-Delhi',
      ]),
    );

    const target = freshApp();
    const preview = await call(target, 'customers.importPreview', { csv });
    expect(preview).toMatchObject({ totalRows: tricky.length, invalidRows: 0 });
    await call(target, 'customers.importCommit', { csv, mapping: preview.mapping });
    // Passwords are never exported; the rest is the same customer.
    const comparable = ({
      id: _i,
      accountNo: _a,
      createdAt: _c,
      updatedAt: _u,
      statusChangedAt: _s,
      hasPppoePassword: _p,
      ...rest
    }: Customer) => rest;
    expect((await customers(target)).map(comparable)).toEqual((await customers(source)).map(comparable));
  });

  it('the guard and the import’s reading of it are exact inverses', () => {
    const values = ["'=1", "''0123", "'Rahul", '0123', '=1', '-20.5', "O'Brien", '98220 12345', '+91 98220 12345', ''];
    for (const kind of ['text', 'id'] as const) {
      for (const value of values) expect(unguardCell(spreadsheetCell(value, kind), kind)).toBe(value);
    }
  });
});
