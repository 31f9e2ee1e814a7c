import type { SafeStorage } from 'electron';
import type { KeyWrap } from '../secrets/keyFile';

type Keyring = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The desktop app locks the key file with the operating system (DPAPI, the macOS Keychain, the
 * Linux login keyring) where it can. Not on Linux's `basic_text` fallback: it "encrypts" with a
 * fixed password, no better than the owner-only file, and would lock the key out if a keyring
 * appeared later. Call after app.whenReady().
 */
export function safeStorageKeyWrap(
  keyring: Keyring,
  platform: NodeJS.Platform = process.platform,
): KeyWrap | undefined {
  if (!keyring.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && keyring.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    wrap: (key) => keyring.encryptString(key.toString('base64')),
    unwrap: (wrapped) => Buffer.from(keyring.decryptString(wrapped), 'base64'),
  };
}
