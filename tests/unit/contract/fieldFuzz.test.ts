// Field-level fuzz: one valid sample input per channel; each string in it (nested objects and
// arrays too) is replaced, one at a time, with each nasty string, and sent over HTTP with the real
// token. Every answer must be a well-formed envelope, none may be 'internal', and a refusal must
// leave the data as it was (a failed job's own record aside). Writes may accept some of these
// (a name with an emoji is fine).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app';
import { startHttpHost, type HttpHost } from '../../../src-main/rpc/httpTransport';
import { contract, type Channel, type Input } from '../../../src-shared/contract';
import { ERROR_CODES } from '../../../src-shared/errors';
import { createHash } from 'node:crypto';
import { addDays } from '../../../src-shared/dates';
import { call } from '../helpers';

const NASTY: string[] = [
  // C0 and C1 control characters, alone and inside text
  '\u0000',
  'ab\u0000cd',
  '\u0001\u0002\u0003',
  'a\u0007b\u001Bc\u001F',
  'a\u007Fb',
  'a\u0085b\u009Fc',
  // lone UTF-16 surrogates
  '\uD800',
  'a\uD800b',
  '\uDC00',
  'a\uDFFFb',
  // quotes
  '"',
  "'",
  '"quoted"',
  "O'Brien",
  // full-text search operators
  'NEAR(a b)',
  'a OR b',
  '*',
  '^',
  '-col:x',
  'abc*',
  '"abc',
  // long
  'x'.repeat(5_000),
  // right-to-left override and marks
  '\u202Eabc',
  'abc\u200F',
  '\u202Ereversed\u202C',
  // spreadsheet formula prefixes
  '=1+1',
  '+cmd',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1)',
  // emoji and combining marks
  '😀',
  'Asha 😀',
  'e\u0301\u0301\u0301',
  'Z\u0351\u0353\u0300\u0301',
];

/** Ids of records the samples refer to, made before the fuzz starts. */
const ids = {
  plan: 0,
  retiredPlan: 0,
  otherPlan: 0,
  customer: 0,
  billed: 0,
  job: 0,
  invoice: 0,
  line: 0,
  charge: 0,
  payer: 0,
  debtor: 0,
  payment: 0,
  prepaid: 0,
};
/** The office's today on the machine's clock: billing runs must be near it. */
const today = new Date().toISOString().slice(0, 10);
/** A past day the closeDay sample closes (today stays open for the payment samples). */
const closedDay = addDays(today, -3);
/** A small bank statement: one credit whose narration names a UPI id. */
const STATEMENT_CSV = Buffer.from(
  `Date,Narration,Ref No,Debit,Credit\n${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)},UPI/612345678901/RAHUL PATIL,612345678901,,499.00\n`,
).toString('base64');
const STATEMENT_MAPPING = {
  date: 'Date',
  dateFormat: 'dmy',
  credit: 'Credit',
  debit: 'Debit',
  reference: 'Ref No',
  narration: 'Narration',
  method: 'upi',
} as const;

type Sample<C extends Channel> = (n: number) => Input<C>;

/**
 * One valid input per channel. `n` is unique per call, so writes of unique values
 * (PPPoE usernames, plan names) do not merely collide. A new channel needs a sample here.
 */
