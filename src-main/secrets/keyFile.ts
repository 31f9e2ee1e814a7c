// The key file beside the database (secret.key): the 32-byte key, plain or wrapped by the
// operating system (Electron's safeStorage: the login keyring, DPAPI, the macOS Keychain).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { SecretKeyError } from './secretKeyError';

/** How the desktop app has the operating system lock the key; browser mode keeps it plain (0600). */
export interface KeyWrap {
  wrap(key: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

interface KeyFileJson {
  format: 'wispdesk-secret-key';
  /** The key is wrapped by the operating system of the computer and user that wrote it. */
  wrapped: boolean;
  key: string;
}

export interface StoredKey {
  key: Buffer;
  wrapped: boolean;
}

function wrongFile(file: string, why: string): SecretKeyError {
  return new SecretKeyError('wrong', file, `${file} is not a WispDesk key file (${why})`);
}

/** The key in `file`, or null when there is no file. */
export function readKeyFile(file: string, keyWrap?: KeyWrap): StoredKey | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8').trim();
  let stored: StoredKey;
  if (text.startsWith('{')) {
    let json: Partial<KeyFileJson>;
    try {
      json = JSON.parse(text) as Partial<KeyFileJson>;
    } catch {
      throw wrongFile(file, 'it is not readable');
    }
    if (json.format !== 'wispdesk-secret-key' || typeof json.key !== 'string') throw wrongFile(file, 'it has no key');
    const raw = Buffer.from(json.key, 'base64');
    if (json.wrapped) {
      if (!keyWrap)
        throw new SecretKeyError(
          'locked',
          file,
          `${file} is locked with the login keyring of the desktop app, which is not available here`,
        );
      try {
        stored = { key: keyWrap.unwrap(raw), wrapped: true };
      } catch {
        throw new SecretKeyError('locked', file, `${file} cannot be unlocked by this computer's user account`);
      }
    } else stored = { key: raw, wrapped: false };
  } else {
    // The first key files were the key alone, in base64.
    stored = { key: Buffer.from(text, 'base64'), wrapped: false };
  }
  if (stored.key.length !== 32) {
    if (stored.wrapped)
      throw new SecretKeyError('locked', file, `${file} cannot be unlocked by this computer's user account`);
    throw wrongFile(file, 'its key is not 32 bytes');
  }
  if (!stored.wrapped) chmodSync(file, 0o600);
  return stored;
}

/** Writes the key (wrapped when the host can), owner-only; a new file replaces the old in one step. */
export function writeKeyFile(file: string, key: Buffer, keyWrap?: KeyWrap): void {
  const json: KeyFileJson = keyWrap
    ? { format: 'wispdesk-secret-key', wrapped: true, key: keyWrap.wrap(key).toString('base64') }
    : { format: 'wispdesk-secret-key', wrapped: false, key: key.toString('base64') };
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(json)}\n`, { mode: 0o600, flag: 'wx', flush: true });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
