import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { withCspMetaTag } from './src-main/shell/security';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // main.ts is the Electron entry; serve.ts is browser mode, the same back end without Electron.
        input: {
          main: resolve(__dirname, 'src-main/main.ts'),
          serve: resolve(__dirname, 'src-main/serve.ts'),
          // Jobs (imports, and the long writes to come) run on their own thread and connection (src-main/jobs).
          jobsWorker: resolve(__dirname, 'src-main/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    // One Content-Security-Policy: the meta tag is written from the constant the desktop app also sends as a header.
    plugins: [react(), { name: 'wispdesk-csp-meta', transformIndexHtml: withCspMetaTag }],
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
