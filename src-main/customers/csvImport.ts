import Papa from 'papaparse';
import {
  CUSTOMER_STATUSES,
  CustomerInput,
  IMPORT_FIELDS,
  type CustomerStatus,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportRowReport,
  type ImportSample,
} from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { gstStateCode } from '../../src-shared/gstStates';
import { phoneDisplay } from '../../src-shared/phones';
import type { PlansService } from '../plans/service';
import type { CustomersService, NewCustomer } from './service';
import { spreadsheetCell, unguardCell, type CellKind } from './spreadsheetCells';

/** Header spellings seen in real spreadsheets, normalised (lower case, letters and digits only). */
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'customername', 'fullname', 'customer', 'subscriber', 'subscribername', 'clientname'],
  phone: [
    'phone',
    'mobile',
    'phone1',
    'mobile1',
    'mobileno',
    'phoneno',
    'contact',
    'contactno',
    'phonenumber',
    'mobilenumber',
  ],
  phone2: [
    'phone2',
    'secondphone',
    'mobile2',
    'altphone',
    'alternatephone',
    'alternatemobile',
    'altmobile',
    'otherphone',
  ],
  email: ['email', 'emailaddress', 'mail', 'emailid'],
  address: ['address', 'fulladdress', 'location', 'addr'],
  latitude: ['latitude', 'lat', 'gpslat'],
  longitude: ['longitude', 'lng', 'lon', 'long', 'gpslng', 'gpslon'],
  idProof: ['idproof', 'id', 'aadhaar', 'aadhar', 'idnumber', 'kyc'],
  notes: ['notes', 'note', 'remarks', 'remark', 'comment', 'comments'],
  // "State" in an Indian spreadsheet is the state the customer is in (placeOfSupply), not the account's.
  status: ['status', 'accountstatus', 'connectionstatus'],
  connectionType: ['connectiontype', 'connection', 'type', 'conntype'],
  pppoeUsername: ['pppoeusername', 'pppoeuser', 'username', 'user', 'pppoe', 'login', 'pppoeid', 'secretname'],
  pppoePassword: ['pppoepassword', 'password', 'pass', 'pppoepass', 'secret'],
  staticIp: ['staticip', 'ip', 'ipaddress', 'ipv4', 'remoteaddress'],
  macAddress: ['mac', 'macaddress', 'macid', 'callerid'],
  cpeModel: ['cpe', 'cpemodel', 'device', 'router', 'radio'],
  accessPoint: ['accesspoint', 'ap', 'site', 'tower', 'sector', 'pop'],
  plan: ['plan', 'package', 'planname', 'packagename', 'profile', 'tariff'],
  billingDay: ['billingday', 'billday', 'billdate', 'dueday'],
  installedOn: ['installedon', 'installdate', 'installationdate', 'activationdate', 'connectiondate', 'joined'],
  gstin: ['gstin', 'gst', 'gstno', 'gstnumber', 'gstinno', 'gstinnumber', 'customergstin'],
  placeOfSupply: ['placeofsupply', 'state', 'statecode', 'gststate', 'gststatecode', 'pos', 'supplystate'],
  billingStartOn: [
    'billingstarton',
    'billingstartson',
    'billingstart',
    'billingstartdate',
    'billfrom',
    'billingfrom',
    'startbillingon',
  ],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export function suggestMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const index = headers.findIndex((h, i) => !used.has(i) && HEADER_SYNONYMS[field].includes(normalise(h)));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  return mapping;
}

export interface CsvRow {
  /** The row as a spreadsheet numbers it (the header is row 1): a blank line is a row, a cell with line breaks is not two. */
  row: number;
  cells: string[];
}

export function parseCsv(csv: string): { headers: string[]; rows: CsvRow[] } {
  const text = csv.replace(/^\uFEFF/, '');
  const all: CsvRow[] = [];
  let row = 0;
  Papa.parse<string[]>(text, {
    step: (result) => {
      row++;
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '')) all.push({ row, cells });
    },
  });
  // U+FFFD is what a reader leaves for bytes that were not UTF-8 (an Excel "CSV" in Windows-1252).
  const unreadable = all.find((r) => r.cells.some((c) => c.includes('\uFFFD')));
  if (unreadable) {
    throw new AppError(
      'validation',
      `The file is not UTF-8: row ${unreadable.row} has characters that could not be read (shown as \uFFFD). ` +
        'In Excel, save it again as "CSV UTF-8 (Comma delimited)" and import that file.',
    );
  }
  const [header, ...rows] = all;
  if (!header || header.row !== 1 || header.cells.every((h) => !h.trim())) {
    throw new AppError('validation', 'The file has no header row: the first row must name the columns');
  }
  return { headers: header.cells.map((h) => h.trim()), rows };
}

