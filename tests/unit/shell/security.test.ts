import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  isAllowedNavigation,
  isTrustedSender,
  rendererEntryFor,
  windowOptions,
  withCspMetaTag,
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

describe('the Content-Security-Policy meta tag of the built page', () => {
  const source = readFileSync(join(__dirname, '../../../src-renderer/index.html'), 'utf8');
  const metaPolicy = (html: string): string[] =>
    [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) =>
      m[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
    );

  async function transformedByTheBuild(html: string): Promise<string> {
    const { default: config } = await import('../../../electron.vite.config');
    const plugins = (config as { renderer: { plugins: unknown[] } }).renderer.plugins.flat() as {
      name?: string;
      transformIndexHtml?: (html: string) => string;
    }[];
    const csp = plugins.find((p) => p.name === 'wispdesk-csp-meta');
    expect(csp, 'the renderer build runs the CSP plugin').toBeDefined();
    return csp!.transformIndexHtml!(html);
  }

  it('index.html has no hand-written policy of its own', () => {
    expect(metaPolicy(source)).toEqual([]);
  });

  it('the renderer build writes CONTENT_SECURITY_POLICY into the page, right after the charset', async () => {
    const built = await transformedByTheBuild(source);
    // Exactly the header's policy, less frame-ancestors: a browser ignores that one in a meta tag.
    expect(metaPolicy(built)).toEqual([CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')]);
    expect(metaPolicy(built)).toEqual([CONTENT_SECURITY_POLICY_META]);
    expect(built.indexOf('Content-Security-Policy')).toBeGreaterThan(built.indexOf('<meta charset'));
    expect(built.indexOf('Content-Security-Policy')).toBeLessThan(built.indexOf('<script'));
  });

  it('refuses a page that brings its own policy: two definitions could differ', () => {
    expect(() =>
      withCspMetaTag('<head><meta http-equiv="Content-Security-Policy" content="default-src *"></head>'),
    ).toThrow(/own Content-Security-Policy/);
  });
});

describe('rendererEntryFor', () => {
  const FILE = 'file:///opt/WispDesk/out/renderer/index.html';
  it('honours ELECTRON_RENDERER_URL only in development', () => {
    expect(rendererEntryFor(DEV_ENTRY, false, FILE)).toBe(DEV_ENTRY);
    expect(rendererEntryFor(DEV_ENTRY, true, FILE)).toBe(FILE);
    expect(rendererEntryFor('https://evil.example/', true, FILE)).toBe(FILE);
    expect(rendererEntryFor(undefined, false, FILE)).toBe(FILE);
    expect(rendererEntryFor('', false, FILE)).toBe(FILE);
  });
});
