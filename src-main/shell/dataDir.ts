import { homedir } from 'node:os';
import { join } from 'node:path';

/** Browser mode's data folder: $XDG_DATA_HOME/wispdesk, else ~/.local/share/wispdesk. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'wispdesk');
}
