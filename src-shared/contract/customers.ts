import { z } from 'zod';
import { gstinProblem } from '../gstin';
import { GST_STATE_CODES, gstStateName } from '../gstStates';
import {
  Address,
  ById,
  Empty,
  Id,
  IsoDate,
  LongText,
  RequiredText,
  SearchQuery,
  SortDirection,
  Text,
  Timestamp,
  type Channels,
} from './common';

export const CUSTOMER_STATUSES = ['active', 'suspended', 'disconnected', 'archived'] as const;
export const CustomerStatus = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof CustomerStatus>;

export const ConnectionType = z.enum(['pppoe', 'static']);
export type ConnectionType = z.infer<typeof ConnectionType>;

/** Loose here: the service reads it against the office's country and stores E.164 (src-shared/phones.ts). */
export const Phone = Text(20).pipe(
  z.string().regex(/^\+?[0-9(][0-9 ()-]{5,18}$/, 'must be a phone number: digits, spaces, + ( ) -'),
);
export const PppoeUsername = Text(64).pipe(z.string().regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only'));
export const Ipv4 = Text(15).pipe(z.ipv4({ message: 'must be an IPv4 address like 10.20.30.40' }));
export const MacAddress = Text(17)
  .pipe(z.string().regex(/^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$/, 'must be a MAC address like AA:BB:CC:DD:EE:FF'))
  .transform((m) =>
    m
      .replace(/[:-]/g, '')
      .toUpperCase()
      .replace(/(..)(?!$)/g, '$1:'),
  );

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable()).default(null);

/** An Indian GSTIN, checked by its check character. */
export const Gstin = Text(20)
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .superRefine((gstin, ctx) => {
    const problem = gstinProblem(gstin);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** A two-digit GST state code (27 Maharashtra). */
export const GstStateCode = z.enum(GST_STATE_CODES, { message: 'must be a GST state code like 27 (Maharashtra)' });

export const CustomerInput = z
  .strictObject({
    name: RequiredText(120),
    phones: z.array(Phone).max(4).default([]),
    email: optional(z.email({ message: 'must be an e-mail address' }).max(200)),
    address: Address.default(''),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    /** Reference of the ID proof seen at sign-up (Aadhaar last digits, passport no.). */
    idProof: Text(120).default(''),
    notes: LongText(4000).default(''),
    connectionType: ConnectionType.default('pppoe'),
    pppoeUsername: optional(PppoeUsername),
    /** Write-only: stored encrypted. On update, leave out to keep the current one. */
    pppoePassword: z.string().min(1).max(128).nullable().optional(),
    staticIp: optional(Ipv4),
    macAddress: optional(MacAddress),
    cpeModel: Text(80).default(''),
    /** Access point or site, free text until devices exist. */
    accessPoint: Text(80).default(''),
    planId: Id.nullable().default(null),
    billingDay: z.number().int().min(1).max(28).default(1),
    installedOn: optional(IsoDate),
    /** The customer's GSTIN when they are a registered business (India): B2B invoices. */
    gstin: optional(Gstin),
    /** GST place of supply; null: the company's own state, or the GSTIN's state when there is one. */
    placeOfSupply: optional(GstStateCode),
    /** The first day billing charges for; null: the later of installed-on and the day the customer was added. */
    billingStartOn: optional(IsoDate),
  })
  .superRefine((c, ctx) => {
    if (c.gstin && c.placeOfSupply && c.gstin.slice(0, 2) !== c.placeOfSupply) {
      const state = gstStateName(c.gstin.slice(0, 2));
      ctx.addIssue({
        code: 'custom',
        path: ['placeOfSupply'],
        message: `the GSTIN is registered in ${state} (${c.gstin.slice(0, 2)}): the place of supply must be the same`,
      });
    }
    if (c.connectionType === 'pppoe' && !c.pppoeUsername) {
      ctx.addIssue({ code: 'custom', path: ['pppoeUsername'], message: 'is required for a PPPoE connection' });
    }
    if (c.connectionType === 'static' && !c.staticIp) {
      ctx.addIssue({ code: 'custom', path: ['staticIp'], message: 'is required for a static IP connection' });
    }
    if ((c.latitude === null) !== (c.longitude === null)) {
      ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'give both latitude and longitude, or neither' });
    }
  });
export type CustomerInput = z.input<typeof CustomerInput>;
export type CustomerFields = z.output<typeof CustomerInput>;

export const Customer = z.object({
  id: Id,
  accountNo: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  idProof: z.string(),
  notes: z.string(),
  status: CustomerStatus,
  connectionType: ConnectionType,
  pppoeUsername: z.string().nullable(),
  /** The password itself never leaves the back end except through customers.revealPppoePassword. */
  hasPppoePassword: z.boolean(),
  staticIp: z.string().nullable(),
  macAddress: z.string().nullable(),
  cpeModel: z.string(),
  accessPoint: z.string(),
  planId: Id.nullable(),
  planName: z.string().nullable(),
  billingDay: z.number().int(),
  installedOn: z.string().nullable(),
  gstin: z.string().nullable(),
  placeOfSupply: z.string().nullable(),
  billingStartOn: z.string().nullable(),
  statusChangedAt: Timestamp,
  /** Why the status was last changed ("unpaid", "moved away"), as the operator typed it. */
  statusReason: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = z.infer<typeof Customer>;

/** One row of the customer list. */
export const CustomerRow = z.object({
  id: Id,
  accountNo: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  status: CustomerStatus,
  planId: Id.nullable(),
  planName: z.string().nullable(),
  pppoeUsername: z.string().nullable(),
  staticIp: z.string().nullable(),
  accessPoint: z.string(),
  createdAt: Timestamp,
});
export type CustomerRow = z.infer<typeof CustomerRow>;

export const CUSTOMER_SORT_COLUMNS = ['accountNo', 'name', 'status', 'planName', 'accessPoint', 'createdAt'] as const;

/** "current" is everyone but the archived; "all" includes them. */
export const CustomerStatusFilter = z.enum(['current', 'all', ...CUSTOMER_STATUSES]);
export type CustomerStatusFilter = z.infer<typeof CustomerStatusFilter>;

export const CustomerFilter = z.strictObject({
  query: SearchQuery.default(''),
  status: CustomerStatusFilter.default('current'),
  planId: Id.nullable().default(null),
  sort: z
    .strictObject({ column: z.enum(CUSTOMER_SORT_COLUMNS), direction: SortDirection })
    .default({ column: 'accountNo', direction: 'asc' }),
});
export type CustomerFilter = z.input<typeof CustomerFilter>;

export const CustomerListInput = CustomerFilter.extend({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type CustomerListInput = z.input<typeof CustomerListInput>;

export const SearchHit = z.object({
  id: Id,
  accountNo: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  pppoeUsername: z.string().nullable(),
  staticIp: z.string().nullable(),
  email: z.string().nullable(),
  macAddress: z.string().nullable(),
  /** What found the customer when it was not the name, account number or phone, so the hit can show it. */
  matched: z.enum(['email', 'macAddress', 'pppoeUsername', 'staticIp']).nullable(),
  status: CustomerStatus,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const StatusCounts = z.object({
  active: z.number().int(),
  suspended: z.number().int(),
  disconnected: z.number().int(),
  archived: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

/** The columns a spreadsheet can be mapped onto. */
export const IMPORT_FIELDS = [
  'name',
  'phone',
  'phone2',
  'email',
  'address',
  'latitude',
  'longitude',
  'idProof',
  'notes',
  'status',
  'connectionType',
  'pppoeUsername',
  'pppoePassword',
  'staticIp',
  'macAddress',
  'cpeModel',
  'accessPoint',
  'plan',
  'billingDay',
  'installedOn',
  'gstin',
  'placeOfSupply',
  'billingStartOn',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** Import field -> zero-based column index in the spreadsheet, or null for "not imported". */
export const ImportMapping = z.partialRecord(ImportField, z.number().int().min(0).max(199).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

const Csv = z.string().min(1, 'the file is empty').max(20_000_000, 'the file is larger than 20 MB');

export const ImportRowReport = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1, a cell with line breaks is still one row. */
  row: z.number().int(),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
  /** The customer this row already is (same PPPoE username, static IP, or name and phone): skipped, not an error. */
  alreadyIn: z.object({ accountNo: z.string(), name: z.string() }).nullable(),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/** A good row as it will be saved: phones in the form the app shows them, the plan by its name. */
export const ImportSample = z.object({
  row: z.number().int(),
  name: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  address: z.string(),
  plan: z.string().nullable(),
  /** "PPPoE rahul.p" or "Static IP 10.0.0.7". */
  connection: z.string(),
  status: CustomerStatus,
  accessPoint: z.string(),
});
export type ImportSample = z.infer<typeof ImportSample>;

export const ImportPreview = z.object({
  headers: z.array(z.string()),
  mapping: ImportMapping,
  rows: z.array(ImportRowReport),
  /** The first few good rows as they will be saved, so a wrong mapping or encoding shows before anything is written. */
  samples: z.array(ImportSample),
  totalRows: z.number().int(),
  /** Rows that will be imported. */
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Rows that are already customers (a re-import): skipped. */
  alreadyInRows: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** What a customer's timeline records. */
export const CUSTOMER_EVENT_KINDS = [
  'created',
  'status_changed',
  'plan_changed',
  'connection_changed',
  'details_changed',
  'pppoe_password_revealed',
  'phone_unparsed',
] as const;
export const CustomerEventKind = z.enum(CUSTOMER_EVENT_KINDS);
export type CustomerEventKind = z.infer<typeof CustomerEventKind>;

/** One entry of a customer's timeline. `details` says what changed: {from, to}, {changes: {field: [old, new]}}… */
export const CustomerEvent = z.object({
  id: Id,
  at: Timestamp,
  kind: CustomerEventKind,
  /** The office's business date the change takes effect (status and plan changes, sign-up). */
  effectiveOn: z.string().nullable(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type CustomerEvent = z.infer<typeof CustomerEvent>;

export const customersChannels = {
  'customers.list': {
    input: CustomerListInput,
    output: z.object({ records: z.array(CustomerRow), total: z.number().int() }),
  },
  /** As-you-type search by name, phone, account number, PPPoE username or IP. */
  'customers.search': {
    input: z.strictObject({ query: SearchQuery, limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(SearchHit),
  },
  'customers.get': { input: ById, output: Customer },
  'customers.create': { input: CustomerInput, output: Customer },
  'customers.update': { input: z.strictObject({ id: Id, customer: CustomerInput }), output: Customer },
  /** Other customers holding this MAC: the form warns, and saves anyway (a CPE moves between homes). */
  'customers.macHolders': {
    input: z.strictObject({ macAddress: MacAddress, exceptId: Id.nullable().default(null) }),
    output: z.array(z.object({ id: Id, accountNo: z.string(), name: z.string() })),
  },
  /** Suspend, restore, disconnect, archive or bring back from the archive. */
  'customers.setStatus': {
    input: z.strictObject({
      id: Id,
      status: CustomerStatus,
      reason: Text(500).default(''),
      /**
       * Archiving frees the customer's static IP and PPPoE username for someone else (they stay
       * in the timeline and come back on restore if still free); true keeps them held.
       */
      keepIdentifiers: z.boolean().default(false),
    }),
    output: Customer,
  },
  /** The customer's timeline, newest first. */
  'customers.history': { input: ById, output: z.array(CustomerEvent) },
  'customers.revealPppoePassword': { input: ById, output: z.object({ password: z.string().nullable() }) },
  'customers.countByStatus': { input: Empty, output: StatusCounts },
  /** The access points (sites) customers are on, with how many current (not archived) customers each. */
  'customers.accessPoints': {
    input: Empty,
    output: z.array(z.object({ name: z.string(), customers: z.number().int() })),
  },
  /** Parses a spreadsheet and validates every row; writes nothing. */
  'customers.importPreview': {
    input: z.strictObject({ csv: Csv, mapping: ImportMapping.optional() }),
    output: ImportPreview,
  },
  /**
   * Writes every row not skipped, all or nothing: if any kept row is invalid, nothing is written.
   * Rows already in WispDesk are skipped without being named.
   */
  'customers.importCommit': {
    input: z.strictObject({
      csv: Csv,
      mapping: ImportMapping,
      /** Spreadsheet rows (the header is row 1) to leave out. */
      skipRows: z.array(z.number().int().min(2)).max(1_000_000).default([]),
      /** The spreadsheet's name, for the job's title ("Import of customers.csv"). */
      fileName: Text(200).optional(),
    }),
    output: z.object({ imported: z.number().int(), skipped: z.number().int(), alreadyIn: z.number().int() }),
  },
  /** The rows that cannot be imported, as they were in the file, with a "Problem" column: a CSV to fix and import again. */
  'customers.importProblemRows': {
    input: z.strictObject({ csv: Csv, mapping: ImportMapping }),
    output: z.object({ csv: z.string(), count: z.number().int() }),
  },
  /** The customer list as filtered, as CSV text. */
  'customers.exportCsv': {
    input: CustomerFilter,
    output: z.object({ filename: z.string(), csv: z.string(), count: z.number().int() }),
  },
  /** The customer list as filtered, as an .xlsx workbook (base64) to open in a spreadsheet; the CSV is the one to import. */
  'customers.exportXlsx': {
    input: CustomerFilter,
    output: z.object({ filename: z.string(), base64: z.string(), count: z.number().int() }),
  },
} satisfies Channels;
