import { describe, expect, it, vi } from 'vitest';
import type { Channel, Output } from '../../../src-shared/contract';
import { contract } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { MoneyError } from '../../../src-shared/money';
import { translateDatabaseError } from '../../../src-main/db/constraints';
import { Registry, type Handler } from '../../../src-main/rpc/registry';
import { freshApp, issuePaths, refused } from '../helpers';

const info: Output<'app.info'> = {
  name: 'WispDesk',
  version: '1.0.0',
  host: 'browser',
  dataDir: '/tmp/x',
  schemaVersion: '0001',
};

function quietRegistry(checkOutputs = false) {
  const log = vi.fn();
  return { registry: new Registry({ checkOutputs, log }), log };
}

describe('Registry', () => {
  it('answers unknown_channel for a channel nobody registered, in or out of the contract', async () => {
    const { registry } = quietRegistry();
    for (const channel of ['no.such.channel', 'app.info', '__proto__', 'constructor', 'toString']) {
      const result = await registry.invoke(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('a database held by another writer answers busy, with what to do, not internal', async () => {
    const log = vi.fn();
    const registry = new Registry({ log, translateError: translateDatabaseError });
    registry.register('app.info', () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    const result = await registry.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/try again/) } });
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses to register a channel twice', () => {
    const { registry } = quietRegistry();
    registry.register('app.info', () => info);
    expect(() => registry.register('app.info', () => info)).toThrow(/already registered/);
  });

  it('refuses to register a channel that is not in the contract', () => {
    const { registry } = quietRegistry();
    expect(() => registry.register('app.shutdown' as Channel, (() => info) as Handler<Channel>)).toThrow(
      /not in the contract/,
    );
    expect(registry.channels()).toEqual([]);
  });

  it('lists the contract channels that still lack a handler', () => {
    const { registry } = quietRegistry();
    registry.register('app.info', () => info);
    expect(registry.missing()).not.toContain('app.info');
    expect(registry.missing()).toHaveLength(Object.keys(contract).length - 1);
  });

  it('the app registers every channel of the contract', () => {
    const app = freshApp();
    expect(app.registry.missing()).toEqual([]);
    expect(app.registry.channels().sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses bad input with code validation and the path of every issue, without calling the handler', async () => {
    const { registry } = quietRegistry();
    const handler = vi.fn(() => ({ records: [], total: 0 }));
    registry.register('customers.list', handler);
    const result = await registry.invoke('customers.list', { page: 0, sort: { column: 'password', direction: 'up' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(issuePaths(result.error)).toEqual(expect.arrayContaining(['page', 'sort.column', 'sort.direction']));
    expect(result.error.message).toMatch(/page/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the parsed input (with defaults) to the handler', async () => {
    const { registry } = quietRegistry();
    const handler = vi.fn(() => ({ records: [], total: 0 }));
    registry.register('customers.list', handler);
    await registry.invoke('customers.list', undefined);
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({ page: 1, pageSize: 50, status: 'current', query: '', planId: null }),
    );
  });

  it('keeps the code, message and details of an AppError', async () => {
    const { registry, log } = quietRegistry();
    registry.register('plans.get', () => {
      throw new AppError('not_found', 'There is no plan with id 7', { field: 'id' });
    });
    const result = await registry.invoke('plans.get', { id: 7 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no plan with id 7', details: { field: 'id' } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('turns a MoneyError into validation', async () => {
    const { registry } = quietRegistry();
    registry.register('plans.get', () => {
      throw new MoneyError('money must be an integer');
    });
    expect(await registry.invoke('plans.get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('turns an unexpected error into internal with a generic message, logging the original on the main side', async () => {
    const { registry, log } = quietRegistry();
    registry.register('plans.get', () => {
      throw new Error('SQLITE_CORRUPT at /home/office/secret/path.sqlite');
    });
    const result = await registry.invoke('plans.get', { id: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toMatch(/SQLITE_CORRUPT|secret|path\.sqlite/);
    expect(result.error.details).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![1])).toMatch(/SQLITE_CORRUPT/);
  });

  it('catches rejected promises from async handlers too', async () => {
    const { registry } = quietRegistry();
    registry.register('plans.get', async () => {
      throw new TypeError('boom');
    });
    expect(await registry.invoke('plans.get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('with checkOutputs, an output that breaks the contract is internal', async () => {
    const { registry, log } = quietRegistry(true);
    registry.register('app.info', () => ({ ...info, version: 42 }) as unknown as Output<'app.info'>);
    const result = await registry.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(String(log.mock.calls[0]![1])).toMatch(/breaks the contract/);
  });

  it('without checkOutputs, the same output passes through', async () => {
    const { registry } = quietRegistry(false);
    registry.register('app.info', () => ({ ...info, version: 42 }) as unknown as Output<'app.info'>);
    expect(await registry.invoke('app.info', {})).toMatchObject({ ok: true, value: { version: 42 } });
  });

  it('logs slow channels when slowMs is set', async () => {
    const log = vi.fn();
    const registry = new Registry({ slowMs: -1, log });
    registry.register('app.info', () => info);
    await registry.invoke('app.info', {});
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/slow channel app\.info/), null);
  });

  it('through the real app: unknown channel and validation come back as data', async () => {
    const app = freshApp();
    expect((await refused(app, 'customers.delete', { id: 1 })).code).toBe('unknown_channel');
    const error = await refused(app, 'customers.get', { id: 'one' });
    expect(error.code).toBe('validation');
    expect(issuePaths(error)).toEqual(['id']);
  });
});
