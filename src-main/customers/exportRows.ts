import type { ParsedInput } from '../../src-shared/contract';
import { gstStateName } from '../../src-shared/gstStates';
import { phoneForSpreadsheet } from '../../src-shared/phones';
import type { CellKind } from './spreadsheetCells';
import type { CustomerReads } from './store';

/** One exported column: its header, and whether its cells are identifiers or (in a workbook) numbers. */
export interface ExportColumn {
  header: string;
  kind: CellKind;
  /** Written as a number cell in a workbook (the CSV writes every cell as text). */
  number?: true;
}

/**
 * Words a person reads in a spreadsheet; the import maps each back to its field (its header
 * synonyms), so an exported file imports back unchanged. "id" cells are identifiers, kept as text.
 */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: 'Account no', kind: 'id' },
  { header: 'Name', kind: 'text' },
  { header: 'Phone', kind: 'id' },
  { header: 'Second phone', kind: 'id' },
  { header: 'E-mail', kind: 'text' },
  { header: 'Address', kind: 'text' },
  { header: 'Latitude', kind: 'text', number: true },
  { header: 'Longitude', kind: 'text', number: true },
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
  { header: 'Billing day', kind: 'text', number: true },
  { header: 'Installed on', kind: 'text' },
  { header: 'GSTIN', kind: 'id' },
  { header: 'Place of supply', kind: 'text' },
  { header: 'Billing starts on', kind: 'text' },
  { header: 'Created at', kind: 'text' },
];

/** A cell as the database holds it: text, a number, or nothing. */
export type ExportValue = string | number | null | undefined;

/**
 * The customer list as filtered, one array of values per customer in EXPORT_COLUMNS' order;
 * the CSV and the workbook each write these cells their own way.
 */
export function* customerExportRows(
  store: CustomerReads,
  filter: ParsedInput<'customers.exportCsv'>,
  /** The office's country: phones are written as dialled from there, which reads back the same. */
  country: string,
): Generator<ExportValue[]> {
  for (const r of store.iterate({ text: filter.query, status: filter.status, planId: filter.planId }, filter.sort)) {
    const phones = JSON.parse(r.phones) as string[];
    yield [
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
    ] as ExportValue[];
  }
}
