import * as nodeFs from 'node:fs';
import type { Disk } from '../../src/core/storage/disk';

/**
 * A file system that fails the Nth call: the fault-injection walk arms it at every N in turn, the way
 * SQLite's I/O-error tests walk every I/O of an operation. Calls are counted across every method.
 *
 * - an errno (EIO, ENOSPC, EACCES, EISDIR): the call throws it, having done nothing;
 * - `short`: a write writes half of what it was asked and says so (legal, and easy to mishandle);
 *   other calls throw EIO;
 * - `torn`: a write writes half and then throws EIO, as a failing disk does; other calls throw EIO.
 */
export const FAULTS = ['EIO', 'ENOSPC', 'EACCES', 'EISDIR', 'short', 'torn'] as const;
export type Fault = (typeof FAULTS)[number];

const ERRNO: Record<string, number> = { EIO: -5, ENOSPC: -28, EACCES: -13, EISDIR: -21 };

function failure(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall}`), { code, errno: ERRNO[code], syscall });
}

type WriteArgs = [fd: number, data: Uint8Array | string, offset?: number, length?: number, position?: number | null];

/** Writes the first half of what a writeSync call asked for, through `base`; how many bytes that was. */
function halfWrite(base: Disk, args: WriteArgs): number {
  const [fd, data, offset = 0, length, position = null] = args;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const asked = typeof data === 'string' ? bytes.length : (length ?? bytes.length - offset);
  const half = Math.max(1, Math.floor(asked / 2));
  return base.writeSync(fd, bytes, typeof data === 'string' ? 0 : offset, half, position);
}

export interface FaultyDisk {
  readonly disk: Disk;
  /** Calls counted since the last `reset`. */
  readonly calls: number;
  /** Whether the armed fault was reached. */
  readonly fired: boolean;
  arm(at: number, fault: Fault): void;
  reset(): void;
}

export function faultyDisk(base: Disk = nodeFs): FaultyDisk {
  let calls = 0;
  let armed: { at: number; fault: Fault } | null = null;
  let fired = false;
  const inject = (name: keyof Disk, args: unknown[], fault: Fault): unknown => {
    if (name === 'writeSync' && (fault === 'short' || fault === 'torn')) {
      const written = halfWrite(base, args as WriteArgs);
      if (fault === 'short') return written;
      throw failure('EIO', name);
    }
    throw failure(fault === 'short' || fault === 'torn' ? 'EIO' : fault, name);
  };
  const methods = Object.keys({
    openSync: 0,
    closeSync: 0,
    readSync: 0,
    writeSync: 0,
    fsyncSync: 0,
    fdatasyncSync: 0,
    ftruncateSync: 0,
    renameSync: 0,
    unlinkSync: 0,
    linkSync: 0,
    mkdirSync: 0,
    readdirSync: 0,
    statSync: 0,
    fstatSync: 0,
    readFileSync: 0,
  } satisfies Record<keyof Disk, 0>) as (keyof Disk)[];
  const disk = Object.fromEntries(
    methods.map((name) => [
      name,
      (...args: unknown[]) => {
        calls += 1;
        if (armed && calls === armed.at) {
          fired = true;
          return inject(name, args, armed.fault);
        }
        return (base[name] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Disk;
  return {
    disk,
    get calls() {
      return calls;
    },
    get fired() {
      return fired;
    },
    arm(at, fault) {
      armed = { at, fault };
      fired = false;
      calls = 0;
    },
    reset() {
      armed = null;
      fired = false;
      calls = 0;
    },
  };
}
