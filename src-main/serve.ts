// Browser mode: the same back end as the desktop app, served on 127.0.0.1 to a local browser.
//   npm run serve -- [--data-dir DIR] [--port N] [--demo]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, DATABASE_FILE } from './app';
import { loadDemoIsp } from './demo/demoIsp';
import { startHttpHost } from './rpc/httpTransport';
import { defaultDataDir } from './shell/dataDir';
import { describeStartupFailure } from './shell/startupFailure';

/** Known once the arguments are read: a start-up failure names it. */
let databaseFile: string | undefined;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '4310' },
      demo: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  databaseFile = join(dataDir, DATABASE_FILE);
  const app = createApp({
    dataDir,
    host: 'browser',
    slowMs: 40,
    log: (m, e) => console.error(m, e ?? ''),
    jobWorkerFile: join(__dirname, 'jobsWorker.js'),
  });
  if (values.demo) {
    if (app.services.customers.count() === 0 && app.services.plans.list().length === 0) {
      const summary = loadDemoIsp(app);
      console.error(`Loaded the demo ISP: ${summary.plans} plans, ${summary.customers} customers`);
    } else {
      console.error('--demo: the data dir already has data, so the demo was not loaded');
    }
  }
  const host = await startHttpHost({
    registry: app.registry,
    events: app.events,
    staticDir: resolve(__dirname, '../renderer'),
    port,
  });
  console.error(`Data: ${join(dataDir, DATABASE_FILE)}`);
  console.log(`WispDesk listening on ${host.url}`);
  const stop = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      'That port is already in use (is WispDesk already running?). Pass another with --port N, or --port 0.',
    );
  } else if (databaseFile) {
    // The same words as the desktop app's dialog: what happened, and what to do.
    const failure = describeStartupFailure(error, { databaseFile });
    if (failure.cause === 'unknown') console.error(error);
    console.error(`${failure.title}.\n${failure.message}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
