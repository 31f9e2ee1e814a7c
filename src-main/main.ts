// Electron entry: one window, the hardened shell, the IPC transport. Kept thin:
// everything else lives in app.ts and the domain folders, shared with browser mode.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import { createApp, DATABASE_FILE, type App } from './app';
import { safeStorageKeyWrap } from './shell/keyWrap';
import { fileLogger, type Log } from './shell/log';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isTrustedSender,
  rendererEntryFor,
  windowOptions,
} from './shell/security';
import { describeStartupFailure } from './shell/startupFailure';

const rendererEntry = rendererEntryFor(
  process.env.ELECTRON_RENDERER_URL,
  app.isPackaged,
  pathToFileURL(join(__dirname, '../renderer/index.html')).toString(),
);

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

/**
 * A PDF in its own window: Chromium's viewer has Print (the system dialog, with "Save as PDF")
 * and Save. The file goes to a private folder under the data dir; the window has no preload,
 * no Node and may open or fetch nothing.
 */
function openPdf(filename: string, bytes: Buffer): void {
  const folder = join(app.getPath('userData'), 'print');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, filename);
  writeFileSync(file, bytes, { mode: 0o600 });
  const viewer = new BrowserWindow({
    width: 900,
    height: 1000,
    title: filename,
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, plugins: true },
  });
  viewer.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  viewer.webContents.on('will-navigate', (event) => event.preventDefault());
  void viewer.loadURL(pathToFileURL(file).toString());
}

function start(log: Log): void {
  backEnd = createApp({
    dataDir: app.getPath('userData'),
    host: 'electron',
    slowMs: 40,
    log,
    keyWrap: safeStorageKeyWrap(safeStorage),
    jobWorkerFile: join(__dirname, 'jobsWorker.js'),
    openPdf,
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

/** Without this, a failed start leaves an invisible process holding the single-instance lock. */
function failedToStart(error: unknown, log: Log, logFile: string): void {
  log('WispDesk could not start', error);
  const databaseFile = join(app.getPath('userData'), DATABASE_FILE);
  const { title, message } = describeStartupFailure(error, { databaseFile, logFile });
  dialog.showErrorBox(title, message);
  try {
    backEnd?.close();
  } finally {
    backEnd = null;
    app.exit(1);
  }
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
  void app.whenReady().then(() => {
    const logFile = join(app.getPath('logs'), 'wispdesk.log');
    const log = fileLogger(logFile);
    try {
      start(log);
    } catch (error) {
      failedToStart(error, log, logFile);
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backEnd?.close());
}
