import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const BUILT_BRIDGE = join(ROOT, 'out', 'node', 'bridge.js');

/**
 * Starts the built bridge (out/node/bridge.js) in a Node process of its own, with a fresh
 * configuration folder and any further arguments, and waits for the loopback address it prints:
 * how the bench's host process and the browser tests reach the app.
 */
export async function spawnBuiltBridge(configDir: string, args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BUILT_BRIDGE, '--config-dir', configDir, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`the bridge exited (${code}) before printing its address; run npm run build first`)));
  });
  return { url, child };
}