/** Fields holding identifiers, which the export writes as text (see spreadsheetCells.ts). */
const ID_FIELDS: ReadonlySet<ImportField> = new Set([
  'phone',
  'phone2',
  'idProof',
  'pppoeUsername',
  'staticIp',
  'macAddress',
  'gstin',
]);
const kindOf = (field: ImportField): CellKind => (ID_FIELDS.has(field) ? 'id' : 'text');

/** The column a "Problem" note is written to, and which an import never maps. */
const PROBLEM_HEADER = 'Problem';
const SAMPLE_ROWS = 5;

/** 2024-03-15, 15/03/2024 or 15-03-2024 -> 2024-03-15 (Indian spreadsheets write day first). */
function isoDate(text: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
}

function number(text: string): number | string | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

interface CheckedRow {
  row: number;
  cells: string[];
  values: Record<string, string>;
  errors: ImportRowReport['errors'];
  alreadyIn: ImportRowReport['alreadyIn'];
  /** The customer to write: null for a row with errors or one already in WispDesk. */
  customer: NewCustomer | null;
  planName: string | null;
}

export class CustomerImport {
  constructor(
    private readonly customers: CustomersService,
    private readonly plans: PlansService,
  ) {}

  private checkRows(headers: string[], rows: CsvRow[], mapping: ImportMapping): CheckedRow[] {
    const seenUsernames = new Map<string, number>();
    const seenIps = new Map<string, number>();
    // A spreadsheet names a handful of plans thousands of times: look each up once.
    const plansByName = new Map<string, ReturnType<PlansService['findByName']>>();
    const planNamed = (name: string) => {
      const key = name.toLowerCase();
      if (!plansByName.has(key)) plansByName.set(key, this.plans.findByName(name));
      return plansByName.get(key);
    };
    return rows.map(({ row, cells }) => {
      const values: Record<string, string> = {};
      for (const field of IMPORT_FIELDS) {
        const index = mapping[field];
        if (index !== null && index !== undefined)
          values[field] = unguardCell((cells[index] ?? '').trim(), kindOf(field));
      }
      const errors: ImportRowReport['errors'] = [];
      if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())) {
        errors.push({
          field: null,
          message: `has ${cells.length} cells but the header names ${headers.length} columns`,
        });
      }
      const v = (field: ImportField) => values[field] ?? '';

      let planId: number | null = null;
      let planName: string | null = null;
      if (v('plan')) {
        const plan = planNamed(v('plan'));
        if (!plan) errors.push({ field: 'plan', message: `there is no plan called "${v('plan')}"` });
        else if (plan.status === 'retired')
          errors.push({ field: 'plan', message: `the plan "${plan.name}" is retired` });
        else ({ id: planId, name: planName } = plan);
      }
      let status: CustomerStatus = 'active';
      if (v('status')) {
        const s = v('status').toLowerCase() as CustomerStatus;
        if (CUSTOMER_STATUSES.includes(s)) status = s;
        else errors.push({ field: 'status', message: `status must be one of ${CUSTOMER_STATUSES.join(', ')}` });
      }
      const type = v('connectionType').toLowerCase();
      const connectionType = type
        ? type.startsWith('static')
          ? 'static'
          : 'pppoe'
        : !v('pppoeUsername') && v('staticIp')
          ? 'static'
          : 'pppoe';

      // The state as a code (27), a name (Maharashtra) or both (27-Maharashtra).
      const placeOfSupply = v('placeOfSupply') ? gstStateCode(v('placeOfSupply')) : null;
      if (v('placeOfSupply') && !placeOfSupply) {
        errors.push({
          field: 'placeOfSupply',
          message: `"${v('placeOfSupply')}" is not a GST state: write its code (27) or its name (Maharashtra)`,
        });
      }
      // Which column each phone came from, so a bad one is reported there.
      const phoneFields = (['phone', 'phone2'] as const).filter((f) => v(f));
      const parsed = CustomerInput.safeParse({
        name: v('name'),
        phones: phoneFields.map((f) => v(f)),
        email: v('email'),
        address: v('address'),
        latitude: number(v('latitude')),
        longitude: number(v('longitude')),
        idProof: v('idProof'),
        notes: v('notes'),
        connectionType,
        pppoeUsername: v('pppoeUsername'),
        pppoePassword: v('pppoePassword') || undefined,
        staticIp: v('staticIp'),
        macAddress: v('macAddress'),
        cpeModel: v('cpeModel'),
        accessPoint: v('accessPoint'),
        planId,
        billingDay: v('billingDay') ? number(v('billingDay')) : 1,
        installedOn: isoDate(v('installedOn')),
        gstin: v('gstin'),
        placeOfSupply: placeOfSupply ?? (v('placeOfSupply') ? undefined : null),
        billingStartOn: isoDate(v('billingStartOn')),
      });
      const fieldOf = (path: PropertyKey[]) =>
        path[0] === 'phones' && typeof path[1] === 'number'
          ? (phoneFields[path[1]] ?? 'phone')
          : String(path[0] ?? '') || null;
      let customer: NewCustomer | null = null;
      let alreadyIn: CheckedRow['alreadyIn'] = null;
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = fieldOf(issue.path);
          errors.push({ field, message: `${field ?? 'row'}: ${issue.message}` });
        }
      } else {
        const { phones, issues } = this.customers.readPhones(parsed.data.phones);
        for (const issue of issues) {
          const field = fieldOf(issue.path);
          errors.push({ field, message: `${field}: ${issue.message}` });
        }
        customer = { ...parsed.data, phones, status };
        const username = customer.pppoeUsername?.toLowerCase();
        if (username) {
          const first = seenUsernames.get(username);
          if (first)
            errors.push({
              field: 'pppoeUsername',
              message: `PPPoE username "${customer.pppoeUsername}" is also on row ${first}`,
            });
          else seenUsernames.set(username, row);
        }
        if (customer.staticIp) {
          const first = seenIps.get(customer.staticIp);
          if (first) errors.push({ field: 'staticIp', message: `IP ${customer.staticIp} is also on row ${first}` });
          else seenIps.set(customer.staticIp, row);
        }
        if (errors.length === 0) alreadyIn = this.alreadyIn(customer);
        if (!alreadyIn) for (const conflict of this.customers.conflicts(customer)) errors.push(conflict);
      }
      return {
        row,
        cells,
        values,
        errors,
        alreadyIn,
        customer: errors.length || alreadyIn ? null : customer,
        planName,
      };
    });
  }

  /**
   * The customer a row already is, on a re-import: the one holding its PPPoE username or static IP
   * under the same name, or with its name and a phone. An identifier held by someone else by
   * another name is a conflict, not this customer.
   */
  private alreadyIn(customer: NewCustomer): CheckedRow['alreadyIn'] {
    const store = this.customers.store;
    const sameName = (name: string) => name.trim().toLowerCase() === customer.name.trim().toLowerCase();
    const holders = [
      customer.pppoeUsername ? store.holderOfUsername(customer.pppoeUsername, 0) : undefined,
      customer.staticIp ? store.holderOfIp(customer.staticIp, 0) : undefined,
    ].filter((holder) => holder !== undefined);
    if (holders.some((holder) => !sameName(holder.name))) return null;
    const found = [...holders, store.holderOfNameAndPhone(customer.name, customer.phones)].filter(
      (holder) => holder !== undefined,
    );
    const [first] = found;
    if (!first || found.some((holder) => holder.account_no !== first.account_no)) return null;
    return { accountNo: first.account_no, name: first.name };
  }

  private sample(r: CheckedRow): ImportSample {
    const c = r.customer!;
    const country = this.customers.country;
    return {
      row: r.row,
      name: c.name,
      phones: c.phones.map((phone) => phoneDisplay(phone, country)),
      email: c.email,
      address: c.address,
      plan: r.planName,
      connection: c.connectionType === 'static' ? `Static IP ${c.staticIp}` : `PPPoE ${c.pppoeUsername}`,
      status: c.status ?? 'active',
      accessPoint: c.accessPoint,
    };
  }

  preview(csv: string, mapping?: ImportMapping): ImportPreview {
    const { headers, rows } = parseCsv(csv);
    const effective = mapping ?? suggestMapping(headers);
    const checked = this.checkRows(headers, rows, effective);
    const invalid = checked.filter((r) => r.errors.length > 0);
    const alreadyIn = checked.filter((r) => r.alreadyIn);
    const good = checked.filter((r) => r.customer);
    // The first rows as a sample of the mapping, then every bad row and every row already in (up to 1,000 each).
    const shown = new Map<number, CheckedRow>();
    for (const r of checked.slice(0, 20)) shown.set(r.row, r);
    for (const r of invalid.slice(0, 1000)) shown.set(r.row, r);
    for (const r of alreadyIn.slice(0, 1000)) shown.set(r.row, r);
    return {
      headers,
      mapping: effective,
      rows: [...shown.values()]
        .sort((a, b) => a.row - b.row)
        .map(({ row, values, errors, alreadyIn }) => ({ row, values, errors, alreadyIn })),
      samples: good.slice(0, SAMPLE_ROWS).map((r) => this.sample(r)),
      totalRows: checked.length,
      validRows: good.length,
      invalidRows: invalid.length,
      alreadyInRows: alreadyIn.length,
    };
  }

  /**
   * The rows with errors as they were in the file, with a "Problem" column saying why (replacing
   * the one a file fixed from an earlier report already has): fix them in a spreadsheet, import again.
   */
  problemRows(csv: string, mapping: ImportMapping): { csv: string; count: number } {
    const { headers, rows } = parseCsv(csv);
    const bad = this.checkRows(headers, rows, mapping).filter((r) => r.errors.length > 0);
    const existing = headers.findIndex((h) => normalise(h) === normalise(PROBLEM_HEADER));
    const problemAt = existing >= 0 ? existing : headers.length;
    const kinds = headers.map((_, i) => {
      const field = IMPORT_FIELDS.find((f) => mapping[f] === i);
      return field ? kindOf(field) : 'text';
    });
    const columnOf = (field: string | null) => {
      const index = field === null ? undefined : mapping[field as ImportField];
      return index === null || index === undefined ? undefined : headers[index];
    };
    // "staticIp: must be…" -> "IP Address: must be…", in the file's own words.
    const describe = ({ field, message }: ImportRowReport['errors'][number]) => {
      const column = columnOf(field);
      const reason = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
      return column ? `${column}: ${reason}` : reason;
    };
    const outHeaders = [...headers];
    outHeaders[problemAt] = PROBLEM_HEADER;
    const data = bad.map((r) => {
      const cells = outHeaders.map((_, i) => spreadsheetCell(r.cells[i] ?? '', kinds[i] ?? 'text'));
      cells[problemAt] = spreadsheetCell(`Row ${r.row}: ${r.errors.map(describe).join('; ')}`);
      return cells;
    });
    return { csv: '\uFEFF' + Papa.unparse({ fields: outHeaders, data }, { newline: '\r\n' }), count: bad.length };
  }

  /**
   * All or nothing: refuses the whole file if any row the operator kept is invalid. Rows already in
   * WispDesk are skipped. The rows are checked inside the transaction that writes them, so what
   * was checked is what is written over.
   */
  commit(
    csv: string,
    mapping: ImportMapping,
    skipRows: number[],
    onProgress?: (done: number, total: number) => void,
  ): { imported: number; skipped: number; alreadyIn: number } {
    const { headers, rows } = parseCsv(csv);
    const skip = new Set(skipRows);
    return this.customers.inWriteTransaction(() => {
      const kept = this.checkRows(headers, rows, mapping).filter((r) => !skip.has(r.row));
      const bad = kept.filter((r) => r.errors.length > 0);
      if (bad.length > 0) {
        const first = bad[0]!;
        throw new AppError(
          'validation',
          `${bad.length} row${bad.length === 1 ? ' has' : 's have'} errors, so nothing was imported. ` +
            `Row ${first.row}: ${first.errors.map((e) => e.message).join('; ')}. Fix the file or skip those rows.`,
          { rows: bad.slice(0, 100).map((r) => ({ row: r.row, errors: r.errors })) },
        );
      }
      const alreadyIn = kept.filter((r) => r.alreadyIn).length;
      const toWrite = kept.filter((r) => r.customer);
      if (toWrite.length === 0) {
        throw new AppError(
          'validation',
          alreadyIn
            ? 'Every row is already in WispDesk: there are no new customers to import'
            : 'There are no rows to import',
        );
      }
      onProgress?.(0, toWrite.length);
      const ids = this.customers.createMany(
        toWrite.map((r) => r.customer!),
        (done) => onProgress?.(done, toWrite.length),
      );
      onProgress?.(ids.length, toWrite.length);
      return { imported: ids.length, skipped: rows.length - ids.length, alreadyIn, ids };
    });
  }
}
