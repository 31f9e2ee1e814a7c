import { request, type OutgoingHttpHeader } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, IMPORT_FIELDS } from '../../../src-shared/contract';
import { largestInputs } from '../../../src-main/rpc/bodyLimit';
import {
  contractAsJsonSchema,
  defaultBodyLimit,
  startHttpHost,
  type HttpHost,
  type HttpHostOptions,
} from '../../../src-main/rpc/httpTransport';
import { customerCount, customerInput, databaseChecksum, freshApp, onCleanup, tempDir, type TestApp } from '../helpers';

const INDEX_HTML = '<!doctype html><title>WispDesk test page</title>';
const setCookies: (OutgoingHttpHeader | undefined)[] = [];

async function hosted(
  options: Partial<HttpHostOptions> = {},
): Promise<{ app: TestApp; host: HttpHost; base: string; staticDir: string }> {
  const app = freshApp();
  const root = tempDir();
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'outside-secret.txt'), 'TOP SECRET OUTSIDE');
  const host = await startHttpHost({ registry: app.registry, events: app.events, staticDir, port: 0, ...options });
  onCleanup(() => host.close());
  // Every response the host ever sends is checked: the token must never travel in a cookie.
  host.server.on('request', (_req, res) => {
    res.on('close', () => setCookies.push(res.getHeader('set-cookie')));
  });
  onCleanup(() => {
    expect(setCookies.filter((c) => c !== undefined)).toEqual([]);
    setCookies.length = 0;
  });
  return { app, host, base: `http://127.0.0.1:${host.port}`, staticDir };
}

