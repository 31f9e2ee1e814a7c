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
} from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { gstStateCode } from '../../src-shared/gstStates';
import type { PlansService } from '../plans/service';
import type { CustomersService, NewCustomer } from './service';

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
  phone2: ['phone2', 'mobile2', 'altphone', 'alternatephone', 'alternatemobile', 'altmobile', 'otherphone'],
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
  billingStartOn: ['billingstarton', 'billingstart', 'billingstartdate', 'billfrom', 'billingfrom', 'startbillingon'],
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
  /** The line in the file where the row starts (the header is line 1), as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

export function parseCsv(csv: string): { headers: string[]; rows: CsvRow[] } {
  const text = csv.replace(/^\uFEFF/, '');
  // U+FFFD is what a reader leaves for bytes that were not UTF-8 (an Excel "CSV" in Windows-1252).
  const unreadable = text.indexOf('\uFFFD');
  if (unreadable >= 0) {
    const line = text.slice(0, unreadable).split('\n').length;
    throw new AppError(
      'validation',
      `The file is not UTF-8: line ${line} has characters that could not be read (shown as \uFFFD). ` +
        'In Excel, save it again as "CSV UTF-8 (Comma delimited)" and import that file.',
    );
  }
  const all: CsvRow[] = [];
  // Blank lines and cells with line breaks inside quotes make row number and line number
  // differ, so each row's line is counted from where the parser found it.
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    step: (result) => {
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '')) all.push({ line, cells });
      const end = result.meta.cursor;
      for (let i = counted; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      counted = end;
    },
  });
  const [header, ...rows] = all;
  if (!header || header.line !== 1 || header.cells.every((h) => !h.trim())) {
    throw new AppError('validation', 'The file has no header row: the first line must name the columns');
  }
  return { headers: header.cells.map((h) => h.trim()), rows };
}

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
  line: number;
  values: Record<string, string>;
  errors: ImportRowReport['errors'];
  customer: NewCustomer | null;
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
    return rows.map(({ line, cells }) => {
      const values: Record<string, string> = {};
      for (const field of IMPORT_FIELDS) {
        const index = mapping[field];
        if (index !== null && index !== undefined) values[field] = (cells[index] ?? '').trim();
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
      if (v('plan')) {
        const plan = planNamed(v('plan'));
        if (!plan) errors.push({ field: 'plan', message: `there is no plan called "${v('plan')}"` });
        else if (plan.status === 'retired')
          errors.push({ field: 'plan', message: `the plan "${plan.name}" is retired` });
        else planId = plan.id;
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
              message: `PPPoE username "${customer.pppoeUsername}" is also on line ${first}`,
            });
          else seenUsernames.set(username, line);
        }
        if (customer.staticIp) {
          const first = seenIps.get(customer.staticIp);
          if (first) errors.push({ field: 'staticIp', message: `IP ${customer.staticIp} is also on line ${first}` });
          else seenIps.set(customer.staticIp, line);
        }
        for (const conflict of this.customers.conflicts(customer)) errors.push(conflict);
      }
      return { line, values, errors, customer: errors.length ? null : customer };
    });
  }

  preview(csv: string, mapping?: ImportMapping): ImportPreview {
    const { headers, rows } = parseCsv(csv);
    const effective = mapping ?? suggestMapping(headers);
    const checked = this.checkRows(headers, rows, effective);
    const invalid = checked.filter((r) => r.errors.length > 0);
    // The first rows as a sample of the mapping, then every bad row (up to 1,000).
    const shown = new Map<number, CheckedRow>();
    for (const r of checked.slice(0, 20)) shown.set(r.line, r);
    for (const r of invalid.slice(0, 1000)) shown.set(r.line, r);
    return {
      headers,
      mapping: effective,
      rows: [...shown.values()]
        .sort((a, b) => a.line - b.line)
        .map(({ line, values, errors }) => ({ line, values, errors })),
      totalRows: checked.length,
      validRows: checked.length - invalid.length,
      invalidRows: invalid.length,
    };
  }

  /**
   * All or nothing: refuses the whole file if any row the operator kept is invalid. The rows are
   * checked inside the transaction that writes them, so what was checked is what is written over.
   */
  commit(
    csv: string,
    mapping: ImportMapping,
    skipLines: number[],
    onProgress?: (done: number, total: number) => void,
  ): { imported: number; skipped: number; ids: number[] } {
    const { headers, rows } = parseCsv(csv);
    const skip = new Set(skipLines);
    return this.customers.inWriteTransaction(() => {
      const kept = this.checkRows(headers, rows, mapping).filter((r) => !skip.has(r.line));
      const bad = kept.filter((r) => r.errors.length > 0);
      if (bad.length > 0) {
        const first = bad[0]!;
        throw new AppError(
          'validation',
          `${bad.length} row${bad.length === 1 ? ' has' : 's have'} errors, so nothing was imported. ` +
            `Line ${first.line}: ${first.errors.map((e) => e.message).join('; ')}. Fix the file or skip those rows.`,
          { rows: bad.slice(0, 100).map((r) => ({ line: r.line, errors: r.errors })) },
        );
      }
      if (kept.length === 0) throw new AppError('validation', 'There are no rows to import');
      onProgress?.(0, kept.length);
      const ids = this.customers.createMany(
        kept.map((r) => r.customer!),
        (done) => onProgress?.(done, kept.length),
      );
      onProgress?.(ids.length, kept.length);
      return { imported: ids.length, skipped: rows.length - kept.length, ids };
    });
  }
}
