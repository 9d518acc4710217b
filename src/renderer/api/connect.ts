import type { DubanApi } from '../../contract/api';
import { type Invoke, contractProxy } from '../../contract/proxy';
import { decodeWire, encodeWire } from '../../contract/wire';
import type { MethodName } from '../../contract/methods';
import type { ErrorCode } from '../../shared/errors';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    /** The contract's one channel, exposed by the preload in the desktop app. */
    readonly duban?: { invoke: Invoke };
  }
}

/**
 * The bridge's token arrives as ?token= in the address the bridge printed; it is kept for this tab
 * only and taken out of the visible address.
 */
function bridgeToken(): string {
  const url = new URL(window.location.href);
  const given = url.searchParams.get('token');
  if (given) {
    sessionStorage.setItem('duban.token', given);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem('duban.token') ?? '';
}

/** In a plain browser: the loopback bridge, with the token from the address this run printed. */
function bridgeInvoke(token: string): Invoke {
  return async (method: MethodName, args: unknown[]) => {
    const response = await fetch('/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-duban-token': token },
      body: encodeWire({ method, args }),
    });
    if (!response.ok) return { ok: false, error: { code: 'bad_request', params: { detail: String(response.status) } } };
    return decodeWire(await response.text()) as Result<unknown>;
  };
}

/**
 * The answers that say the session changed under the window: the ledger was locked (the idle lock
 * may strike between two calls), the core was restarted (the ledger locked too), or it stopped for good.
 */
const SESSION_CHANGES = ['ledger.closed', 'core.restarted', 'core.crashed'] as const satisfies readonly ErrorCode[];
export type SessionChange = (typeof SESSION_CHANGES)[number];

const isSessionChange = (code: ErrorCode): code is SessionChange => (SESSION_CHANGES as readonly ErrorCode[]).includes(code);

/** The contract the screens use. `onSessionChange` hears of every call answered with a session change, so the app can follow it. */
export function connectApi(onSessionChange: (change: SessionChange) => void): DubanApi {
  const invoke = window.duban ? window.duban.invoke : bridgeInvoke(bridgeToken());
  return contractProxy(async (method, args) => {
    const result = await invoke(method, args);
    if (!result.ok && isSessionChange(result.error.code)) onSessionChange(result.error.code);
    return result;
  });
}
