import { fileURLToPath } from 'node:url';
import { isAbsolute, relative } from 'node:path';

/** The renderer's Content Security Policy: only the app's own files; inline styles for React Flow and Monaco; blob workers for Monaco. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // No frame-ancestors: browsers ignore it in a meta tag, the only way a file: page gets a policy.
].join('; ');

/** The web preferences of every window: no Node, isolated and sandboxed preload, web security on. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** True when `url` is a `file:` URL of a file inside `rendererDir` (the built renderer). */
export function isAppUrl(url: string, rendererDir: string): boolean {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const inside = relative(rendererDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Whether the page may load `url` at all. The app's own files, and what the page makes itself
 * (data:, blob: for Monaco's workers, devtools); nothing from a network.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')) return true;
  return isAppUrl(url, rendererDir);
}

/** Permissions the page may get: writing to the clipboard (copy in the canvas and editor). Everything else is denied. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/** The IPC sender check: the app's own window, showing the app's own files, from its main frame. */
export function isTrustedSender(
  event: { sender: { id: number }; senderFrame?: { url: string; parent: unknown } | null },
  trusted: { webContentsId: number | undefined; rendererDir: string },
): boolean {
  if (trusted.webContentsId === undefined || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, trusted.rendererDir);
}
