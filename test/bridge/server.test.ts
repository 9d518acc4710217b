import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../src/bridge/server';
import type { CoreClient } from '../../src/host/client';
import { encodeWire } from '../../src/contract/wire';

/** A core that takes calls and answers none of them, as one busy with a long import would. */
function busyCore(): CoreClient & { calls: number } {
  const core = {
    calls: 0,
    call: () => {
      core.calls++;
      return new Promise<never>(() => {});
    },
    shutdown: async () => {},
  };
  return core;
}

/** Posts a call to the bridge and leaves it waiting for its answer. */
function postCall(url: URL, token: string | null, method: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      new URL('/api', url),
      { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { 'x-duban-token': token } : {}) } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    call.on('error', reject);
    call.end(encodeWire({ method, args: [] }));
  });
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | 'timed out'> =>
  Promise.race([work, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), ms))]);

describe('the loopback bridge', () => {
  it('answers only the caller holding the token of this run', async () => {
    const core = busyCore();
    const bridge = await startBridge({ rendererDir: mkdtempSync(join(tmpdir(), 'duban-renderer-')), core, version: 'test' });
    const url = new URL(bridge.url);
    expect(await postCall(url, null, 'session.status')).toBe(403);
    expect(await postCall(url, 'f'.repeat(bridge.token.length), 'session.status')).toBe(403);
    expect(core.calls).toBe(0);
    await bridge.close();
  });

  it('stops even while a page waits for an answer on an open connection', async () => {
    const core = busyCore();
    const bridge = await startBridge({ rendererDir: mkdtempSync(join(tmpdir(), 'duban-renderer-')), core, version: 'test' });
    const waiting = postCall(new URL(bridge.url), bridge.token, 'session.status').catch(() => 'dropped');
    await expect.poll(() => core.calls).toBe(1);
    expect(await within(5000, bridge.close())).toBeUndefined();
    expect(await waiting).toBe('dropped');
  });
});
