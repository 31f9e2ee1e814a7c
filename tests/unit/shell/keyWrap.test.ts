import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeStorageKeyWrap } from '../../../src-main/shell/keyWrap';

function keyring(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(`os:${Buffer.from(text).toString('hex')}`),
    decryptString: (wrapped: Buffer) => Buffer.from(wrapped.toString().slice(3), 'hex').toString(),
  };
}

describe('safeStorageKeyWrap', () => {
  it('wraps and unwraps the key where the operating system can lock it', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const wrap = safeStorageKeyWrap(keyring(true), platform)!;
      const key = randomBytes(32);
      const wrapped = wrap.wrap(key);
      expect(wrapped.includes(key)).toBe(false);
      expect(wrap.unwrap(wrapped).equals(key)).toBe(true);
    }
  });

  it("leaves the key plain where it cannot, or on Linux's fixed-password fallback", () => {
    expect(safeStorageKeyWrap(keyring(false), 'win32')).toBeUndefined();
    expect(safeStorageKeyWrap(keyring(true, 'basic_text'), 'linux')).toBeUndefined();
  });
});
