// Electron entry: one window, the hardened shell, the IPC transport. Kept thin:
// everything else lives in app.ts and the domain folders, shared with browser mode.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { createApp, type App } from './app';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSender, windowOptions } from './shell/security';

const rendererEntry =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

let backEnd: App | null = null;
let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/preload.cjs')));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, rendererEntry)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererEntry);
  return win;
}

function start(): void {
  backEnd = createApp({
    dataDir: app.getPath('userData'),
    host: 'electron',
    slowMs: 40,
    importWorkerFile: join(__dirname, 'importWorker.js'),
  });
  const registry = backEnd.registry;

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ipcMain.handle('rpc', (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererEntry)) {
      return { ok: false, error: { code: 'forbidden', message: 'Only the WispDesk window may call the back end' } };
    }
    return registry.invoke(String(channel), input);
  });
  backEnd.events.subscribe((name, payload) => window?.webContents.send('event', name, payload));

  Menu.setApplicationMenu(null);
  window = createWindow();
}

// One SQLite file has one writer: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.enableSandbox();
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backEnd?.close());
}
