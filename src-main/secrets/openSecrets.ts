// Opens the database's SecretBox, refusing a key that does not belong to the database.
//
// A database restored without its secret.key used to get a fresh key, silently: every stored
// password became unreadable. Now the database keeps a key-check value (app_meta), and a new
// key is made only for a database with nothing sealed in it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { readKeyFile, writeKeyFile, type KeyWrap } from './keyFile';
import { pppoePasswordPlace, SecretBox } from './secretBox';
import { SecretKeyError } from './secretKeyError';

export const KEY_FILE = 'secret.key';
const KEY_CHECK = 'secret_key_check';
const KEY_CHECK_PLACE = 'app_meta/secret_key_check';
const KEY_CHECK_TEXT = 'the WispDesk key of this database';

/** Every column that holds sealed values, with the place each row's value is bound to. */
const SEALED_COLUMNS = [
  {
    table: 'customers',
    column: 'pppoe_password_enc',
    placeColumn: 'account_no',
    place: pppoePasswordPlace,
  },
] as const;

export interface OpenSecretsOptions {
  dataDir: string;
  sqlite: BetterSqlite3.Database;
  /** The desktop app locks the key file with the operating system's keyring. */
  keyWrap?: KeyWrap;
  /** The main connection checks the key and writes; a job worker's connection only reads. */
  maintain: boolean;
}

/** Job workers are threads of this process: they get the key from the main thread, which can unwrap it. */
const sharedKeyName = (keyFile: string) => `wispdesk:secret-key:${keyFile}`;

function firstSealed(sqlite: BetterSqlite3.Database): { sealed: string; place: string } | undefined {
  for (const c of SEALED_COLUMNS) {
    const row = sqlite
      .prepare(
        `SELECT ${c.column} AS sealed, ${c.placeColumn} AS at FROM ${c.table} WHERE ${c.column} IS NOT NULL LIMIT 1`,
      )
      .get() as { sealed: string; at: string } | undefined;
    if (row) return { sealed: row.sealed, place: c.place(row.at) };
  }
  return undefined;
}

function opens(box: SecretBox, sealed: string, place: string): boolean {
  try {
    if (SecretBox.isLegacy(sealed)) box.decryptLegacy(sealed);
    else box.decrypt(sealed, place);
    return true;
  } catch {
    return false;
  }
}

/**
 * v1 values (sealed before they were bound to their place) are re-sealed as v2 here, once, in
 * one transaction, so that everywhere else reads v2 only and a value moved to another row never
 * opens. One that does not open is left as it is: revealing it says so.
 */
function resealLegacy(sqlite: BetterSqlite3.Database, box: SecretBox): number {
  let resealed = 0;
  for (const c of SEALED_COLUMNS) {
    const rows = sqlite
      .prepare(
        `SELECT rowid AS id, ${c.column} AS sealed, ${c.placeColumn} AS at FROM ${c.table} WHERE ${c.column} LIKE 'v1:%'`,
      )
      .all() as { id: number; sealed: string; at: string }[];
    const update = sqlite.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE rowid = ?`);
    for (const row of rows) {
      let plain: string;
      try {
        plain = box.decryptLegacy(row.sealed);
      } catch {
        continue;
      }
      update.run(box.encrypt(plain, c.place(row.at)), row.id);
      resealed += 1;
    }
  }
  return resealed;
}

export function openSecrets({ dataDir, sqlite, keyWrap, maintain }: OpenSecretsOptions): SecretBox {
  const keyFile = join(dataDir, KEY_FILE);
  if (!maintain) {
    const shared = getEnvironmentData(sharedKeyName(keyFile));
    if (typeof shared === 'string') return new SecretBox(Buffer.from(shared, 'base64'));
    const stored = readKeyFile(keyFile, keyWrap);
    if (!stored) throw new SecretKeyError('missing', keyFile, `the key file ${keyFile} is missing`);
    return new SecretBox(stored.key);
  }

  const check = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(KEY_CHECK) as
    { value: string } | undefined;
  const sample = firstSealed(sqlite);
  const stored = readKeyFile(keyFile, keyWrap);
  if (!stored && (check || sample)) {
    throw new SecretKeyError(
      'missing',
      keyFile,
      `this database holds encrypted passwords, but its key file ${keyFile} is missing: ` +
        'put back the secret.key that belongs to this database',
    );
  }
  const key = stored?.key ?? randomBytes(32);
  const box = new SecretBox(key);
  const belongs = check
    ? opens(box, check.value, KEY_CHECK_PLACE)
    : sample
      ? opens(box, sample.sealed, sample.place)
      : true;
  if (!belongs) {
    throw new SecretKeyError(
      'wrong',
      keyFile,
      `the key file ${keyFile} does not belong to this database: put back the secret.key that belongs to it`,
    );
  }
  // The key is written before anything is sealed with it, and the check after: a crash in
  // between leaves a key file and a database with nothing sealed, which is a fresh start again.
  if (!stored) writeKeyFile(keyFile, key, keyWrap);
  else if (keyWrap && !stored.wrapped) writeKeyFile(keyFile, key, keyWrap);
  sqlite
    .transaction(() => {
      if (!check) {
        sqlite
          .prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)')
          .run(KEY_CHECK, box.encrypt(KEY_CHECK_TEXT, KEY_CHECK_PLACE));
      }
      resealLegacy(sqlite, box);
    })
    .immediate();
  setEnvironmentData(sharedKeyName(keyFile), key.toString('base64'));
  return box;
}
