// The process statementImportCrash.test.ts kills: opens the app on a data dir with a fixed
// "today", says "ready", and on "go" (a line on stdin) commits the statement import in the JSON
// file given, through the same channel the UI calls, until done or killed.
// Usage: node statementImportCrashChild.cjs <dataDir> <today> <commitInput.json>
import { readFileSync } from 'node:fs';
import { createApp } from '../../../src-main/app';

const [dataDir, today, inputFile] = process.argv.slice(2) as [string, string, string];
const app = createApp({ dataDir, host: 'browser', clock: () => new Date(`${today}T06:30:00Z`) });
const input = JSON.parse(readFileSync(inputFile, 'utf8')) as unknown;

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void app.registry.invoke('payments.importCommit', input).then((result) => {
    app.close();
    if (!result.ok) {
      process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`done ${(result.value as { recorded: number }).recorded}\n`);
    process.exit(0);
  });
});
