// The preload is the renderer's only door: it must expose invoke() and on() and nothing else.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 1 })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => bridge.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!bridge.listeners.has(channel)) bridge.listeners.set(channel, new Set());
      bridge.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      bridge.listeners.get(channel)?.delete(listener),
  },
}));

interface Api {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let api: Api;

beforeAll(async () => {
  await import('../../src-main/preload');
  api = bridge.exposed.get('wispdesk') as unknown as Api;
});

describe('preload', () => {
  it('exposes only window.wispdesk with invoke and on', () => {
    expect([...bridge.exposed.keys()]).toEqual(['wispdesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke goes through the single rpc channel', async () => {
    expect(await api.invoke('customers.get', { id: 1 })).toEqual({ ok: true, value: 1 });
    expect(bridge.invoke).toHaveBeenCalledWith('rpc', 'customers.get', { id: 1 });
  });

  it('on relays only the named event, without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('customers.changed', (payload) => seen.push(payload));
    const emit = (name: string, payload: unknown) => {
      for (const l of bridge.listeners.get('event') ?? []) l({ sender: 'ipc internals' }, name, payload);
    };
    emit('plans.changed', { id: 1 });
    emit('customers.changed', { ids: [3] });
    expect(seen).toEqual([{ ids: [3] }]);
    off();
    emit('customers.changed', { ids: [4] });
    expect(seen).toEqual([{ ids: [3] }]);
    expect(bridge.listeners.get('event')?.size).toBe(0);
  });
});
