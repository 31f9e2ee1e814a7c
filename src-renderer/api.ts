// The typed client: the only way the UI talks to the back end. The same signature works
// over Electron IPC (window.wispdesk from the preload) and over HTTP in browser mode.
import type { AppEvents, Channel, EventName, Input, Output } from '../src-shared/contract';
import type { ErrorCode, RpcErrorData, RpcResult } from '../src-shared/errors';

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

  /** Field path ("phones.0") -> message, for showing errors beside form inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.details?.issues ?? []) {
      const key = issue.path.join('.');
      if (!(key in out)) out[key] = issue.message;
    }
    if (this.details?.field && !(this.details.field in out)) out[this.details.field] = this.message;
    return out;
  }
}

async function send(channel: string, input: unknown): Promise<RpcResult<unknown>> {
  if (window.wispdesk) return window.wispdesk.invoke(channel, input);
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
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

let source: EventSource | null = null;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** Subscribes to a back-end event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
  if (window.wispdesk) return window.wispdesk.on(event, listener as (payload: unknown) => void);
  if (!source) {
    source = new EventSource('/api/events', { withCredentials: true });
  }
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const l of listeners.get(event) ?? []) l(payload);
    });
  }
  set.add(listener as (payload: unknown) => void);
  return () => set.delete(listener as (payload: unknown) => void);
}
