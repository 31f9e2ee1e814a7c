import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';

export type Log = (message: string, error: unknown) => void;

/**
 * The desktop app's log: a packaged app has no console to read, so every line also goes to a
 * file (Electron's logs folder). A log that cannot be written never breaks the app.
 */
export function fileLogger(file: string, echo: (line: string) => void = (line) => console.error(line)): Log {
  return (message, error) => {
    const detail = error === null || error === undefined ? '' : ` ${inspect(error)}`;
    const line = `${new Date().toISOString()} ${message}${detail}`;
    echo(line);
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // The console line above is all we can do.
    }
  };
}
