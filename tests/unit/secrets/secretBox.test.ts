import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pppoePasswordPlace, SecretBox, SecretUnreadableError } from '../../../src-main/secrets/secretBox';
import { sealV1 } from './legacy';

const PLACE = pppoePasswordPlace('WD-000001');

function withPart(sealed: string, index: number, change: (part: Buffer) => Buffer): string {
  const parts = sealed.split(':');
  parts[index] = change(Buffer.from(parts[index]!, 'base64')).toString('base64');
  return parts.join(':');
}

describe('SecretBox', () => {
  it('round-trips any text, including empty and non-ASCII', () => {
    const box = new SecretBox(randomBytes(32));
    for (const plain of ['', 'pppoe-pw', 'पासवर्ड 😀', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plain, PLACE), PLACE)).toBe(plain);
    }
  });

  it('never reuses an IV (AES-GCM breaks if it does), across many pool refills', () => {
    const box = new SecretBox(randomBytes(32));
    const ivs = new Set<string>();
    const count = 4096 * 2 + 10;
    for (let i = 0; i < count; i++) ivs.add(box.encrypt('same', PLACE).split(':')[1]!);
    expect(ivs.size).toBe(count);
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.encrypt('secret', PLACE);
    const flipped = withPart(sealed, 3, (body) => {
      body[0]! ^= 1;
      return body;
    });
    expect(() => box.decrypt(flipped, PLACE)).toThrow(SecretUnreadableError);
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed, PLACE)).toThrow(SecretUnreadableError);
    expect(() => box.decrypt('plain text', PLACE)).toThrow(/not a sealed secret/);
  });

  it('a value opens only in the place it was sealed for: moved to another customer, it does not', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.encrypt('secret', pppoePasswordPlace('WD-000001'));
    expect(() => box.decrypt(sealed, pppoePasswordPlace('WD-000002'))).toThrow(SecretUnreadableError);
    expect(box.decrypt(sealed, pppoePasswordPlace('WD-000001'))).toBe('secret');
  });

  it('refuses a truncated tag, which GCM would otherwise check only as far as it goes', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.encrypt('secret', PLACE);
    for (const bytes of [15, 12, 8, 4]) {
      const truncated = withPart(sealed, 2, (tag) => tag.subarray(0, bytes));
      expect(() => box.decrypt(truncated, PLACE), `${bytes}-byte tag`).toThrow(/16-byte tag/);
    }
  });

  it('refuses an IV that is not 12 bytes', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.encrypt('secret', PLACE);
    expect(() =>
      box.decrypt(
        withPart(sealed, 1, (iv) => Buffer.concat([iv, Buffer.alloc(4)])),
        PLACE,
      ),
    ).toThrow(/12-byte IV/);
  });

  it('reads a v1 value only to re-seal it: decrypt() wants v2', () => {
    const key = randomBytes(32);
    const box = new SecretBox(key);
    const old = sealV1(key, 'from before');
    expect(SecretBox.isLegacy(old)).toBe(true);
    expect(box.decryptLegacy(old)).toBe('from before');
    expect(() => box.decrypt(old, PLACE)).toThrow(/re-sealed/);
    expect(() => box.decryptLegacy(box.encrypt('new', PLACE))).toThrow(/not a v1/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
