// The Electron shell's wiring, with `electron` replaced by plain objects: no Electron binary is needed.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src-main/app';

type Listener = (...args: unknown[]) => unknown;

const shell = vi.hoisted(() => {
  const userData = { dir: '', isPackaged: true };
  const appListeners = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; instance: Record<string, unknown> }[] = [];
  const webContentsListeners = new Map<string, Listener>();
  const state = {
    windowOpenHandler: null as null | Listener,
    ipcHandlers: new Map<string, Listener>(),
    onHeadersReceived: null as null | Listener,
    permissionHandler: null as null | Listener,
    loadedUrl: '',
    sent: [] as unknown[][],
    showErrorBox: vi.fn(),
    exit: vi.fn(),
  };
  return { userData, appListeners, windows, webContentsListeners, state };
});

vi.mock('electron', () => {
  const { userData, appListeners, windows, webContentsListeners, state } = shell;
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: Listener) => {
        state.windowOpenHandler = handler;
      },
      on: (event: string, listener: Listener) => webContentsListeners.set(event, listener),
      send: (...args: unknown[]) => state.sent.push(args),
    };
    constructor(options: Record<string, unknown>) {
      windows.push({ options, instance: this as unknown as Record<string, unknown> });
    }
    once() {}
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    loadURL(url: string) {
      state.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      getPath: (name: string) => {
        if (name === 'userData') return userData.dir;
        if (name === 'logs') return `${userData.dir}/logs`;
        throw new Error(`unexpected getPath(${name})`);
      },
      get isPackaged() {
        return userData.isPackaged;
      },
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      exit: state.exit,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      enableSandbox: vi.fn(),
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow,
    dialog: { showErrorBox: state.showErrorBox },
    // The operating system's keyring, faked: reversible, and visibly not the plain key.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`os:${Buffer.from(text).toString('hex')}`),
      decryptString: (wrapped: Buffer) => Buffer.from(wrapped.toString().slice(3), 'hex').toString(),
    },
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler) },
    Menu: { setApplicationMenu: vi.fn() },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: Listener) => {
            state.onHeadersReceived = listener;
          },
        },
        setPermissionRequestHandler: (handler: Listener) => {
          state.permissionHandler = handler;
        },
      },
    },
  };
});

const { state, windows, webContentsListeners, appListeners } = shell;

beforeAll(async () => {
  shell.userData.dir = mkdtempSync(join(tmpdir(), 'wispdesk-electron-'));
  // A packaged app: a dev-server URL left in the environment must be ignored.
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
  const electron = await import('electron');
  await import('../../src-main/main');
  // main.ts starts the back end once app.whenReady() resolves.
  await vi.waitFor(() => expect(state.ipcHandlers.has('rpc')).toBe(true));
  expect(electron.app.enableSandbox).toHaveBeenCalled();
  userDataDirs.push(shell.userData.dir);
  quitFirstApp = appListeners.get('will-quit');
});

let quitFirstApp: Listener | undefined;
const userDataDirs: string[] = [];

afterAll(() => {
  delete process.env.ELECTRON_RENDERER_URL;
  quitFirstApp?.();
  for (const dir of userDataDirs) rmSync(dir, { recursive: true, force: true });
});

function rpc(frameUrl: string | undefined, channel: unknown, input: unknown) {
  const handler = state.ipcHandlers.get('rpc')!;
  return Promise.resolve(handler({ senderFrame: frameUrl === undefined ? null : { url: frameUrl } }, channel, input));
}

