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

// Browsers ignore these in a meta tag (and log an error on every load): they work only as a header.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** CONTENT_SECURITY_POLICY as a meta tag can carry it: the same directives, less the header-only ones. */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !HEADER_ONLY_DIRECTIVES.has(directive.split(' ')[0]!))
  .join('; ');

/**
 * The built index.html carries the same policy as a meta tag (a file:// page gets no response
 * header), written from CONTENT_SECURITY_POLICY at build time so the two can never differ.
 * electron.vite.config.ts runs this as the renderer's transformIndexHtml.
 */
export function withCspMetaTag(html: string): string {
  if (/http-equiv=["']?Content-Security-Policy/i.test(html))
    throw new Error('index.html has its own Content-Security-Policy meta tag: remove it, the build writes one');
  const content = CONTENT_SECURITY_POLICY_META.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${content}" />`;
  // Right after the charset (which must come first), before anything the policy governs.
  const anchor = [/<meta charset[^>]*>/i, /<head>/i].find((re) => re.test(html));
  if (!anchor) throw new Error('index.html has no <head> for the Content-Security-Policy');
  return html.replace(anchor, (found) => `${found}\n    ${tag}`);
}

/** The dev server's URL is honoured only in development: a packaged app always loads its own file. */
export function rendererEntryFor(devServerUrl: string | undefined, isPackaged: boolean, bundledFile: string): string {
  return !isPackaged && devServerUrl ? devServerUrl : bundledFile;
}

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
