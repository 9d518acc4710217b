import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CoreClient } from '../host/client';
import { readRendererFile } from '../host/renderer-files';
import { contractRoutes, dispatch } from '../host/routes';
import { decodeWire, encodeWire } from '../contract/wire';
import { browserPlatform } from './platform';

/**
 * The loopback bridge: the built screens and the contract over HTTP on 127.0.0.1, for a browser
 * on this machine (the tests, and a developer without Electron). Only a caller holding the random
 * token of this run can call the core; other hosts, and pages of other origins, cannot.
 */
export interface BridgeOptions {
  readonly rendererDir: string;
  readonly core: CoreClient;
  readonly port?: number;
  readonly version: string;
  /** The ledger offered on the welcome screen (`--open`), as the desktop app's file association does. */
  readonly launchFile?: string | null;
}

export interface Bridge {
  readonly server: Server;
  readonly url: string;
  readonly token: string;
  /** Stops listening and drops the connections still open. */
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        request.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const routes = contractRoutes(browserPlatform(options.version, options.launchFile ?? null), options.core.call);
  let origin = '';

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    const file = await readRendererFile(options.rendererDir, pathname);
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { ...file.headers, 'cache-control': 'no-store' });
    response.end(file.body);
  }

  async function serveCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // The token proves the caller is the page this run printed; the origin check stops other pages.
    const fromOrigin = request.headers.origin === undefined || request.headers.origin === origin;
    if (!sameToken(request.headers['x-duban-token'] as string | undefined, token) || !fromOrigin) return void response.writeHead(403).end();
    const body = await readBody(request);
    if (body === null) return void response.writeHead(413).end();
    let call: { method?: unknown; args?: unknown };
    try {
      call = decodeWire(body) as typeof call;
    } catch {
      return void response.writeHead(400).end();
    }
    const result = await dispatch(routes, call.method, call.args);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(encodeWire(result));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin || 'http://127.0.0.1');
    // A page on another host name pointing at 127.0.0.1 (DNS rebinding) is refused by its Host header.
    if (request.headers.host !== new URL(origin).host) return void response.writeHead(421).end();
    const handled =
      request.method === 'POST' && url.pathname === '/api'
        ? serveCall(request, response)
        : request.method === 'GET'
          ? serveFile(url.pathname, response)
          : Promise.resolve(void response.writeHead(405).end());
    handled.catch((error: unknown) => {
      console.error('duban bridge:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    server,
    url: `${origin}/?token=${token}`,
    token,
    // The page may hold a connection open (a request still being answered, a keep-alive the
    // browser has not let go): stopping is not held up by it; the core still finishes what it was asked.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
