// Sends garbage to every channel the running host lists, over HTTP with the real token:
// every answer must be a well-formed envelope, none may be 'internal', and nothing may be written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app';
import { startHttpHost, type HttpHost } from '../../../src-main/rpc/httpTransport';
import { contract } from '../../../src-shared/contract';
import { ERROR_CODES } from '../../../src-shared/errors';
import { databaseChecksum } from '../helpers';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

const BIG = 'x'.repeat(100_000);
/** Values of every JSON type that no field should accept as it is (or that stress the parser). */
const JUNK: unknown[] = [
  null,
  [],
  [null, 1, 'a'],
  42,
  0,
  -1,
  -0.5,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  'x',
  '',
  BIG,
  '😀'.repeat(50_000),
  '\u0000\u0001\n\r\t',
  "'; DROP TABLE customers; --",
  '<script>alert(1)</script>',
  '=cmd|calc',
  '2024-02-30',
  '../../etc/passwd',
  true,
  false,
  {},
  { a: { b: { c: [1, { d: null }] } } },
  { __proto__: { polluted: true } },
  [[[[[[[[[[]]]]]]]]]],
];

/** JSON texts that JSON.stringify cannot produce. */
const RAW_BODIES = [
  '',
  ' ',
  'null',
  '"just a string"',
  '{"id": 1e400}',
  '{"id": -1e400}',
  '{"id": -0}',
  '{"id": 1, "id": "again"}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
];

/** What the back end logged (the full story behind an 'internal'), shown when an assertion fails. */
const logged: string[] = [];
let dataDir: string;
let app: App;
let host: HttpHost;
let base: string;
let schema: Record<string, { input: JsonSchema; output: JsonSchema }>;

async function post(channel: string, body: string): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body,
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

/** The objects with properties a channel's input (or a nested object of it) declares. */
function objectSchemas(s: JsonSchema | undefined, path: string[] = [], out: [string[], JsonSchema][] = []) {
  if (!s || path.length > 2) return out;
  if (s.properties) {
    out.push([path, s]);
    for (const [key, child] of Object.entries(s.properties)) objectSchemas(child, [...path, key], out);
  }
  for (const alt of s.anyOf ?? []) objectSchemas(alt, path, out);
  return out;
}