function post(host: HttpHost, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A raw HTTP request, for what fetch will not send (a foreign Host header, an un-normalised path). */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode HTTP host', () => {
  it('binds to 127.0.0.1 and answers a channel with the bearer token', async () => {
    const { host } = await hosted();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const res = await post(host, 'app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, value: { name: 'WispDesk', host: 'browser' } });
  });

  it('without a token: 401 and nothing written', async () => {
    const { app, host, base } = await hosted();
    const before = databaseChecksum(app.db.sqlite);
    const res = await fetch(`${base}/api/customers.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(customerInput()),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
    expect(host.token).toBeTruthy();
  });

  it('a wrong bearer token, or the token in another form, is 401', async () => {
    const { app, host } = await hosted();
    for (const authorization of [
      'Bearer wrong',
      `Bearer ${host.token}x`,
      `Bearer ${host.token.slice(0, -1)}`,
      `bearer ${host.token}`,
      host.token,
      `Basic ${host.token}`,
      'Bearer ',
    ]) {
      const res = await post(host, 'customers.create', customerInput(), { authorization });
      expect(res.status, authorization).toBe(401);
    }
    // A cookie is sent to every port of the host, so it is never a credential, even the right token.
    for (const cookie of ['wispdesk_token=nope', `wispdesk_token=${host.token}`]) {
      const res = await post(host, 'customers.create', customerInput(), { authorization: '', cookie });
      expect(res.status, cookie).toBe(401);
    }
    expect(customerCount(app)).toBe(0);
  });

  it('the printed link is the app page itself and sets no cookie; a wrong link is 401', async () => {
    const { host, base } = await hosted();
    const wrong = await fetch(`${base}/?token=nope`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(INDEX_HTML);
    // The page then sends the token it was opened with as a header, which works.
    expect((await post(host, 'app.info', {})).status).toBe(200);
    expect((await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('a foreign Origin is 403 and nothing is written', async () => {
    const { app, host } = await hosted();
    const before = databaseChecksum(app.db.sqlite);
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${host.port + 1}`,
      'null',
      `https://127.0.0.1:${host.port}`,
    ]) {
      const res = await post(host, 'customers.create', customerInput(), { origin });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const crossSite = await post(host, 'customers.create', customerInput(), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(databaseChecksum(app.db.sqlite)).toBe(before);
    // Our own origin is fine.
    const own = await post(host, 'customers.create', customerInput(), {
      origin: `http://127.0.0.1:${host.port}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
    expect(customerCount(app)).toBe(1);
  });

  it('a wrong Host header (DNS rebinding) is 403', async () => {
    const { app, host } = await hosted();
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/customers.create',
        headers: {
          host: hostHeader,
          authorization: `Bearer ${host.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(customerInput()),
      });
      expect(res.status, hostHeader).toBe(403);
    }
    const localhost = await raw(host.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: {
        host: `localhost:${host.port}`,
        authorization: `Bearer ${host.token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(localhost.status).toBe(200);
    expect(customerCount(app)).toBe(0);
  });

  it('refuses a body that is not JSON: 415 for the content type, 400 for bad JSON', async () => {
    const { app, host } = await hosted();
    const text = await post(host, 'customers.create', JSON.stringify(customerInput()), {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const form = await post(host, 'customers.create', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const bad = await post(host, 'customers.create', '{"name": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'validation', message: /not valid JSON/ } });
    expect(customerCount(app)).toBe(0);
  });

  it('channels take POST only', async () => {
    const { host, base } = await hosted();
    const res = await fetch(`${base}/api/app.info`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(res.status).toBe(405);
  });

  it('an unknown channel is a 404 with an error envelope', async () => {
    const { host } = await hosted();
    for (const channel of ['customers.delete', '..%2F..%2Fetc', '__proto__', '']) {
      const res = await post(host, channel, {});
      expect(res.status, channel).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('a validation error is a 200 with the error envelope', async () => {
    const { host } = await hosted();
    const res = await post(host, 'customers.get', { id: -1 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; error: { code: string; details: { issues: unknown[] } } };
    expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(body.error.details.issues).toEqual([expect.objectContaining({ path: ['id'] })]);
  });

  it('/api/contract lists every channel with input and output JSON Schema', async () => {
    const { host, base } = await hosted();
    const unauthorised = await fetch(`${base}/api/contract`);
    expect(unauthorised.status).toBe(401);
    const res = await fetch(`${base}/api/contract`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(res.status).toBe(200);
    const schema = (await res.json()) as Record<
      string,
      { input: Record<string, unknown>; output: Record<string, unknown> }
    >;
    expect(Object.keys(schema).sort()).toEqual(Object.keys(contract).sort());
    for (const [channel, { input, output }] of Object.entries(schema)) {
      expect(input.$schema, channel).toMatch(/json-schema/);
      expect(output.$schema, channel).toMatch(/json-schema/);
    }
    expect(schema['customers.create']!.input).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['name']),
      properties: expect.objectContaining({ pppoeUsername: expect.anything(), staticIp: expect.anything() }),
    });
    expect(schema['customers.get']!.output).toMatchObject({ type: 'object' });
    expect(JSON.stringify(schema['customers.get']!.output)).not.toContain('pppoePassword"');
  });

  it('/api/events delivers customers.changed after a create', async () => {
    const { host, base } = await hosted();
    const controller = new AbortController();
    onCleanup(() => controller.abort());
    const res = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${host.token}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': connected');
    const created = (await (await post(host, 'customers.create', customerInput())).json()) as { value: { id: number } };
    await readUntil(`"ids":[${created.value.id}]`);
    expect(text).toContain(`event: customers.changed\ndata: {"ids":[${created.value.id}]}\n\n`);
    controller.abort();
  });

  it('serves the renderer files and falls back to index.html for app routes', async () => {
    const { base } = await hosted();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toBe(INDEX_HTML);
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toContain('console.log');
    const route = await fetch(`${base}/customers/42`);
    expect(await route.text()).toBe(INDEX_HTML);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('path traversal never serves a file outside the static folder', async () => {
    const { host } = await hosted();
    for (const path of [
      '/../../etc/passwd',
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/..%2foutside-secret.txt',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2foutside-secret.txt',
      '/..%5coutside-secret.txt',
      '/%2e%2e%2f%2e%2e%2fetc/passwd',
      '//etc/passwd',
    ]) {
      const res = await raw(host.port, { path });
      expect(res.body, path).not.toContain('TOP SECRET');
      expect(res.body, path).not.toMatch(/root:.*:0:0:/);
      expect([200, 400, 404], path).toContain(res.status);
    }
  });

  it('a malformed percent-escape is a 400 or an unknown channel, never a 500', async () => {
    const { host } = await hosted();
    const page = await raw(host.port, { path: '/%E0%A4%A' });
    expect(page.status).toBe(400);
    const api = await raw(host.port, {
      method: 'POST',
      path: '/api/customers.%E0%A4%A',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect((await post(host, 'app.info', {})).status).toBe(200);
  });

  it('a body over the limit is answered 413 with the JSON error, and the connection still reads it', async () => {
    const { app, host } = await hosted({ maxBodyBytes: 1024 });
    // Large enough that the client is still writing when the server has seen enough.
    for (const size of [2048, 8 * 1024 * 1024]) {
      const res = await raw(host.port, {
        method: 'POST',
        path: '/api/customers.create',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(customerInput({ notes: 'x'.repeat(size) })),
      });
      expect(res.status, `${size}`).toBe(413);
      expect(JSON.parse(res.body)).toEqual({
        ok: false,
        error: { code: 'validation', message: 'The request is larger than 0 MB' },
      });
    }
    const viaFetch = await post(host, 'customers.create', customerInput({ notes: 'y'.repeat(4 * 1024 * 1024) }));
    expect(viaFetch.status).toBe(413);
    expect(await viaFetch.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(customerCount(app)).toBe(0);
    expect((await post(host, 'app.info', {})).status).toBe(200);
  });

  it('the body limit fits every input the contract allows, escaped JSON included', () => {
    const largest = largestInputs(contractAsJsonSchema());
    // Fields bounded only by a pattern or a refinement count as unbounded and are left out: they are short.
    for (const channel of ['customers.importPreview', 'customers.importCommit', 'customers.importProblemRows'])
      expect(largest[channel], channel).toBeLessThan(Infinity);
    for (const [channel, bytes] of Object.entries(largest))
      if (Number.isFinite(bytes)) expect(bytes, channel).toBeLessThanOrEqual(defaultBodyLimit());
    // The worst CSV: 20,000,000 control characters, each written as \u00XX; the most skipped rows.
    const worst = JSON.stringify({
      csv: '\u0001'.repeat(20_000_000),
      mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, 199])),
      skipRows: Array.from({ length: 1_000_000 }, () => Number.MAX_SAFE_INTEGER),
    });
    expect(contract['customers.importCommit'].input.safeParse(JSON.parse(worst)).success).toBe(true);
    expect(Buffer.byteLength(worst)).toBeLessThanOrEqual(largest['customers.importCommit']!);
    expect(Buffer.byteLength(worst)).toBeLessThanOrEqual(defaultBodyLimit());
  });

  it('a 20,000,000-character CSV reaches the contract, not a 413', async () => {
    const { host } = await hosted();
    // 120 MB of JSON; the mapping is out of range so the check stops at validation.
    const res = await post(host, 'customers.importPreview', {
      csv: '\u0001'.repeat(20_000_000),
      mapping: { name: 200 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; error: { code: string; details: { issues: unknown[] } } };
    expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(body.error.details.issues).toEqual([expect.objectContaining({ path: ['mapping', 'name'] })]);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'a static file that fails to read cuts that response, not the server',
    async () => {
      const { host, staticDir } = await hosted();
      // Reading /proc/self/mem from its start fails with EIO after it has been opened: a real read error.
      symlinkSync('/proc/self/mem', join(staticDir, 'assets', 'unreadable.js'));
      const answer = await raw(host.port, { path: '/assets/unreadable.js' }).catch((error: Error) => error);
      if (!(answer instanceof Error)) expect(answer.body).toBe('');
      expect((await post(host, 'app.info', {})).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${host.port}/assets/app.js`)).status).toBe(200);
    },
  );
});
