import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const LISTENING = /WispDesk listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

export interface WispDeskServer {
  /** The printed start-up link: the app page, which keeps its token for the tab (sessionStorage, no cookie). */
  url: string;
  dataDir: string;
}

interface ServerOptions {
  /** Start the server with --demo: a demo ISP in the fresh data dir. */
  demo: boolean;
}

/** Starts `node out/main/serve.js` on a fresh data dir and a free port; resolves with the printed link. */
export function startServer(dataDir: string, demo: boolean): Promise<{ child: ChildProcess; url: string }> {
  const args = ['out/main/serve.js', '--data-dir', dataDir, '--port', '0', ...(demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`WispDesk did not start within 30 s:\n${output}`)), 30_000);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill();
      reject(error);
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`WispDesk exited with code ${code} before listening:\n${output}`)));
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<ServerOptions & { server: WispDeskServer }>({
  demo: [false, { option: true }],
  server: async ({ demo }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wispdesk-e2e-'));
    const { child, url } = await startServer(dataDir, demo);
    try {
      await use({ url, dataDir });
    } finally {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
