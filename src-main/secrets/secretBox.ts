import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** AES-256-GCM bound to the place it is stored (associated data): what is written today. */
const SEALED = 'v2';
/** AES-256-GCM with no associated data, written before v2: only read, to re-seal it as v2. */
const LEGACY = 'v1';

/** A sealed value that this key cannot open, or that was not sealed for the place it is read from. */
export class SecretUnreadableError extends Error {
  override readonly name = 'SecretUnreadableError';
}

interface Parts {
  version: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function parse(sealed: string): Parts {
  const parts = sealed.split(':');
  const [version, iv, tag, body] = parts;
  if (parts.length !== 4 || (version !== SEALED && version !== LEGACY) || !iv || !tag || body === undefined)
    throw new SecretUnreadableError('not a sealed secret');
  const p = {
    version,
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    body: Buffer.from(body, 'base64'),
  };
  // GCM takes a shorter tag unless told otherwise, and a short tag is far easier to forge.
  if (p.iv.length !== IV_BYTES || p.tag.length !== TAG_BYTES)
    throw new SecretUnreadableError(`a sealed secret needs a ${IV_BYTES}-byte IV and a ${TAG_BYTES}-byte tag`);
  return p;
}

/**
 * Encrypts secrets at rest (PPPoE, router, SMTP passwords) with AES-256-GCM. Each value is bound
 * to its place ("customers/WD-000042/pppoe_password") as associated data, so a value copied into
 * another row or column does not open. The key lives in its own file beside the database
 * (see keyFile.ts), so a copy of the database alone does not reveal them.
 */
export class SecretBox {
  // IVs come from a pool of random bytes: one randomBytes() call per 4,096 secrets, not one each.
  private ivPool = Buffer.alloc(0);

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  }

  private nextIv(): Buffer {
    if (this.ivPool.length < IV_BYTES) this.ivPool = randomBytes(IV_BYTES * 4096);
    const iv = this.ivPool.subarray(0, IV_BYTES);
    this.ivPool = this.ivPool.subarray(IV_BYTES);
    return iv;
  }

  /** Seals `plain` for one place; only decrypt() with the same place opens it. */
  encrypt(plain: string, place: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(place, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [SEALED, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
  }

  /** Opens a value sealed for `place`. A v1 value (no place) is refused: start-up re-seals them all. */
  decrypt(sealed: string, place: string): string {
    const parts = parse(sealed);
    if (parts.version !== SEALED) throw new SecretUnreadableError('a v1 secret must be re-sealed before it is read');
    return this.open(parts, place);
  }

  /** Opens a v1 value, sealed before values were bound to their place. Only for re-sealing. */
  decryptLegacy(sealed: string): string {
    const parts = parse(sealed);
    if (parts.version !== LEGACY) throw new SecretUnreadableError('not a v1 secret');
    return this.open(parts, null);
  }

  static isLegacy(sealed: string): boolean {
    return sealed.startsWith(`${LEGACY}:`);
  }

  private open({ iv, tag, body }: Parts, place: string | null): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      if (place !== null) decipher.setAAD(Buffer.from(place, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('the secret does not open with this key for this place');
    }
  }
}

/** Where a customer's PPPoE password is sealed: account numbers are unique and never change. */
export function pppoePasswordPlace(accountNo: string): string {
  return `customers/${accountNo}/pppoe_password`;
}
