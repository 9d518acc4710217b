/**
 * The Content-Security-Policy of every page of the app, in Electron and behind the browser bridge:
 * its own scripts and styles only, no eval, no remote source of any kind.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as the page's own <meta> carries it: frame-ancestors is ignored there, and Chromium says so in the console. */
export const PAGE_POLICY = DIRECTIVES.join('; ');

/** The policy as the shells send it with every file. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