function nest(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** Every garbage body for one channel: junk as the whole input, junk in each property, extra keys. */
function garbageFor(input: JsonSchema): string[] {
  const bodies = new Set<string>(RAW_BODIES);
  for (const junk of JUNK) bodies.add(JSON.stringify(junk));
  bodies.add(JSON.stringify({ unexpected: 1 }));
  bodies.add(JSON.stringify({ ['x'.repeat(10_000)]: 'long key' }));
  for (const [path, object] of objectSchemas(input)) {
    for (const key of Object.keys(object.properties ?? {})) {
      for (const junk of JUNK) bodies.add(JSON.stringify(nest([...path, key], junk)));
      bodies.add(`{${path.map((p) => `"${p}":{`).join('')}"${key}": 1e400${'}'.repeat(path.length)}}`);
    }
    bodies.add(JSON.stringify(nest(path, { extraKey: 'not in the contract' })));
  }
  return [...bodies];
}

function assertEnvelope(channel: string, body: string, answer: { status: number; json: unknown; text: string }) {
  const where = `${channel} <- ${body.slice(0, 120)}`;
  expect(answer.json, `${where}: not JSON: ${answer.text.slice(0, 200)}`).toBeTypeOf('object');
  const envelope = answer.json as { ok?: unknown; value?: unknown; error?: Record<string, unknown> };
  expect(typeof envelope.ok, where).toBe('boolean');
  if (envelope.ok) {
    expect(answer.status, where).toBe(200);
    expect('value' in envelope, where).toBe(true);
    return;
  }
  const error = envelope.error!;
  expect(ERROR_CODES as readonly unknown[], where).toContain(error.code);
  expect(error.code, `${where}: ${logged.at(-1) ?? String(error.message)}`).not.toBe('internal');
  expect(typeof error.message, where).toBe('string');
  if (error.details !== undefined) expect(error.details, where).toBeTypeOf('object');
  expect([200, 400, 404, 413, 415], where).toContain(answer.status);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-fuzz-'));
  app = createApp({
    dataDir,
    host: 'browser',
    checkOutputs: true,
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  // Loaded first, so app.loadDemo (whose valid input is {}) answers not_empty instead of writing.
  const demo = await app.registry.invoke('app.loadDemo', {});
  expect(demo.ok).toBe(true);
  const staticDir = join(dataDir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  host = await startHttpHost({ registry: app.registry, events: app.events, staticDir, port: 0 });
  base = `http://127.0.0.1:${host.port}`;
  const res = await fetch(`${base}/api/contract`, { headers: { authorization: `Bearer ${host.token}` } });
  schema = (await res.json()) as typeof schema;
}, 60_000);

afterAll(async () => {
  await host?.close();
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fuzzing every channel over HTTP', () => {
  it('the host lists every channel of the contract', () => {
    expect(Object.keys(schema).sort()).toEqual(Object.keys(contract).sort());
  });

  it('garbage gets a well-formed envelope, never internal, and writes nothing', async () => {
    // A valid print request among the garbage ({"dues": {}}: reminder letters for everyone who
    // owes) runs as a job, whose row records it; nothing else may change, and no job may fail.
    const before = databaseChecksum(app.db.sqlite, { except: ['jobs'] });
    const jobsBefore = app.db.sqlite.prepare('SELECT max(id) FROM jobs').pluck().get() as number | null;
    let sent = 0;
    const codes = new Set<string>();
    // settings.save accepts a bare {companyName: <any short text>}: a real write, checked separately below.
    for (const [channel, { input }] of Object.entries(schema)) {
      if (channel === 'settings.save') continue;
      for (const body of garbageFor(input)) {
        const answer = await post(channel, body);
        assertEnvelope(channel, body, answer);
        const envelope = answer.json as { ok: boolean; error?: { code: string } };
        codes.add(envelope.ok ? 'ok' : envelope.error!.code);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    // Some garbage is valid input for a read (e.g. {"id": 42}), so the fuzz reaches the handlers too.
    expect([...codes].sort()).toEqual(expect.arrayContaining(['not_empty', 'not_found', 'ok', 'validation']));
    expect(databaseChecksum(app.db.sqlite, { except: ['jobs'] })).toBe(before);
    const jobs = app.db.sqlite.prepare('SELECT DISTINCT kind, status FROM jobs WHERE id > ?').all(jobsBefore ?? 0) as {
      kind: string;
      status: string;
    }[];
    for (const job of jobs)
      expect(job).toMatchObject({ kind: expect.stringMatching(/Pdf$|^billing\.printBatch$/), status: 'succeeded' });
  }, 300_000);

  it('settings.save: garbage is refused unless it is a valid company name; nothing else is written', async () => {
    const before = checksumWithoutSettings();
    let accepted = 0;
    for (const body of garbageFor(schema['settings.save']!.input)) {
      const answer = await post('settings.save', body);
      assertEnvelope('settings.save', body, answer);
      const envelope = answer.json as { ok: boolean };
      if (envelope.ok) {
        // The only garbage that may pass is a lone, short, single-line company name.
        const parsed = JSON.parse(body) as Record<string, unknown>;
        expect(Object.keys(parsed), body.slice(0, 80)).toEqual(['companyName']);
        expect(typeof parsed.companyName).toBe('string');
        accepted += 1;
      }
    }
    expect(accepted).toBeGreaterThan(0); // {"companyName":"x"} is a valid save
    expect(checksumWithoutSettings()).toBe(before);
  }, 120_000);

  it('unknown channels of every shape answer unknown_channel', async () => {
    for (const channel of ['nope', 'customers', 'customers.', '.list', 'customers.list.extra', 'x'.repeat(5_000)]) {
      const answer = await post(channel, '{}');
      expect(answer.status, channel).toBe(404);
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
});

function checksumWithoutSettings(): string {
  const copy = app.db.sqlite;
  const all = databaseChecksum(copy);
  // Recompute with the settings rows blanked out, via a savepoint that is always rolled back.
  copy.exec('SAVEPOINT fuzz_checksum');
  try {
    copy.exec('DELETE FROM settings');
    return databaseChecksum(copy);
  } finally {
    copy.exec('ROLLBACK TO fuzz_checksum; RELEASE fuzz_checksum');
    expect(databaseChecksum(copy)).toBe(all);
  }
}
