import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Files converted by LibreOffice headless (`soffice --convert-to`), as an office opening what the
 * product wrote would see them; with a profile of its own in `outDir`, so that runs do not share one.
 */
export function convertWithLibreOffice(paths: readonly string[], target: string, outDir: string): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(outDir, 'profile')}`, '--headless', '--convert-to', target, '--outdir', outDir, ...paths], {
    stdio: 'ignore',
    timeout: 120_000,
  });
}
