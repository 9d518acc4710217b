import { describe, expect, it, vi } from 'vitest';
import { contractRoutes } from '../../src/host/routes';
import { coreHandlers } from '../../src/host/handlers';
import { CONTRACT, METHOD_NAMES } from '../../src/contract/methods';
import { argumentsOf, checkCall } from '../../src/contract/check';
import { contractProxy, type Invoke } from '../../src/contract/proxy';
import { browserPlatform } from '../../src/bridge/platform';
import { ok } from '../../src/shared/result';

const exposed = vi.hoisted(() => ({ api: null as unknown as Record<string, unknown>, invoked: [] as unknown[][] }));
vi.mock('electron', () => ({
  app: { on: () => undefined },
  session: {},
  contextBridge: {
    exposeInMainWorld: (_name: string, api: Record<string, unknown>) => {
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      exposed.invoked.push(args);
      return Promise.resolve(ok(null));
    },
  },
}));

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const namesOf = (api: Record<string, Record<string, unknown>>): string[] =>
  Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));

describe('the one contract', () => {
  it('is reached from the preload through one function over the one channel, and the page builds every method over it', async () => {
    await import('../../src/preload/index');
    expect(Object.keys(exposed.api)).toEqual(['invoke']);
    const api = contractProxy(exposed.api.invoke as Invoke);
    expect(sorted(namesOf(api as unknown as Record<string, Record<string, unknown>>))).toEqual(sorted(METHOD_NAMES));
    await api.units.get(7);
    expect(exposed.invoked).toEqual([['duban:invoke', 'units.get', [7]]]);
  });

  it('is served by the core host exactly, for every namespace but the platform', () => {
    const handlers = coreHandlers({} as never, () => ok(undefined));
    const served = namesOf(handlers as unknown as Record<string, Record<string, unknown>>);
    expect(sorted(served)).toEqual(sorted(METHOD_NAMES.filter((m) => !m.startsWith('platform.'))));
  });

  it('is routed by the main process and by the bridge exactly', () => {
    const routes = contractRoutes(browserPlatform('test'), async () => ok(null));
    expect(sorted(Object.keys(routes))).toEqual(sorted(METHOD_NAMES));
  });

  it('declares the arguments of every method as a schema of a tuple', () => {
    for (const name of METHOD_NAMES) expect(argumentsOf(name).def.type, name).toBe('tuple');
    expect(METHOD_NAMES).toHaveLength(Object.values(CONTRACT).reduce((n, ns) => n + Object.keys(ns).length, 0));
  });

  it('refuses unknown methods and malformed arguments before they reach the core', () => {
    expect(checkCall('units.drop', [])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkCall('__proto__.x', [])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkCall('units.get', ['1; DROP TABLE units'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkCall('units.get', [3, 4])).toMatchObject({ ok: false });
    expect(checkCall('units.get', [3])).toEqual({ ok: true, value: { method: 'units.get', args: [3] } });
  });

  it("is registered by the main process on one channel, answering only the app's own page", async () => {
    const { registerContract } = await import('../../src/main/ipc');
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const calls: unknown[] = [];
    // The page asking: its routes answer it (the platform's dialogs belong to its window).
    const asking = { id: 1 } as never;
    const routes = contractRoutes(browserPlatform('test'), async (method, args) => {
      calls.push([method, args]);
      return ok('answered');
    });
    registerContract(
      { handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler) } as never,
      (sender) => (sender === asking ? routes : contractRoutes(browserPlatform('elsewhere'), async () => ok('misrouted'))),
      undefined,
    );
    expect([...handlers.keys()]).toEqual(['duban:invoke']);
    const invoke = handlers.get('duban:invoke')!;
    const from = (url: string) => ({ senderFrame: { url }, sender: asking });
    expect(await invoke(from('duban://app/index.html'), 'units.get', [5])).toEqual(ok('answered'));
    expect(calls).toEqual([['units.get', [5]]]);
    expect(await invoke(from('https://example.org/'), 'units.get', [5])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await invoke(from('duban://app/index.html'), 'units.get', ['x'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(calls).toHaveLength(1);
  });

  it('answers a form that breaks its rules with the same field errors as the core', () => {
    const result = checkCall('units.create', [{ name: '', kind: 'city' }]);
    expect(result).toEqual({ ok: false, error: { code: 'validation', fields: [{ field: 'name', code: 'required' }] } });
  });

  it('gives the window isolated, sandboxed pages without Node', async () => {
    const { hardenedWebPreferences } = await import('../../src/main/web-preferences');
    expect(hardenedWebPreferences('/app/preload.cjs', false)).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      devTools: false,
    });
  });

  it('prints documents in a sandboxed window without Node, whose page may run none of its own scripts', async () => {
    const { PRINT_PAGE_POLICY, PRINT_WINDOW_PREFERENCES } = await import('../../src/main/printing');
    expect(PRINT_WINDOW_PREFERENCES).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    });
    const policy = new Map(
      PRINT_PAGE_POLICY.split(';')
        .map((directive) => directive.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src') ?? policy.get('default-src')).toEqual(["'none'"]);
  });
});
