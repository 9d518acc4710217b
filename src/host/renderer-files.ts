import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

/**
 * A file of the built screens, for the shells that serve them (Electron's app scheme, the browser
 * bridge): only files inside the renderer's folder, always with the content security policy.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RendererFile {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** The file at the URL path `pathname`, or null when there is none or it lies outside `rendererDir`. */
export async function readRendererFile(rendererDir: string, pathname: string): Promise<RendererFile | null> {
  const file = join(rendererDir, normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
  if (!file.startsWith(rendererDir + sep)) return null;
  try {
    const body = await readFile(file);
    return { body, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY } };
  } catch {
    return null;
  }
}
