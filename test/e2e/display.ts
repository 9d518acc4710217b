import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface VirtualDisplay {
  readonly env: Record<string, string>;
  stop(): void;
}

/**
 * A screen for Electron on a Linux machine that has none (a build server): xvfb-run starts a
 * virtual X server and runs a shell that says its DISPLAY and waits; Electron is started on it.
 * Stopped as a process group: xvfb-run, its shell and the X server.
 * Null where there is a screen already, or where xvfb-run is not installed.
 */
export async function virtualDisplay(): Promise<VirtualDisplay | null> {
  if (process.platform !== 'linux' || process.env.DISPLAY || spawnSync('xvfb-run', ['--help']).error) return null;
  const server = spawn('xvfb-run', ['-a', 'sh', '-c', 'echo "$DISPLAY"; exec sleep 3600'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const display = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { env: { ...env, DISPLAY: display }, stop: () => process.kill(-server.pid!) };
}
