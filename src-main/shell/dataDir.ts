import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Browser mode's data folder: $XDG_DATA_HOME/wispdesk, else ~/.local/share/wispdesk. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'wispdesk');
}

/** What WispDesk itself keeps in its data folder. */
const OWN_FILE = /^(wispdesk\.sqlite(-wal|-shm|-journal)?|secret\.key(\..*\.tmp)?|logs)$/;

/**
 * Creates the data folder readable by its owner only (0700): it holds the customer database and
 * the key to its passwords. An existing folder is tightened when it is WispDesk's own: `owned`
 * (Electron's userData folder for this app), or holding nothing but WispDesk's files; a folder
 * the operator pointed --data-dir at that holds other things is left as it is.
 */
export function prepareDataDir(dir: string, { owned = false }: { owned?: boolean } = {}): void {
  const existed = existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existed || owned || readdirSync(dir).every((name) => OWN_FILE.test(name))) chmodSync(dir, 0o700);
}
