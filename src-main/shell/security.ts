// The hardened Electron shell's pure parts, unit-tested without an Electron binary.
import type { BrowserWindowConstructorOptions } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes inline style attributes; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'WispDesk',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/**
 * Only our own page may call the back end: the bundled file, or the dev server in development.
 * Anything else (a navigated-away page, an injected frame) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, rendererEntry: string): boolean {
  if (!frameUrl) return false;
  let url: URL;
  let entry: URL;
  try {
    url = new URL(frameUrl);
    entry = new URL(rendererEntry);
  } catch {
    return false;
  }
  if (entry.protocol === 'file:') return url.protocol === 'file:' && url.pathname === entry.pathname;
  return url.origin === entry.origin;
}

/** In-app navigation never leaves the app; new windows are never opened. */
export function isAllowedNavigation(targetUrl: string, rendererEntry: string): boolean {
  return isTrustedSender(targetUrl, rendererEntry);
}
