import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTRON_VERSION, LINUX_ARCHES, WINDOWS_ARCHES } from './config';

/**
 * What an air-gapped machine needs to build the installers with nothing fetched, read from
 * electron-builder 26.18's own source (app-builder-lib/out/toolsets, util/electronGet.js):
 *
 * - Electron's zip for each target, unpacked from `electronDist` (a folder holding
 *   `electron-v<version>-<platform>-<arch>.zip`);
 * - the tool archives electron-builder fetches from electron-builder-binaries, found first in its
 *   archive cache `$ELECTRON_BUILDER_CACHE/<release>/<file>` and checked there against the SHA-256 it
 *   pins: 7-Zip (it unpacks the .7z tools and packs the app for NSIS), NSIS and its plugins (the legacy
 *   toolset, the default), Wine (NSIS on Linux runs the installer stub under it to write the
 *   uninstaller; the pinned 11.0 bundle, `toolsets.wine`, so the build machine needs no Wine of its
 *   own) and fpm (it makes the .deb; one for the build machine's own processor).
 *
 * Not needed, so not fetched: winCodeSign (the installers are not signed; resource editing is done
 * in JavaScript), the icon tool (the icons are given as .ico and .png), AppImage's tools.
 */
const ELECTRON_RELEASES = 'https://github.com/electron/electron/releases/download';
const BUILDER_BINARIES = 'https://github.com/electron-userland/electron-builder-binaries/releases/download';

/** The build machines the plan knows: Linux on x64 (Wine's bundle exists for x86_64 only). */
export type BuildHost = { readonly platform: NodeJS.Platform; readonly arch: string };

export interface OfflineFile {
  /** Where it lies in the offline folder, with `/`. */
  readonly path: string;
  readonly url: string;
  readonly sha256: string;
  /** What needs it, for the person reading the plan. */
  readonly purpose: string;
}

/** The tool archives for a Linux x64 build machine, with the SHA-256 electron-builder 26.18.1 pins for each. */
const TOOLS = [
  { release: '7zip@1.0.0', file: '7zip-linux-x64.tar.gz', sha256: 'd151bb44b2a9d9bfc52813ce4cac042916394a0ab8a56bd5d221a5dc9ef8d5d7', purpose: '7-Zip' },
  { release: 'nsis-3.0.4.1', file: 'nsis-3.0.4.1.7z', sha256: '9877df902530f96357d13a7a31ae2b9df67f48b11ffc9a1700a7c961574ec5fa', purpose: 'NSIS' },
  {
    release: 'nsis-resources-3.4.1',
    file: 'nsis-resources-3.4.1.7z',
    sha256: '593a9a92ef958321293ac6a2ee61e64bf1bd543142a5bd6b3d310709cc924103',
    purpose: 'NSIS plugins',
  },
  {
    release: 'wine@1.0.1',
    file: 'wine-11.0-linux-x86_64.tar.xz',
    sha256: 'd8cf95442957b75c07166540142c96d8f7be6a68a572cc656194e7b42e8a0f13',
    purpose: 'Wine, for the NSIS uninstaller',
  },
  {
    release: 'fpm@2.1.4',
    file: 'fpm-1.17.0-ruby-3.4.3-linux-amd64.7z',
    sha256: '44b0ec6025c14ec137f56180e62675c0eae36233cdce53d0953d9c73ced8989f',
    purpose: 'fpm, for the .deb',
  },
] as const;

export const ELECTRON_FOLDER = 'electron';
export const TOOLS_FOLDER = 'tools';
export const SUMS_FILE = 'SHA256SUMS';

const electronZip = (platform: string, arch: string): string => `electron-v${ELECTRON_VERSION}-${platform}-${arch}.zip`;

/** The SHA-256 of Electron's release files, as the installed electron package records them. */
function electronChecksums(root: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'checksums.json'), 'utf8'));
}

export type Plan = { readonly ok: true; readonly files: readonly OfflineFile[] } | { readonly ok: false; readonly reason: string };

export function offlinePlan(root: string, host: BuildHost): Plan {
  if (host.platform !== 'linux' || host.arch !== 'x64') {
    return { ok: false, reason: `the offline build runs on Linux x64; this machine is ${host.platform} ${host.arch}` };
  }
  const sums = electronChecksums(root);
  const targets = [...WINDOWS_ARCHES.map((arch) => ['win32', arch]), ...LINUX_ARCHES.map((arch) => ['linux', arch])];
  const electron = targets.map(([platform, arch]) => {
    const name = electronZip(platform!, arch!);
    return {
      path: `${ELECTRON_FOLDER}/${name}`,
      url: `${ELECTRON_RELEASES}/v${ELECTRON_VERSION}/${name}`,
      sha256: sums[name]!,
      purpose: `Electron for ${platform} ${arch}`,
    };
  });
  const tools = TOOLS.map(({ release, file, sha256, purpose }) => ({
    path: `${TOOLS_FOLDER}/${release}/${file}`,
    url: `${BUILDER_BINARIES}/${release}/${file}`,
    sha256,
    purpose,
  }));
  return { ok: true, files: [...electron, ...tools] };
}
