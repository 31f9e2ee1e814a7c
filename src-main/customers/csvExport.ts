import Papa from 'papaparse';
import type { ParsedInput } from '../../src-shared/contract';
import { gstStateName } from '../../src-shared/gstStates';
import { phoneForSpreadsheet } from '../../src-shared/phones';
import { spreadsheetCell, type CellKind } from './spreadsheetCells';
import type { CustomerReads } from './store';

/**
 * Words a person reads in a spreadsheet; the import maps each back to its field (its header
 * synonyms), so an exported file imports back unchanged. "id" cells are identifiers, kept as text.
 */
const COLUMNS: { header: string; kind: CellKind }[] = [
  { header: 'Account no', kind: 'id' },
  { header: 'Name', kind: 'text' },
  { header: 'Phone', kind: 'id' },
  { header: 'Second phone', kind: 'id' },
  { header: 'E-mail', kind: 'text' },
  { header: 'Address', kind: 'text' },
  { header: 'Latitude', kind: 'text' },
  { header: 'Longitude', kind: 'text' },
  { header: 'ID proof', kind: 'id' },
  { header: 'Notes', kind: 'text' },
  { header: 'Status', kind: 'text' },
  { header: 'Connection type', kind: 'text' },
  { header: 'PPPoE username', kind: 'id' },
  { header: 'Static IP', kind: 'id' },
  { header: 'MAC address', kind: 'id' },
  { header: 'CPE model', kind: 'text' },
  { header: 'Access point', kind: 'text' },
  { header: 'Plan', kind: 'text' },
  { header: 'Billing day', kind: 'text' },
  { header: 'Installed on', kind: 'text' },
  { header: 'GSTIN', kind: 'id' },
  { header: 'Place of supply', kind: 'text' },
  { header: 'Billing starts on', kind: 'text' },
  { header: 'Created at', kind: 'text' },
];

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
        // 27-Maharashtra: words, where 07 alone would open as the number 7.
        r.place_of_supply && `${r.place_of_supply}-${gstStateName(String(r.place_of_supply)) ?? ''}`.replace(/-$/, ''),
        r.billing_start_on,
        r.created_at,
      ].map((value, i) => spreadsheetCell(value, COLUMNS[i]!.kind)),
    );
  }
  return {
    filename: `customers-${filter.status}-${today}.csv`,
    csv: '\uFEFF' + Papa.unparse({ fields: COLUMNS.map((c) => c.header), data }, { newline: '\r\n' }),
    count: data.length,
  };
}