const SAMPLES: { [C in Channel]?: Sample<C> } = {
  'app.info': () => ({}),
  'app.loadDemo': () => ({}),
  'app.openPdf': () => ({ filename: 'INV-26-27-00001.pdf', base64: 'JVBERi0xLjQK' }),
  'settings.get': () => ({}),
  'settings.save': () => ({
    companyName: 'Sahyadri Wireless',
    address: 'FC Road\nPune',
    phone: '+91 20 2553 0101',
    email: 'billing@sahyadri.example.in',
    taxId: '27AAKCS1234F1ZI',
    currency: 'INR',
    locale: 'en-IN',
    stateCode: '27',
    accountPrefix: 'SWB-',
  }),
  'settings.setImage': () => ({
    which: 'logo',
    base64:
      'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAYAAAD+Bd/7AAAAPElEQVR4AYSLwQkAIAwDQ0fRmVxBZ3IFnclZ9NWQh7SBgxAuVla/EYYkFE6bcPRDQUftFOoecL6CjtofAAAA//+8DYmcAAAABklEQVQDAKKzGpWmUGe5AAAAAElFTkSuQmCC',
  }),
  'settings.removeImage': () => ({ which: 'signature' }),
  'settings.image': () => ({ which: 'logo' }),
  'plans.list': () => ({ includeRetired: true }),
  'plans.get': () => ({ id: ids.plan }),
  'plans.create': (n) => ({
    name: `Fuzz plan ${n}`,
    downloadKbps: 20_480,
    uploadKbps: 10_240,
    priceMinor: 49_900,
    billingPeriod: 'monthly',
    routerosProfile: 'home-20',
    description: 'For homes',
  }),
  'plans.update': (n) => ({
    id: ids.plan,
    plan: { name: `Home ${n}`, downloadKbps: 20_480, uploadKbps: 10_240, priceMinor: 49_900, description: 'x' },
  }),
  'plans.setStatus': () => ({ id: ids.retiredPlan, status: 'retired' }),
  'customers.list': () => ({
    query: 'rahul',
    status: 'current',
    sort: { column: 'name', direction: 'asc' },
  }),
  'customers.search': () => ({ query: 'rahul' }),
  'customers.get': () => ({ id: ids.customer }),
  'customers.create': (n) => ({
    name: 'Asha Jadhav',
    phones: ['+91 98220 12345', '020-2553 0101'],
    email: 'asha@example.in',
    address: 'Kothrud\nPune',
    idProof: 'XXXX-1234',
    notes: 'Gate code 42',
    connectionType: 'pppoe',
    pppoeUsername: `fuzz.${n}`,
    pppoePassword: 'secret-pw',
    macAddress: 'AA:BB:CC:DD:EE:FF',
    cpeModel: 'LiteBeam 5AC',
    accessPoint: 'Tower 1',
    installedOn: '2024-03-15',
  }),
  'customers.update': (n) => ({
    id: ids.customer,
    customer: { name: 'Rahul Patil', phones: ['+91 98450 12345'], pppoeUsername: `rahul.${n}`, notes: 'n' },
  }),
  'customers.setStatus': () => ({ id: ids.customer, status: 'suspended', reason: 'unpaid' }),
  'customers.revealPppoePassword': () => ({ id: ids.customer }),
  'customers.history': () => ({ id: ids.customer }),
  'customers.macHolders': () => ({ macAddress: 'AA:BB:CC:DD:EE:FF', exceptId: ids.customer }),
  'customers.countByStatus': () => ({}),
  'customers.accessPoints': () => ({}),
  'customers.importPreview': (n) => ({ csv: `name,phone,pppoe_username\nAsha ${n},+91 98220 12345,imp.${n}\n` }),
  'customers.importCommit': (n) => ({
    csv: `name,phone,pppoe_username\nAsha ${n},+91 98220 12345,imp.${n}\n`,
    mapping: { name: 0, phone: 1, pppoeUsername: 2 },
    fileName: 'customers.csv',
  }),
  'customers.importProblemRows': (n) => ({
    csv: `name,phone,pppoe_username\nAsha ${n},+91 98220 12345,imp.${n}\n`,
    mapping: { name: 0, phone: 1, pppoeUsername: 2 },
  }),
  'customers.exportCsv': () => ({ query: 'rahul', status: 'all', sort: { column: 'accountNo', direction: 'desc' } }),
  'customers.exportXlsx': () => ({ query: 'rahul', status: 'all', sort: { column: 'name', direction: 'asc' } }),
  'jobs.list': () => ({ limit: 20 }),
  'jobs.get': () => ({ id: ids.job }),
  'billing.preview': () => ({ asOf: today, scope: { kind: 'accessPoint', accessPoint: 'Tower 1' } }),
  'billing.run': () => ({ asOf: today, scope: { kind: 'accessPoint', accessPoint: 'Tower 1' } }),
  'billing.documents': () => ({ kind: 'invoice', number: '0001', status: 'unpaid' }),
  'billing.document': () => ({ id: ids.invoice }),
  'billing.creditNote': () => ({
    invoiceId: ids.invoice,
    reason: 'Outage on 3 Nov',
    amount: { kind: 'lines', lines: [{ lineId: ids.line, taxable: 1 }] },
  }),
  'billing.customer': () => ({ customerId: ids.billed }),
  'billing.addCharge': () => ({
    customerId: ids.billed,
    kind: 'one_time',
    description: 'Installation',
    amount: 100_000,
    sacCode: '995461',
    startsOn: today,
  }),
  'billing.cancelCharge': () => ({ id: ids.charge }),
  'billing.changePlan': () => ({ customerId: ids.billed, planId: ids.otherPlan, when: 'next_period' }),
  'billing.pdf': () => ({ id: ids.invoice }),
  'billing.printBatch': () => ({ ids: [ids.invoice], format: 'zip' }),
  // Payments work on their own customers: ids.payer owes and has credit, ids.prepaid recharges.
  'payments.counter': () => ({ customerId: ids.payer }),
  'payments.record': (n) => ({
    customerId: ids.payer,
    amount: 100,
    method: 'upi',
    reference: `UPI${n}`,
    note: 'Paid at the counter',
  }),
  'payments.list': () => ({ from: closedDay, to: today, method: 'cash', kind: 'payment', search: 'RCPT' }),
  'payments.get': () => ({ id: ids.payment }),
  'payments.reverse': () => ({ paymentId: ids.payment, reason: 'Entered twice by mistake' }),
  'payments.refund': (n) => ({
    customerId: ids.payer,
    amount: 100,
    method: 'bank',
    reference: `NEFT${n}`,
    reason: 'Advance returned',
  }),
  'payments.setBillingMode': () => ({ customerId: ids.prepaid, mode: 'prepaid' }),
  'payments.rechargeQuote': () => ({ customerId: ids.prepaid, periods: 1 }),
  'payments.recharge': () => ({
    customerId: ids.prepaid,
    periods: 1,
    method: 'cash',
    amount: 100_000,
    note: 'Recharged at the counter',
  }),
  'payments.receiptPdf': () => ({ id: ids.payment, format: 'thermal80' }),
  'payments.statement': () => ({ customerId: ids.payer, from: closedDay, to: today }),
  'payments.statementPdf': () => ({ customerId: ids.payer, from: closedDay, to: today }),
  'payments.dayBook': () => ({ day: today }),
  'payments.closeDay': () => ({ day: closedDay, openingFloat: 200_000, counted: 200_000, note: 'Counted by Asha' }),
  'payments.dayBookPdf': () => ({ day: today }),
  'payments.dues': () => ({ dueWithinDays: 7, search: 'rahul' }),
  'payments.duesCsv': () => ({ dueWithinDays: 7, search: 'rahul' }),
  'payments.remindersPdf': () => ({ customerIds: [ids.debtor] }),
  'payments.statementSources': () => ({}),
  'payments.importPreview': () => ({
    file: { filename: 'statement.csv', base64: STATEMENT_CSV },
    mapping: STATEMENT_MAPPING,
  }),
  'payments.importCommit': (n) => ({
    file: { filename: 'statement.csv', base64: STATEMENT_CSV },
    mapping: STATEMENT_MAPPING,
    saveAs: `Bank ${n}`,
    decisions: [],
  }),
};

