import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What LibreOffice needs merely to turn a workbook into CSV (`soffice --headless --convert-to csv`):
 * the yardstick an import is held against. Its profile is fresh and made beforehand by converting a
 * small file, so that the time is the conversion's (start-up included) and not the profile's first
 * creation. Null when soffice is not installed: the bench says so rather than print a figure.
 */
export function libreOfficeCsvMs(workbook: string, warmUp: string, dir: string): number | null {
  const out = join(dir, 'soffice-out');
  mkdirSync(out, { recursive: true });
  const convert = (path: string) =>
    spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'soffice-profile')}`, '--headless', '--convert-to', 'csv', '--outdir', out, path], {
      stdio: 'ignore',
      timeout: 600_000,
    });
  const warmed = convert(warmUp);
  if (warmed.error) {
    process.stderr.write(`soffice could not be run (${warmed.error.message}): the import is not compared with LibreOffice\n`);
    return null;
  }
  const started = performance.now();
  const converted = convert(workbook);
  const ms = performance.now() - started;
  if (converted.status !== 0) throw new Error(`soffice failed to convert ${workbook} (status ${converted.status})`);
  return ms;
}
