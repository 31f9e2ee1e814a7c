import Papa from 'papaparse';
import type { ParsedInput } from '../../src-shared/contract';
import { phoneForSpreadsheet } from '../../src-shared/phones';
import type { CustomerReads } from './store';

// The headers match the import's own, so an exported file imports back unchanged.
const HEADERS = [
  'account_no',
  'name',
  'phone',
  'phone2',
  'email',
  'address',
  'latitude',
  'longitude',
  'id_proof',
  'notes',
  'status',
  'connection_type',
  'pppoe_username',
  'static_ip',
  'mac_address',
  'cpe_model',
  'access_point',
  'plan',
  'billing_day',
  'installed_on',
  'gstin',
  'place_of_supply',
  'billing_start_on',
  'created_at',
];

/** A cell a spreadsheet may read as a formula ("=", "+", "-", "@", tab, CR first). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** As the contract's Phone: digits, spaces, + ( ) - only, so nothing a formula could call. */
const PHONE = /^\+?[0-9(][0-9 ()-]{5,18}$/;

/**
 * A spreadsheet would run "=cmd|…" or "-2+3+cmd|…" as a formula; prefix such cells with a quote
 * so they stay text. Plain numbers (-20.5) and phone numbers (+91 98220 12345) are left as they
 * are, so they import back unchanged.
 */
export function safeCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text) || PHONE.test(text)) return text;
  return `'${text}`;
}

export function exportCustomersCsv(
  store: CustomerReads,
  filter: ParsedInput<'customers.exportCsv'>,
  /** The office's country: phones are written as dialled from there, which reads back the same. */
  country: string,
  /** The office's date, for the file name (not UTC's, which is yesterday before 05:30 in India). */
  today: string,
): { filename: string; csv: string; count: number } {
  const data: string[][] = [];
  for (const r of store.iterate({ text: filter.query, status: filter.status, planId: filter.planId }, filter.sort)) {
    const phones = JSON.parse(r.phones) as string[];
    data.push(
      [
        r.account_no,
        r.name,
        phones[0] && phoneForSpreadsheet(phones[0], country),
        phones[1] && phoneForSpreadsheet(phones[1], country),
        r.email,
        r.address,
        r.latitude,
        r.longitude,
        r.id_proof,
        r.notes,
        r.status,
        r.connection_type,
        r.pppoe_username,
        r.static_ip,
        r.mac_address,
        r.cpe_model,
        r.access_point,
        r.plan_name,
        r.billing_day,
        r.installed_on,
        r.gstin,
        r.place_of_supply,
        r.billing_start_on,
        r.created_at,
      ].map(safeCell),
    );
  }
  return {
    filename: `customers-${filter.status}-${today}.csv`,
    csv: '\uFEFF' + Papa.unparse({ fields: HEADERS, data }, { newline: '\r\n' }),
    count: data.length,
  };
}