describe('Electron main process wiring', () => {
  it('opens one hardened window with the preload script', () => {
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload[/\\]preload\.cjs$/);
    expect(state.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it('keeps the key file wrapped by the operating system keyring, in an owner-only folder', () => {
    const file = JSON.parse(readFileSync(join(shell.userData.dir, 'secret.key'), 'utf8')) as {
      wrapped: boolean;
      key: string;
    };
    expect(file.wrapped).toBe(true);
    expect(Buffer.from(file.key, 'base64').toString()).toMatch(/^os:[0-9a-f]+$/);
    expect(statSync(shell.userData.dir).mode & 0o777).toBe(0o700);
  });

  it('a packaged app loads its own file even when ELECTRON_RENDERER_URL is set', () => {
    expect(process.env.ELECTRON_RENDERER_URL).toBe('http://localhost:5173/');
    expect(state.loadedUrl).not.toContain('localhost');
    expect(state.showErrorBox).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    expect(state.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(state.windowOpenHandler!({ url: state.loadedUrl })).toEqual({ action: 'deny' });
  });

  it('prevents navigation away from the app, allows its own page', () => {
    const navigate = webContentsListeners.get('will-navigate')!;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:4310/']) {
      const event = { preventDefault: vi.fn() };
      navigate(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const own = { preventDefault: vi.fn() };
    navigate(own, state.loadedUrl);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents webviews from attaching', () => {
    const event = { preventDefault: vi.fn() };
    webContentsListeners.get('will-attach-webview')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('sets the Content-Security-Policy header on every response, keeping the others', () => {
    const callback = vi.fn();
    state.onHeadersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['X-Other']).toEqual(['1']);
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('refuses every permission request', () => {
    const callback = vi.fn();
    state.permissionHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('the rpc handler refuses a sender frame that is not the renderer entry', async () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/other.html',
      'http://localhost:5173/',
      'not a url',
      '',
      undefined,
    ]) {
      const result = await rpc(url, 'customers.create', { name: 'Injected', pppoeUsername: 'inj' });
      expect(result, String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const count = await rpc(state.loadedUrl, 'customers.countByStatus', {});
    expect(count).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('answers the renderer entry through the real registry and relays events to the window', async () => {
    const info = await rpc(state.loadedUrl, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: shell.userData.dir } });
    const frameWithHash = `${state.loadedUrl}#/customers`;
    const created = await rpc(frameWithHash, 'customers.create', { name: 'Via IPC', pppoeUsername: 'ipc1' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Via IPC' } });
    expect(state.sent).toContainEqual(['event', 'customers.changed', { ids: [expect.any(Number)] }]);
    expect(await rpc(state.loadedUrl, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});

describe('Electron main process logging', () => {
  it('logs a slow channel to the console and to the log file in the logs folder', async () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    let printed: unknown[][];
    try {
      expect(await rpc(state.loadedUrl, 'app.info', {})).toMatchObject({ ok: true });
      printed = [...console.mock.calls];
    } finally {
      clock.mockRestore();
      console.mockRestore();
    }
    expect(printed).toContainEqual([expect.stringMatching(/slow channel app\.info: 100\.0 ms/)]);
    const logged = readFileSync(join(shell.userData.dir, 'logs', 'wispdesk.log'), 'utf8');
    expect(logged).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z slow channel app\.info: 100\.0 ms$/m);
  });
});

describe('Electron main process when the back end cannot start', () => {
  async function launchOn(prepare: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'wispdesk-electron-broken-'));
    userDataDirs.push(dir);
    prepare(dir);
    shell.userData.dir = dir;
    state.showErrorBox.mockClear();
    state.exit.mockClear();
    const windowsBefore = windows.length;
    vi.resetModules();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await import('../../src-main/main');
      await vi.waitFor(() => expect(state.exit).toHaveBeenCalled());
    } finally {
      quiet.mockRestore();
    }
    expect(windows.length, 'no window for a back end that is not there').toBe(windowsBefore);
    return dir;
  }

  it('a database from a newer WispDesk: an error dialog says to install the newer app, then exit(1)', async () => {
    const dir = await launchOn((d) => {
      const db = new Database(join(d, 'wispdesk.sqlite'));
      db.exec(`CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL);
               INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'x', '2030-01-01T00:00:00Z');`);
      db.close();
    });
    expect(state.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = state.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/newer WispDesk/);
    expect(message).toContain(join(dir, 'wispdesk.sqlite'));
    expect(message).toMatch(/Install the newer WispDesk/);
    expect(state.exit).toHaveBeenCalledWith(1);
    expect(readFileSync(join(dir, 'logs', 'wispdesk.log'), 'utf8')).toMatch(
      /WispDesk could not start.*newer than the app/s,
    );
  });

  it('a database restored without its key: the dialog names the key file to put back', async () => {
    const dir = await launchOn((d) => {
      // The key check is in the database, so it wants its own key back.
      createApp({ dataDir: d, host: 'electron' }).close();
      rmSync(join(d, 'secret.key'));
    });
    const [title, message] = state.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/key/);
    expect(message).toContain(join(dir, 'secret.key'));
    expect(message).toMatch(/Put back the secret\.key that belongs to this database/);
    expect(state.exit).toHaveBeenCalledWith(1);
  });
});
