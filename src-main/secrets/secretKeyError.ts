/** Why the key file beside the database cannot open its sealed secrets. */
export type SecretKeyProblem = 'missing' | 'wrong' | 'locked';

/**
 * The database holds secrets sealed with a key, and the key file beside it is missing, is another
 * database's key, or cannot be unlocked. Starting anyway would make every stored secret unreadable
 * (or seal new ones with a second key), so both hosts refuse to start and name the file.
 */
export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
  constructor(
    readonly problem: SecretKeyProblem,
    /** The full path of the key file that is missing, wrong or locked. */
    readonly keyFile: string,
    message: string,
  ) {
    super(message);
  }
}
