import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../src-main/customers/csvExport';
import { call, createCustomer, freshApp } from '../helpers';

describe('the export guards formula cells', () => {
  it.each([
    "-2+3+cmd|' /C calc'!A0",
    '-1+1',
    '+1+cmd',
    '=1+1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '-',
    '+',
    '-x',
    '+91 98220 12345 =cmd',
    // Excel reads these as formulas too: =91-98220-12346.
    '+91-98220-12346',
    '+91 98220 12345',
  ])('prefixes %j with a quote', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it.each(['-20.5', '-20', '+5', '-.5', '20.5', '098220 12345', '00 1 555-010-0199', '020-2553 0101', 'Rahul', ''])(
    'leaves %j alone: a plain number or a phone number as dialled',
    (text) => {
      expect(safeCell(text)).toBe(text);
    },
  );

  it('writes numbers and nulls as they are', () => {
    expect(safeCell(-12.5)).toBe('-12.5');
    expect(safeCell(null)).toBe('');
  });

  it('an exported file imports back unchanged where no guard was needed', async () => {
    const source = freshApp();
    const asha = await createCustomer(source, {
      name: 'Asha Rao',
      phones: ['+91 98220 12345', '020-2553 0101'],
      notes: '-20.5',
      pppoeUsername: 'asha',
      latitude: -12.5,
      longitude: -73.8,
    });
    await createCustomer(source, { name: 'Calc', notes: "-2+3+cmd|' /C calc'!A0", pppoeUsername: 'calc' });
    const { csv } = await call(source, 'customers.exportCsv', { sort: { column: 'name', direction: 'asc' } });
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const notes = rows[0]!.indexOf('Notes');
    expect(rows.map((r) => r[notes])).toEqual(['Notes', '-20.5', "'-2+3+cmd|' /C calc'!A0"]);

    const target = freshApp();
    const preview = await call(target, 'customers.importPreview', { csv });
    expect(preview.invalidRows).toBe(0);
    await call(target, 'customers.importCommit', { csv, mapping: preview.mapping });
    const [imported] = (await call(target, 'customers.list', { query: 'asha' })).records;
    const fields = ({ name, phones, notes, latitude, longitude }: typeof asha) => ({
      name,
      phones,
      notes,
      latitude,
      longitude,
    });
    const back = await call(target, 'customers.get', { id: imported!.id });
    expect(fields(back)).toEqual(fields(asha));
    expect(fields(back)).toMatchObject({ notes: '-20.5', latitude: -12.5, longitude: -73.8 });
  });
});
