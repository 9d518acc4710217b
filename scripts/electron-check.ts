import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import appEn from '../src/shared/i18n/locales/en/app.json' with { type: 'json' };
import appZh from '../src/shared/i18n/locales/zh-CN/app.json' with { type: 'json' };
import { createI18n } from '../src/shared/i18n/setup';

/**
 * Run by `npm start` before anything else: Electron's program is downloaded by the electron
 * package's install step, which an offline machine cannot do. Without it, one sentence says which
 * zip to put where (Electron unpacks it from its download cache at the next start) and that the
 * browser runs the same app meanwhile, instead of electron-vite's stack trace.
 */
const ELECTRON_DIR = join(import.meta.dirname, '..', 'node_modules', 'electron');
const RELEASES = 'https://github.com/electron/electron/releases/download/';

/**
 * Electron's program as the electron package finds it (path.txt, then dist/ or
 * ELECTRON_OVERRIDE_DIST_PATH), or null when it was never unpacked — found without requiring the
 * package, which would try to download it.
 */
export function electronProgram(electronDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  if (relative === null && env.ELECTRON_OVERRIDE_DIST_PATH === undefined) return null;
  const program = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'), relative ?? 'electron');
  return existsSync(program) ? program : null;
}

/** The folder @electron/get looks in before downloading: its cache root, then the SHA-256 of the release's address (Cache.getCacheDirectory). */
function downloadCache(version: string, env: NodeJS.ProcessEnv): string {
  const root = env.electron_config_cache ?? defaultCacheRoot(env);
  return join(
    root,
    createHash('sha256')
      .update(`${env.ELECTRON_MIRROR ?? RELEASES}v${version}`)
      .digest('hex'),
  );
}

/** env-paths' cache folder for "electron", which @electron/get uses. */
function defaultCacheRoot(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** Chinese where the system speaks it, else English. */
function systemLanguage(env: NodeJS.ProcessEnv): 'zh-CN' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export function wayForward(version: string, env: NodeJS.ProcessEnv): string {
  const { t } = createI18n(systemLanguage(env), { app: { 'zh-CN': appZh, en: appEn } });
  const file = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  return t('electronMissing', { file, dir: downloadCache(version, env) });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && electronProgram(ELECTRON_DIR) === null) {
  const { version } = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string };
  console.error(wayForward(version, process.env));
  process.exitCode = 1;
}
