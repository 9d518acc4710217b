import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCoreWorker } from '../host/client';
import { startBridge } from './server';

/**
 * `npm run start:browser`: the app in a browser on this machine, for development and the tests.
 *   --port N            listen on this port (default: any free one)
 *   --config-dir DIR    where the app keeps its preferences (default: ~/.config/duban-browser)
 *   --core-worker FILE  the core's worker (default: the one built beside the bridge; the tests
 *                       start one they can make fail, to see the window through it)
 *   --open FILE         a ledger offered on the welcome screen, as the desktop app is started with
 *                       a .duban file double-clicked in the file manager
 */
const { values } = parseArgs({
  options: { port: { type: 'string' }, 'config-dir': { type: 'string' }, 'core-worker': { type: 'string' }, open: { type: 'string' } },
});
const here = import.meta.dirname;
const configDir = values['config-dir'] ?? join(homedir(), '.config', 'duban-browser');
mkdirSync(configDir, { recursive: true });

const core = startCoreWorker(values['core-worker'] ?? join(here, 'core-worker.js'), configDir);
const bridge = await startBridge({
  rendererDir: join(here, '..', 'renderer'),
  core,
  port: values.port ? Number(values.port) : 0,
  version: process.env.npm_package_version ?? '',
  launchFile: values.open ?? null,
});
process.stdout.write(`Duban is served at ${bridge.url}\n`);

async function stop(): Promise<void> {
  await bridge.close();
  await core.shutdown(); // the ledger's last snapshot, waited for no longer than the shutdown timeout
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
