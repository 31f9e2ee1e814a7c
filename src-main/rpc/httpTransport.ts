// Browser mode's transport: the same registry over HTTP on 127.0.0.1, guarded by a
// per-start token and a same-origin check.
//
// The token travels only as `Authorization: Bearer`, never as a cookie: a cookie is scoped to
// the host, not the port, so every other local server the browser visits (127.0.0.1:3000)
// would receive it. The start-up link `/?token=…` serves the app page; the page keeps the
// token in sessionStorage, which is per origin (scheme, host and port), and sends it as a header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { z } from 'zod';
import { contract } from '../../src-shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shell/security';
import { bodyLimitFor } from './bodyLimit';
import type { EventBus } from './events';
import type { Registry } from './registry';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface HttpHostOptions {
  registry: Registry;
  events: EventBus;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port: number;
  token?: string;
  /** The largest request body, in bytes; by default the largest input the contract allows. */
  maxBodyBytes?: number;
}

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/** Every channel with its input and output as JSON Schema, for tools and the fuzz tests. */
export function contractAsJsonSchema(): Record<string, { input: unknown; output: unknown }> {
  const out: Record<string, { input: unknown; output: unknown }> = {};
  for (const [name, { input, output }] of Object.entries(contract)) {
    out[name] = {
      input: z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(output, { io: 'output', unrepresentable: 'any' }),
    };
  }
  return out;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

let contractBodyLimit: number | undefined;
/** Any input the contract allows fits: a 20,000,000-character CSV, escaped, is far more than 20 MB. */
export function defaultBodyLimit(): number {
  contractBodyLimit ??= bodyLimitFor(contractAsJsonSchema());
  return contractBodyLimit;
}

/** decodeURIComponent, or null for a malformed %-escape (which would otherwise throw a 500). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(text);
}

const TOO_LARGE = Symbol('too large');

/**
 * The body as text, or TOO_LARGE. Past the limit nothing more is kept, but the rest is still
 * read (and dropped) before the answer: a server that closes a connection its client is still
 * writing to resets it, and the client never sees the 413, only a dropped connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) chunks = [];
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? defaultBodyLimit();
  let port = options.port;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  /** The request comes from our own page (or a non-browser client with the bearer token). */
  function sameOrigin(req: IncomingMessage): boolean {
    if (!allowedHosts().includes(req.headers.host ?? '')) return false; // DNS rebinding
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    return sameSecret(bearer, token);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const decoded = decodePath(pathname);
    if (decoded === null) return send(res, 400, { error: 'bad path' });
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    let file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir) {
      send(res, 404, { error: 'not found' });
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(options.staticDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('The user interface is not built: run `npm run serve`, which builds it first.');
      return;
    }
    // Opened here, so a file removed or replaced (a rebuild) from now on is still read whole,
    // and one that is gone already is a 404, not an error on a stream nobody listens to.
    let fd: number;
    try {
      fd = openSync(file, 'r');
      if (fstatSync(fd).isDirectory()) {
        closeSync(fd);
        return send(res, 404, { error: 'not found' });
      }
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
      // frame-ancestors only works as a header, so the policy is sent as one too.
      ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    if (req.method === 'HEAD') {
      closeSync(fd);
      res.end();
      return;
    }
    // A read that fails half-way (a disk error) can only cut the response short: the status is sent.
    pipeline(createReadStream('', { fd }), res, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`serving ${file} failed`, error);
    });
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    res.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
      // The start-up link is the app page itself: the page takes the token from its address.
      const offered = url.searchParams.get('token');
      if (offered !== null && !sameSecret(offered, token))
        return send(res, 401, { error: 'That link has an old or wrong token: use the one printed at start-up' });
      return serveStatic(req, res, url.pathname);
    }

    if (!authorised(req)) {
      return send(res, 401, {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'Open WispDesk with the link printed at start-up, or send its token as a Bearer header',
        },
      });
    }
    if (!sameOrigin(req)) {
      return send(res, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'Requests from other sites are refused' },
      });
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
    if (url.pathname === '/api/contract' && req.method === 'GET') return send(res, 200, contractAsJsonSchema());
    if (req.method !== 'POST')
      return send(res, 405, { ok: false, error: { code: 'validation', message: 'Channels take POST' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, {
        ok: false,
        error: { code: 'validation', message: 'Send the input as application/json' },
      });
    }
    const body = await readBody(req, maxBody);
    if (body === TOO_LARGE) {
      const mb = Math.floor(maxBody / (1024 * 1024));
      return send(
        res,
        413,
        { ok: false, error: { code: 'validation', message: `The request is larger than ${mb} MB` } },
        { connection: 'close' },
      );
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'validation', message: 'The body is not valid JSON' } });
    }
    // A malformed %-escape names no channel: unknown_channel, not a 500.
    const channel = decodePath(url.pathname.slice('/api/'.length)) ?? url.pathname;
    const result = await options.registry.invoke(channel, input);
    send(res, !result.ok && result.error.code === 'unknown_channel' ? 404 : 200, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('request failed', error);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong; see the log' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
