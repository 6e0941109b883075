import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedPermission, isAllowedRequest, isAppUrl, isTrustedSender, secureWebPreferences } from './security.js';

const rendererDir = '/opt/app/dist/app/renderer';
const page = pathToFileURL(join(rendererDir, 'index.html')).href;

describe('content security policy', () => {
  it('GIVEN the policy WHEN read THEN it has every directive the app needs, and nothing that loads remote code', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives).toMatchObject({
      'default-src': "default-src 'self'",
      'script-src': "script-src 'self'",
      'style-src': "style-src 'self' 'unsafe-inline'",
      'img-src': "img-src 'self' data: blob:",
      'font-src': "font-src 'self' data:",
      'worker-src': "worker-src 'self' blob:",
      'connect-src': "connect-src 'self'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('web preferences', () => {
  it('GIVEN a window WHEN created THEN it is isolated, sandboxed, without Node, with web security', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});

describe('isAppUrl / isAllowedRequest', () => {
  it.each([
    [page, true],
    [pathToFileURL(join(rendererDir, 'assets/index-abc.js')).href, true],
    [`${page}?x=1#y`, true],
    [pathToFileURL('/opt/app/dist/app/renderer-evil/index.html').href, false],
    [pathToFileURL('/etc/passwd').href, false],
    ['file:///opt/app/dist/app/renderer/../main/index.js', false],
    ['file://evil-host/opt/app/dist/app/renderer/index.html', false],
    ['https://example.com/', false],
    ['not a url', false],
  ])('GIVEN %s THEN app url is %s', (url, expected) => {
    expect(isAppUrl(url, rendererDir)).toBe(expected);
  });

  it('GIVEN what the page makes itself WHEN requested THEN allowed; the network never', () => {
    expect(isAllowedRequest('blob:file:///1234', rendererDir)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AA==', rendererDir)).toBe(true);
    expect(isAllowedRequest('http://localhost:5173/', rendererDir)).toBe(false);
    expect(isAllowedRequest('https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js', rendererDir)).toBe(false);
  });

  it('GIVEN permissions WHEN requested THEN only clipboard writes are granted', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isAllowedPermission(permission)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const trusted = { webContentsId: 7, rendererDir };
  it('GIVEN the app window main frame on its own page WHEN it calls THEN trusted', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: page, parent: null } }, trusted)).toBe(true);
  });

  it.each([
    { name: 'another webContents', event: { sender: { id: 8 }, senderFrame: { url: page, parent: null } } },
    { name: 'a subframe', event: { sender: { id: 7 }, senderFrame: { url: page, parent: {} } } },
    { name: 'a remote page', event: { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } } },
    { name: 'a destroyed frame', event: { sender: { id: 7 }, senderFrame: null } },
  ])('GIVEN $name WHEN it calls THEN not trusted', ({ event }) => {
    expect(isTrustedSender(event, trusted)).toBe(false);
  });

  it('GIVEN no window yet WHEN anything calls THEN not trusted', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: page, parent: null } }, { webContentsId: undefined, rendererDir })).toBe(false);
  });
});