/** What a sample may answer other than ok, given the data made before the fuzz. */
const EXPECTED_REFUSAL: Partial<Record<Channel, string>> = { 'app.loadDemo': 'not_empty' };

/** A refused long write still leaves its job's record (status failed): bookkeeping, not data. */
const BOOKKEEPING_TABLES = ['jobs'];

/** As helpers' databaseChecksum, without the bookkeeping tables (and their sqlite_sequence rows). */
function dataChecksum(): string {
  const sqlite = app.db.sqlite;
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const skip = JSON.stringify(BOOKKEEPING_TABLES);
  const hash = createHash('sha256');
  for (const name of tables.filter((t) => !BOOKKEEPING_TABLES.includes(t))) {
    const sql =
      name === 'sqlite_sequence'
        ? `SELECT * FROM sqlite_sequence WHERE name NOT IN (SELECT value FROM json_each('${skip}'))`
        : `SELECT * FROM "${name.replaceAll('"', '""')}"`;
    const rows = sqlite
      .prepare(sql)
      .raw()
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    hash.update(`${name}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

type Path = (string | number)[];

/** The path of every string in a JSON value. */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  }
  return [];
}

function replaced(value: unknown, path: Path, replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, replacement);
  return copy;
}

const logged: string[] = [];
let dataDir: string;
let app: App;
let host: HttpHost;
let calls = 0;

async function post(channel: string, input: unknown) {
  calls += 1;
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: unknown } };

function assertEnvelope(where: string, answer: Awaited<ReturnType<typeof post>>): Envelope {
  expect(answer.json, `${where}: not JSON: ${answer.text.slice(0, 200)}`).toBeTypeOf('object');
  const envelope = answer.json as Envelope;
  expect(typeof envelope.ok, where).toBe('boolean');
  if (envelope.ok) {
    expect(answer.status, where).toBe(200);
    expect('value' in envelope, where).toBe(true);
  } else {
    expect(ERROR_CODES as readonly string[], where).toContain(envelope.error.code);
    expect(envelope.error.code, `${where}: ${logged.at(-1) ?? String(envelope.error.message)}`).not.toBe('internal');
    expect(typeof envelope.error.message, where).toBe('string');
  }
  return envelope;
}

const describeValue = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-field-fuzz-'));
  app = createApp({
    dataDir,
    host: 'browser',
    checkOutputs: true,
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  ids.plan = (
    await call(app, 'plans.create', { name: 'Home 20', downloadKbps: 20_480, uploadKbps: 10_240, priceMinor: 49_900 })
  ).id;
  ids.retiredPlan = (
    await call(app, 'plans.create', { name: 'Old 2', downloadKbps: 2_048, uploadKbps: 1_024, priceMinor: 19_900 })
  ).id;
  ids.customer = (
    await call(app, 'customers.create', {
      name: 'Rahul Patil',
      phones: ['+91 98450 12345'],
      pppoeUsername: 'rahul.patil',
      pppoePassword: 'secret-pw',
      planId: ids.plan,
    })
  ).id;
  await call(app, 'customers.importCommit', {
    csv: 'name,pppoe_username\nFirst Import,first.import\n',
    mapping: { name: 0, pppoeUsername: 1 },
  });
  ids.job = (await call(app, 'jobs.list', {}))[0]!.id;
  ids.otherPlan = (
    await call(app, 'plans.create', { name: 'Fast 100', downloadKbps: 102_400, uploadKbps: 51_200, priceMinor: 99_900 })
  ).id;
  // Billing samples work on their own customer: the customer samples suspend ids.customer.
  ids.billed = (
    await call(app, 'customers.create', { name: 'Meera Kulkarni', pppoeUsername: 'meera.k', planId: ids.plan })
  ).id;
  await call(app, 'billing.run', { asOf: today, scope: { kind: 'customer', customerId: ids.billed } });
  ids.invoice = (await call(app, 'billing.documents', {})).rows[0]!.id;
  ids.line = (await call(app, 'billing.document', { id: ids.invoice })).lines[0]!.id;
  ids.charge = (
    await call(app, 'billing.addCharge', {
      customerId: ids.customer,
      kind: 'addon',
      description: 'Static IP',
      amount: 20_000,
    })
  ).charge.id;
  // Payments: a customer with an invoice, a payment to reverse and credit to refund; a prepaid one.
  ids.payer = (
    await call(app, 'customers.create', { name: 'Rahul Shinde', pppoeUsername: 'rahul.shinde', planId: ids.plan })
  ).id;
  await call(app, 'billing.run', { asOf: today, scope: { kind: 'customer', customerId: ids.payer } });
  ids.payment = (await call(app, 'payments.record', { customerId: ids.payer, amount: 100, method: 'cash' })).id;
  await call(app, 'payments.record', { customerId: ids.payer, amount: 10_000_000, method: 'cash' });
  // One who owes and pays nothing: reminder letters have someone to remind.
  ids.debtor = (
    await call(app, 'customers.create', { name: 'Vikas Jadhav', pppoeUsername: 'vikas.j', planId: ids.plan })
  ).id;
  await call(app, 'billing.run', { asOf: today, scope: { kind: 'customer', customerId: ids.debtor } });
  ids.prepaid = (
    await call(app, 'customers.create', { name: 'Sunita Pawar', pppoeUsername: 'sunita.p', planId: ids.plan })
  ).id;
  await call(app, 'payments.setBillingMode', { customerId: ids.prepaid, mode: 'prepaid' });
  const staticDir = join(dataDir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  host = await startHttpHost({ registry: app.registry, events: app.events, staticDir, port: 0 });
}, 60_000);

afterAll(async () => {
  await host?.close();
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('field-level fuzz of every channel', () => {
  it('every channel of the contract has a sample input', () => {
    const missing = Object.keys(contract).filter((c) => !(c in SAMPLES));
    expect(missing, `add a sample to SAMPLES in fieldFuzz.test.ts for: ${missing.join(', ')}`).toEqual([]);
  });

  it('every sample is valid input', async () => {
    let n = 0;
    for (const [channel, sample] of Object.entries(SAMPLES)) {
      const envelope = assertEnvelope(channel, await post(channel, sample(++n)));
      const expected = EXPECTED_REFUSAL[channel as Channel];
      if (expected) expect(envelope.ok ? 'ok' : envelope.error.code, channel).toBe(expected);
      else expect(envelope.ok ? 'ok' : JSON.stringify(envelope.error), channel).toBe('ok');
    }
  });

  it.each(Object.keys(contract))(
    '%s: each string field replaced with nasty text is never internal; a refusal writes nothing',
    async (channel) => {
      const sample = SAMPLES[channel as Channel] as ((n: number) => unknown) | undefined;
      if (!sample) return; // reported by the test above
      let n = 1_000;
      const paths = stringPaths(sample(n));
      let checksum = dataChecksum();
      for (const path of paths) {
        for (const nasty of NASTY) {
          const input = replaced(sample(++n), path, nasty);
          const where = `${channel} ${path.join('.') || '(input)'} = ${describeValue(nasty)}`;
          const envelope = assertEnvelope(where, await post(channel, input));
          if (envelope.ok) {
            checksum = dataChecksum();
          } else {
            expect(dataChecksum(), `${where}: refused (${envelope.error.code}) but wrote`).toBe(checksum);
          }
        }
      }
    },
    120_000,
  );

  it('sent a real number of nasty inputs', () => {
    expect(calls).toBeGreaterThan(500);
  });
});
