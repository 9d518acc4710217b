import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodName } from '../src/contract/methods';
import { decodeWire, encodeWire } from '../src/contract/wire';
import type { Result } from '../src/shared/result';
import { BUILT_BRIDGE, spawnBuiltBridge } from './built-bridge';

/** Linux counts a process's processor time in ticks of 1/100 s (`getconf CLK_TCK`). */
const TICK_MS = 10;

/**
 * The app's core as the desktop app hosts it, in a plain Node process of its own: the built bridge
 * (out/node/bridge.js), which starts the built core worker under the worker's own limits as Electron's
 * main process does, asked through the contract. Its memory and processor time are read from Linux's
 * /proc, so that they are that process's alone, without the bench's tools (tsx) in it.
 */
export interface HostProcess {
  call<T>(method: MethodName, ...args: unknown[]): Promise<T>;
  /** Forgets the peak resident memory so far: the next `peakMb` is the peak from now. */
  resetPeak(): void;
  peakMb(): number;
  /** Processor time so far, user and system. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startHostProcess(): Promise<HostProcess> {
  if (!existsSync(BUILT_BRIDGE)) throw new Error(`the app is not built (${BUILT_BRIDGE}): run npm run build first`);
  if (!existsSync('/proc/self/status')) throw new Error('the host process is measured through /proc: Linux only');
  const configDir = mkdtempSync(join(tmpdir(), 'duban-bench-host-'));
  const { url, child } = await spawnBuiltBridge(configDir);
  const address = new URL(url);
  const token = address.searchParams.get('token')!;
  const proc = (file: string): string => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
  return {
    async call<T>(method: MethodName, ...args: unknown[]): Promise<T> {
      const response = await fetch(new URL('/api', address), { method: 'POST', headers: { 'x-duban-token': token }, body: encodeWire({ method, args }) });
      const result = decodeWire(await response.text()) as Result<T>;
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
      return result.value;
    },
    resetPeak: () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    peakMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(proc('status'))![1]) / 1024,
    cpuMs: () => {
      // The fields after the command's name (in parentheses): utime and stime are the 12th and 13th.
      const stat = proc('stat');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
