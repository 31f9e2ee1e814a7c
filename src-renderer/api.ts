// The typed client: the only way the UI talks to the back end. The same signature works
// over Electron IPC (window.wispdesk from the preload) and over HTTP in browser mode.
import type { AppEvents, Channel, EventName, Input, Output } from '../src-shared/contract';
import type { ErrorCode, RpcErrorData, RpcResult } from '../src-shared/errors';
import { parseEventStream, takeStartupToken } from './lib/browserSession';

interface Bridge {
  invoke(channel: string, input: unknown): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    wispdesk?: Bridge;
  }
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly details: RpcErrorData['details'];
  constructor(error: RpcErrorData) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }

  /**
   * Field path ("phones.0") -> message, for showing errors beside form inputs; every issue, so
   * a form shows them all at once. An error about no field is under "" (the form's banner).
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.details?.issues ?? []) {
      const key = issue.path.join('.');
      if (!(key in out)) out[key] = issue.message;
    }
    if (this.details?.field && !(this.details.field in out)) out[this.details.field] = this.message;
    if (Object.keys(out).length === 0) out[''] = this.message;
    return out;
  }
}

// Browser mode: taken from the start-up link as the page loads, sent as a header on every call.
const browserToken = typeof window !== 'undefined' && !window.wispdesk ? takeStartupToken(window) : null;

function authorization(): Record<string, string> {
  return browserToken ? { authorization: `Bearer ${browserToken}` } : {};
}

async function send(channel: string, input: unknown): Promise<RpcResult<unknown>> {
  if (window.wispdesk) return window.wispdesk.invoke(channel, input);
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      credentials: 'omit',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'WispDesk is not answering. Is `npm run serve` still running?' },
    };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      error: {
        code: response.status === 401 ? 'unauthorized' : 'forbidden',
        message: 'Open WispDesk with the link printed at start-up: it carries the access token.',
      },
    };
  }
  return (await response.json()) as RpcResult<unknown>;
}

/** Errors as data: never throws for a domain error. */
export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<RpcResult<Output<C>>> {
  return (await send(channel, input)) as RpcResult<Output<C>>;
}

/** Throws ApiError (with its stable code) when the back end refuses. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

let streaming = false;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** Browser mode's event stream, read with fetch() so it carries the token; reconnects when dropped. */
function streamEvents(): void {
  if (streaming) return;
  streaming = true;
  let delay = 1000;
  const connect = async () => {
    try {
      const response = await fetch('/api/events', { headers: authorization(), credentials: 'omit', cache: 'no-store' });
      // A refused token will not become right: the calls tell the operator to open the start-up link.
      if (response.status === 401 || response.status === 403) return;
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let rest = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEventStream(rest + value);
        rest = parsed.rest;
        for (const { event, data } of parsed.events) {
          const payload: unknown = JSON.parse(data);
          for (const l of listeners.get(event) ?? []) l(payload);
        }
      }
    } catch {
      // The server stopped or restarted: try again below.
    }
    setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, 30_000);
  };
  void connect();
}

/** Subscribes to a back-end event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
  if (window.wispdesk) return window.wispdesk.on(event, listener as (payload: unknown) => void);
  streamEvents();
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(listener as (payload: unknown) => void);
  return () => set.delete(listener as (payload: unknown) => void);
}
