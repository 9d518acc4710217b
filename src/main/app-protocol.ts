import { protocol } from 'electron';
import { readRendererFile } from '../host/renderer-files';

/**
 * The screens are served from `duban://app/`, a scheme of our own, rather than file://: a page of
 * the app can then read nothing but the built renderer.
 */
export const APP_SCHEME = 'duban';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

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
    const file = url.host === 'app' ? await readRendererFile(rendererDir, url.pathname) : null;
    return file ? new Response(file.body, { headers: file.headers }) : new Response('', { status: 404 });
  });
}
