import type { IndexHtmlTransformContext } from 'vite';
import { PAGE_POLICY } from '../src/shared/content-security-policy';

/** Vite's HMR socket, on the development server's host (Vite picks the port). */
const HMR_SOCKET = 'ws://localhost:* ws://127.0.0.1:*';

/**
 * Writes the app's policy into index.html's <meta> (one description: src/shared's), and while Vite
 * serves the page in development, lets its HMR socket connect. A build never carries that exception.
 */
export function pagePolicy() {
  return {
    name: 'duban-page-policy',
    transformIndexHtml: {
      order: 'pre' as const,
      handler: (html: string, context: Pick<IndexHtmlTransformContext, 'server'>): string => {
        const policy = context.server ? PAGE_POLICY.replace("connect-src 'self'", `connect-src 'self' ${HMR_SOCKET}`) : PAGE_POLICY;
        return html.replace('%DUBAN_PAGE_POLICY%', policy);
      },
    },
  };
}
