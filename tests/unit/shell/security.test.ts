import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isTrustedSender,
  windowOptions,
} from '../../../src-main/shell/security';

const FILE_ENTRY = 'file:///opt/WispDesk/resources/app.asar/out/renderer/index.html';
const DEV_ENTRY = 'http://localhost:5173/';

describe('windowOptions', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, the given preload', () => {
    const options = windowOptions('/opt/WispDesk/out/preload/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/WispDesk/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('allows scripts only from the app itself', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });

  it('blocks plugins, base-tag hijacks, form posts and framing', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('talks to no other server', () => {
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});

describe('isTrustedSender', () => {
  it('trusts exactly the bundled file, with any hash or query', () => {
    expect(isTrustedSender(FILE_ENTRY, FILE_ENTRY)).toBe(true);
    expect(isTrustedSender(`${FILE_ENTRY}#/customers/12`, FILE_ENTRY)).toBe(true);
    expect(isTrustedSender(`${FILE_ENTRY}?x=1`, FILE_ENTRY)).toBe(true);
  });

  it.each([
    'file:///opt/WispDesk/resources/app.asar/out/renderer/other.html',
    'file:///tmp/evil.html',
    'file:///opt/WispDesk/resources/app.asar/out/renderer/index.html.evil',
    'https://evil.example/',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'not a url',
    '',
    undefined,
  ])('refuses %j when the app runs from a file', (url) => {
    expect(isTrustedSender(url, FILE_ENTRY)).toBe(false);
  });

  it('in development trusts the dev server origin only', () => {
    expect(isTrustedSender('http://localhost:5173/customers', DEV_ENTRY)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', DEV_ENTRY)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', DEV_ENTRY)).toBe(false);
    expect(isTrustedSender('http://localhost.evil.example:5173/', DEV_ENTRY)).toBe(false);
    expect(isTrustedSender('http://evil.example/?http://localhost:5173/', DEV_ENTRY)).toBe(false);
    expect(isTrustedSender(FILE_ENTRY, DEV_ENTRY)).toBe(false);
  });

  it('refuses everything when the entry itself is not a URL', () => {
    expect(isTrustedSender(FILE_ENTRY, 'not a url')).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays inside the app', () => {
    expect(isAllowedNavigation(`${FILE_ENTRY}#/plans`, FILE_ENTRY)).toBe(true);
    expect(isAllowedNavigation('https://wispdesk.example/help', FILE_ENTRY)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', FILE_ENTRY)).toBe(false);
  });
});
