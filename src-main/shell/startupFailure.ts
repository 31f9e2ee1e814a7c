// What the operator is told when the back end cannot start: what happened and what to do.
// Pure, so both hosts (the desktop dialog, browser mode's console) say the same thing.
import { SecretKeyError } from '../secrets/secretKeyError';

export type StartupFailureCause =
  | 'newer_database'
  | 'edited_migration'
  | 'broken_references'
  | 'locked_database'
  | 'damaged_database'
  | 'no_access'
  | 'key_missing'
  | 'key_wrong'
  | 'key_locked'
  | 'unknown';

export interface StartupFailure {
  cause: StartupFailureCause;
  title: string;
  message: string;
}

export interface StartupPlaces {
  /** The full path of the SQLite file. */
  databaseFile: string;
  /** Where the full error was logged, if anywhere. */
  logFile?: string;
}

const SQLITE_LOCKED = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const SQLITE_DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const NO_ACCESS = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_FULL', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1') : '';
}

/** migrate.ts's MigrationError says why; older builds said it only in words. */
function migrationReason(error: unknown, text: string): string | undefined {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string') return reason;
  if (/does not know: it is newer than the app/.test(text)) return 'newer_database';
  if (/was edited after it was applied/.test(text)) return 'edited_migration';
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function describeStartupFailure(error: unknown, places: StartupPlaces): StartupFailure {
  const db = places.databaseFile;
  const seeLog = places.logFile ? ` The details are in ${places.logFile}.` : '';
  const text = messageOf(error);
  const code = codeOf(error);
  const migration = migrationReason(error, text);

  if (error instanceof SecretKeyError) {
    const key = error.keyFile;
    if (error.problem === 'missing')
      return {
        cause: 'key_missing',
        title: 'The encryption key of this database is missing',
        message:
          `${db} holds encrypted passwords, but its key file ${key} is missing. ` +
          `Put back the secret.key that belongs to this database (the one backed up with it) as ${key}, ` +
          'then start WispDesk again. No new key was made: it could never open the stored passwords.',
      };
    if (error.problem === 'wrong')
      return {
        cause: 'key_wrong',
        title: 'The encryption key does not belong to this database',
        message:
          `The key file ${key} cannot open the passwords stored in ${db}: it is another database's key. ` +
          `Put back the secret.key that belongs to this database (the one backed up with it) as ${key}, ` +
          'then start WispDesk again.',
      };
    return {
      cause: 'key_locked',
      title: 'The encryption key cannot be unlocked',
      message:
        `The key file ${key} is locked with the login keyring of the computer and user that set WispDesk up, ` +
        'and cannot be unlocked here. Start WispDesk as that user on that computer, or put back the secret.key ' +
        `that belongs to ${db} (the one backed up with it) as ${key}, then start WispDesk again.`,
    };
  }
  if (migration === 'newer_database')
    return {
      cause: 'newer_database',
      title: 'This database is from a newer WispDesk',
      message:
        `${db} was last opened by a newer version of WispDesk, which changed it in ways this version does not know. ` +
        'Install the newer WispDesk (the version that last opened it, or a later one) and start it again. ' +
        'Nothing was changed.',
    };
  if (migration === 'edited_migration')
    return {
      cause: 'edited_migration',
      title: 'This database was changed by a different build of WispDesk',
      message:
        `${db} was upgraded by a build of WispDesk whose database changes differ from this one's (${text}). ` +
        'Restore a backup of the database made by this version, or install the build that last opened it. ' +
        'Nothing was changed.',
    };
  if (migration === 'broken_references')
    return {
      cause: 'broken_references',
      title: 'WispDesk could not upgrade this database',
      message:
        `Upgrading ${db} would have left records pointing at records that do not exist (${text}). ` +
        'Restore a backup of the database, or keep using the previous version of WispDesk until this is fixed.' +
        seeLog,
    };
  if (SQLITE_LOCKED.has(code))
    return {
      cause: 'locked_database',
      title: 'The database is in use by another program',
      message:
        `Another program is holding ${db} (a database viewer, a backup or sync tool, or WispDesk started by ` +
        'another user). Close that program and start WispDesk again.',
    };
  if (SQLITE_DAMAGED.has(code))
    return {
      cause: 'damaged_database',
      title: 'The database is damaged',
      message: `${db} is damaged or is not a WispDesk database (${text}). Restore a backup of it and start WispDesk again.`,
    };
  if (NO_ACCESS.has(code))
    return {
      cause: 'no_access',
      title: 'WispDesk cannot write its data folder',
      message:
        `WispDesk could not open ${db} for writing (${text}). Check that the folder exists, that this user may ` +
        `write to it, and that the disk is not full; then start WispDesk again.${seeLog}`,
    };
  return {
    cause: 'unknown',
    title: 'WispDesk could not start',
    message: `WispDesk could not start with ${db}: ${text}.${seeLog}`,
  };
}
