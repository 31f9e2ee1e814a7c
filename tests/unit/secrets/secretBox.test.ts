import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src-main/secrets/secretBox';
import { tempDir } from '../helpers';

describe('SecretBox', () => {
  it('round-trips any text, including empty and non-ASCII', () => {
    const box = new SecretBox(randomBytes(32));
    for (const plain of ['', 'pppoe-pw', 'पासवर्ड 😀', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plain))).toBe(plain);
    }
  });

  it('never reuses an IV (AES-GCM breaks if it does), across many pool refills', () => {
    const box = new SecretBox(randomBytes(32));
    const ivs = new Set<string>();
    const count = 4096 * 2 + 10;
    for (let i = 0; i < count; i++) ivs.add(box.encrypt('same').split(':')[1]!);
    expect(ivs.size).toBe(count);
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.encrypt('secret');
    const [v, iv, tag, body] = sealed.split(':');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0]! ^= 1;
    expect(() => box.decrypt([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow();
    expect(() => box.decrypt('plain text')).toThrow(/not a sealed secret/);
  });

  it('keeps one owner-only key file per data dir, reused after a restart', () => {
    const dir = tempDir();
    const sealed = SecretBox.inDataDir(dir).encrypt('kept');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(SecretBox.inDataDir(dir).decrypt(sealed)).toBe('kept');
    expect(() => SecretBox.inDataDir(tempDir()).decrypt(sealed)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
