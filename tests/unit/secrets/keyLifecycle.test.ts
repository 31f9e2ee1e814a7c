// The key file and the database belong together: WispDesk never silently makes a new key for a
// database that has passwords sealed with another one.
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app';
import type { KeyWrap } from '../../../src-main/secrets/keyFile';
import { openSecrets } from '../../../src-main/secrets/openSecrets';
import { pppoePasswordPlace } from '../../../src-main/secrets/secretBox';
import { SecretKeyError } from '../../../src-main/secrets/secretKeyError';
import { contract } from '../../../src-shared/contract';
import { call, createCustomer, customerInput, onCleanup, refused, tempDir } from '../helpers';
import { sealV1 } from './legacy';

function open(dataDir: string, keyWrap?: KeyWrap): App {
  const app = createApp({ dataDir, host: 'browser', checkOutputs: true, keyWrap });
  onCleanup(() => app.close());
  return app;
}

function startFails(dataDir: string, keyWrap?: KeyWrap): SecretKeyError {
  let error: unknown;
  try {
    createApp({ dataDir, host: 'browser', keyWrap }).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(SecretKeyError);
  return error as SecretKeyError;
}

/** A data dir with one customer whose PPPoE password is sealed; closed again. */
async function officeWithPassword(): Promise<{ dir: string; id: number }> {
  const dir = tempDir();
  const app = createApp({ dataDir: dir, host: 'browser' });
  try {
    const customer = await createCustomer(app, { pppoePassword: 'kept-secret' });
    return { dir, id: customer.id };
  } finally {
    app.close();
  }
}

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain key. */
const fakeKeyring: KeyWrap = {
  wrap: (key) => Buffer.concat([Buffer.from('locked:'), Buffer.from(key).reverse()]),
  unwrap: (wrapped) => {
    if (!wrapped.subarray(0, 7).equals(Buffer.from('locked:'))) throw new Error('not ours');
    return Buffer.from(wrapped.subarray(7)).reverse();
  },
};

const keyFileOf = (dir: string) => join(dir, 'secret.key');
const keyJson = (dir: string) => JSON.parse(readFileSync(keyFileOf(dir), 'utf8')) as { wrapped: boolean; key: string };

describe('the key of a database', () => {
  it('a fresh, empty database gets a new owner-only key, and a check value in the database', () => {
    const dir = tempDir();
    const app = open(dir);
    expect(statSync(keyFileOf(dir)).mode & 0o777).toBe(0o600);
    expect(keyJson(dir)).toMatchObject({ wrapped: false });
    expect(Buffer.from(keyJson(dir).key, 'base64')).toHaveLength(32);
    const check = app.db.sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'secret_key_check'`).get() as {
      value: string;
    };
    expect(check.value).toMatch(/^v2:/);
  });

  it('a database restored without its secret.key refuses to start, names the file, and makes no new key', async () => {
    const { dir } = await officeWithPassword();
    rmSync(keyFileOf(dir));
    const error = startFails(dir);
    expect(error.problem).toBe('missing');
    expect(error.keyFile).toBe(keyFileOf(dir));
    expect(error.message).toContain(keyFileOf(dir));
    expect(existsSync(keyFileOf(dir))).toBe(false);
  });

  it('a database with a key check but nothing sealed yet still wants its own key back', () => {
    const dir = tempDir();
    open(dir).close();
    rmSync(keyFileOf(dir));
    expect(startFails(dir).problem).toBe('missing');
  });

  it("another database's key refuses to start and names the file; with its own key back, all is readable", async () => {
    const { dir, id } = await officeWithPassword();
    const own = readFileSync(keyFileOf(dir));
    const other = tempDir();
    open(other).close();
    copyFileSync(keyFileOf(other), keyFileOf(dir));
    const error = startFails(dir);
    expect(error.problem).toBe('wrong');
    expect(error.message).toContain(keyFileOf(dir));
    writeFileSync(keyFileOf(dir), own);
    expect(await call(open(dir), 'customers.revealPppoePassword', { id })).toEqual({ password: 'kept-secret' });
  });

  it('a key file that is not a key is refused, not replaced', async () => {
    const { dir } = await officeWithPassword();
    writeFileSync(keyFileOf(dir), 'not a key at all');
    expect(startFails(dir).problem).toBe('wrong');
    expect(readFileSync(keyFileOf(dir), 'utf8')).toBe('not a key at all');
  });

  it('a ciphertext copied to another customer does not open there: reveal says so, not `internal`', async () => {
    const dir = tempDir();
    const app = open(dir);
    const alice = await createCustomer(app, { pppoePassword: 'alice-pw' });
    const bob = await createCustomer(app, { pppoePassword: 'bob-pw' });
    app.db.sqlite
      .prepare(
        'UPDATE customers SET pppoe_password_enc = (SELECT pppoe_password_enc FROM customers WHERE id = ?) WHERE id = ?',
      )
      .run(alice.id, bob.id);
    const error = await refused(app, 'customers.revealPppoePassword', { id: bob.id });
    expect(error.code).toBe('secret_unreadable');
    expect(error.message).toContain(bob.accountNo);
    expect(await call(app, 'customers.revealPppoePassword', { id: alice.id })).toEqual({ password: 'alice-pw' });
  });

  it('passwords are bound to their customer from the first write, in a batch too', async () => {
    const app = open(tempDir());
    const parse = (pppoePassword: string) =>
      contract['customers.create'].input.parse(customerInput({ pppoePassword, phones: [] }));
    const [one, two] = app.services.customers.createMany([parse('batch-1'), parse('batch-2')]);
    for (const [id, password] of [
      [one!, 'batch-1'],
      [two!, 'batch-2'],
    ] as const) {
      const row = app.db.sqlite
        .prepare('SELECT account_no, pppoe_password_enc FROM customers WHERE id = ?')
        .get(id) as { account_no: string; pppoe_password_enc: string };
      expect(row.pppoe_password_enc).toMatch(/^v2:/);
      expect(await call(app, 'customers.revealPppoePassword', { id })).toEqual({ password });
      expect(pppoePasswordPlace(row.account_no)).toBe(`customers/${row.account_no}/pppoe_password`);
    }
  });

  it('a database from before the key check (v1 values, a bare base64 key) is checked, re-sealed as v2 and kept', async () => {
    const { dir, id } = await officeWithPassword();
    const key = randomBytes(32);
    {
      // Turn it into what the first version left behind.
      const app = open(dir);
      app.db.sqlite.prepare(`DELETE FROM app_meta WHERE key = 'secret_key_check'`).run();
      app.db.sqlite.prepare('UPDATE customers SET pppoe_password_enc = ? WHERE id = ?').run(sealV1(key, 'from v1'), id);
      app.close();
      writeFileSync(keyFileOf(dir), key.toString('base64'), { mode: 0o600 });
    }
    const wrongKey = randomBytes(32).toString('base64');
    writeFileSync(keyFileOf(dir), wrongKey);
    expect(startFails(dir).problem).toBe('wrong');
    writeFileSync(keyFileOf(dir), key.toString('base64'));

    const app = open(dir);
    const sealed = app.db.sqlite.prepare('SELECT pppoe_password_enc AS s FROM customers WHERE id = ?').get(id) as {
      s: string;
    };
    expect(sealed.s).toMatch(/^v2:/);
    expect(await call(app, 'customers.revealPppoePassword', { id })).toEqual({ password: 'from v1' });
    expect(app.db.sqlite.prepare(`SELECT 1 FROM app_meta WHERE key = 'secret_key_check'`).get()).toBeTruthy();
    expect(readFileSync(keyFileOf(dir), 'utf8').trim()).toBe(key.toString('base64'));
  });

  it('a fresh database adopts a key file that is already there', () => {
    const dir = tempDir();
    const key = randomBytes(32).toString('base64');
    writeFileSync(keyFileOf(dir), key);
    open(dir);
    expect(readFileSync(keyFileOf(dir), 'utf8').trim()).toBe(key);
  });
});

describe('the key locked by the operating system (the desktop app)', () => {
  it('the key file records that it is wrapped, holds no plain key, and opens with the same keyring', async () => {
    const dir = tempDir();
    const first = open(dir, fakeKeyring);
    const { id } = await createCustomer(first, { pppoePassword: 'wrapped-pw' });
    first.close();
    const file = keyJson(dir);
    expect(file.wrapped).toBe(true);
    expect(Buffer.from(file.key, 'base64').subarray(0, 7).toString()).toBe('locked:');
    expect(await call(open(dir, fakeKeyring), 'customers.revealPppoePassword', { id })).toEqual({
      password: 'wrapped-pw',
    });
  });

  it('without the keyring (browser mode on the same folder) it is locked, and says which file', () => {
    const dir = tempDir();
    open(dir, fakeKeyring).close();
    const error = startFails(dir);
    expect(error.problem).toBe('locked');
    expect(error.message).toContain(keyFileOf(dir));
  });

  it('a keyring that cannot unwrap it (another user) is locked', () => {
    const dir = tempDir();
    open(dir, fakeKeyring).close();
    const otherUser: KeyWrap = { wrap: fakeKeyring.wrap, unwrap: () => Buffer.from('garbage') };
    expect(startFails(dir, otherUser).problem).toBe('locked');
  });

  it('a plain key file is wrapped the first time the desktop app opens it', async () => {
    const { dir, id } = await officeWithPassword();
    expect(keyJson(dir).wrapped).toBe(false);
    const app = open(dir, fakeKeyring);
    expect(keyJson(dir).wrapped).toBe(true);
    expect(await call(app, 'customers.revealPppoePassword', { id })).toEqual({ password: 'kept-secret' });
  });

  it('a job worker connection gets the unwrapped key from the main thread, without the keyring', async () => {
    const dir = tempDir();
    const app = open(dir, fakeKeyring);
    const { id, accountNo } = await createCustomer(app, { pppoePassword: 'for-the-worker' });
    const sealed = (
      app.db.sqlite.prepare('SELECT pppoe_password_enc AS s FROM customers WHERE id = ?').get(id) as { s: string }
    ).s;
    const worker = openSecrets({ dataDir: dir, sqlite: app.db.sqlite, maintain: false });
    expect(worker.decrypt(sealed, pppoePasswordPlace(accountNo))).toBe('for-the-worker');
  });
});

describe('the data folder', () => {
  it('is created readable by its owner only (0700)', () => {
    const dir = join(tempDir(), 'new', 'wispdesk');
    open(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("an existing folder of WispDesk's own is tightened; the desktop app's userData folder always", () => {
    const ours = tempDir();
    open(ours).close();
    mkdirSync(join(ours, 'logs'));
    const electron = tempDir();
    writeFileSync(join(electron, 'Preferences'), '{}');
    for (const dir of [ours, electron]) chmodSync(dir, 0o755);
    open(ours).close();
    createApp({ dataDir: electron, host: 'electron' }).close();
    expect(statSync(ours).mode & 0o777).toBe(0o700);
    expect(statSync(electron).mode & 0o777).toBe(0o700);
  });

  it('a --data-dir that holds other things is left as it is', () => {
    const shared = tempDir();
    writeFileSync(join(shared, 'holiday-photos.txt'), 'x');
    chmodSync(shared, 0o755);
    open(shared);
    expect(statSync(shared).mode & 0o777).toBe(0o755);
  });
});
