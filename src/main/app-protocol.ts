import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

/**
 * The screens are served from `duban://app/`, a scheme of our own, rather than file://: a page of
 * the app can then read nothing but the built renderer.
 */
export const APP_SCHEME = 'duban';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built screens, and the document pages waiting to be printed (`printPage`) under their own policy. */
export function serveRenderer(rendererDir: string, printPage: (pathname: string) => string | undefined, printPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const page = url.host === 'app' ? printPage(url.pathname) : undefined;
    if (page !== undefined) return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': printPolicy } });
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(rendererDir, relative);
    if (url.host !== 'app' || !file.startsWith(rendererDir + sep)) return new Response('', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('', { status: 404 });
    }
  });
}
