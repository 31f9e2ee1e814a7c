import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, createCustomer, freshApp } from '../helpers';

interface SheetCell {
  /** The cell's type attribute: "s" (shared string), "inlineStr", or none for a number. */
  type: string | undefined;
  text: string;
  formula: boolean;
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The first sheet's cells by reference (A1, B2, …), shared strings resolved. */
function readSheet(base64: string): Map<string, SheetCell> {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const shared = [
    ...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map(([, si]) => unescapeXml([...si!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(([, t]) => t).join('')));
  const cells = new Map<string, SheetCell>();
  for (const [, attributes, body = ''] of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(attributes!)![1]!;
    const type = /\bt="([^"]+)"/.exec(attributes!)?.[1];
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    const text = type === 's' ? shared[Number(value)]! : unescapeXml(inline ?? value ?? '');
    cells.set(ref, { type, text, formula: /<f[\s>]/.test(body) });
  }
  return cells;
}

const column = (index: number): string => String.fromCharCode('A'.charCodeAt(0) + index);

describe('customers.exportXlsx', () => {
  it('writes word headers and identifiers as string cells, exactly as typed, numbers as numbers', async () => {
    const app = freshApp();
    await createCustomer(app, {
      name: '=1+1',
      phones: ['+91 98220 12345'],
      pppoeUsername: '9822012345',
      idProof: '0123',
      address: 'Shop 4 <Rao & Sons>',
      latitude: 18.5204,
      longitude: 73.8567,
    });
    const result = await call(app, 'customers.exportXlsx', { status: 'all' });
    expect(result.filename).toMatch(/^customers-all-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(result.count).toBe(1);

    const cells = readSheet(result.base64);
    const headers: string[] = [];
    for (let i = 0; cells.has(`${column(i)}1`); i++) headers.push(cells.get(`${column(i)}1`)!.text);
    expect(headers).toEqual(expect.arrayContaining(['Account no', 'Name', 'Phone', 'PPPoE username', 'ID proof']));
    expect(headers).toHaveLength(24);

    const at = (header: string): SheetCell => {
      const index = headers.indexOf(header);
      expect(index, header).toBeGreaterThanOrEqual(0);
      return cells.get(`${column(index)}2`)!;
    };
    const asString = (header: string, text: string) => {
      const cell = at(header);
      expect(['s', 'inlineStr', 'str'], header).toContain(cell.type);
      expect(cell.text, header).toBe(text);
      expect(cell.formula, header).toBe(false);
    };
    asString('Name', '=1+1');
    // The office's own country (India): the number as dialled there, as the CSV writes it.
    asString('Phone', '098220 12345');
    asString('PPPoE username', '9822012345');
    asString('ID proof', '0123');
    asString('Address', 'Shop 4 <Rao & Sons>');
    expect(at('Account no').text).toMatch(/^[A-Z]+-\d+$/);
    asString('Account no', at('Account no').text);
    for (const cell of cells.values()) {
      expect(cell.text.startsWith("'")).toBe(false);
      expect(cell.formula).toBe(false);
    }

    expect(at('Latitude')).toEqual({ type: undefined, text: '18.5204', formula: false });
    expect(at('Longitude').text).toBe('73.8567');
    expect(at('Billing day').type).toBeUndefined();
    expect(at('Created at').text).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('exports the same customers as the CSV, as filtered', async () => {
    const app = freshApp();
    await createCustomer(app, { name: 'Rahul Patil', pppoeUsername: 'rahul' });
    await createCustomer(app, { name: 'Amit Rao', pppoeUsername: 'amit' });
    const filter = { query: 'rahul', status: 'all' } as const;
    const xlsx = await call(app, 'customers.exportXlsx', filter);
    const csv = await call(app, 'customers.exportCsv', filter);
    expect(xlsx.count).toBe(1);
    expect(xlsx.count).toBe(csv.count);
    expect(readSheet(xlsx.base64).get('B2')?.text).toBe('Rahul Patil');
  });
});
