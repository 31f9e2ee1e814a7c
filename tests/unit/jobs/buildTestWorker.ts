// Builds testWorker.ts the way electron-vite builds the app's jobs worker (a Vite SSR bundle,
// dependencies left to node_modules), so tests run the real worker boundary.
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(__dirname, '../../..');

/** Returns the built file; the caller removes its folder when done. */
export async function buildTestWorker(): Promise<string> {
  // Inside the repository, so the bundle finds node_modules (better-sqlite3, zod) as the app's does.
  const outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/wispdesk-jobs-worker-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, 'tests/unit/jobs/testWorker.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'testJobsWorker.cjs' } },
    },
  });
  return join(outDir, 'testJobsWorker.cjs');
}
