import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagePolicy } from '../../scripts/page-policy';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';

const INDEX = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'renderer', 'index.html'), 'utf8');

/** The policy the page's <meta> carries, as Vite writes it into index.html. */
const metaPolicy = (serving: boolean): string => {
  const html = pagePolicy().transformIndexHtml.handler(INDEX, { server: serving ? ({} as never) : undefined });
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)![1]!;
};
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('the page’s content security policy', () => {
  it('is the one the shells send, in the built page (less frame-ancestors, which a <meta> cannot carry)', () => {
    expect(metaPolicy(false)).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('lets the development server’s HMR socket connect while developing, and only then', () => {
    expect(directive(metaPolicy(true), 'connect-src')).toBe("connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    expect(directive(metaPolicy(false), 'connect-src')).toBe("connect-src 'self'");
  });
});
