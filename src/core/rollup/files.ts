import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { Ledger } from '../ledger';
import type { PackageChecked, PackageFile } from './model';
import { readReportPackage } from './package';

const notCommission = (ledger: Ledger): Result<never> | null => (ledger.rollup.kind() === 'commission' ? null : err(dubanError('report.not_commission')));

/** Opens each package and says how it stands against what the ledger holds; nothing is written. */
export async function checkPackages(ledger: Ledger, files: readonly PackageFile[], passphrase: string): Promise<Result<PackageChecked[]>> {
  const refused = notCommission(ledger);
  if (refused) return refused;
  const checked: PackageChecked[] = [];
  for (const file of files) {
    const opened = await readReportPackage(file.bytes, passphrase);
    checked.push(
      opened.ok ? { fileName: file.fileName, ok: true, check: ledger.rollup.check(opened.value) } : { fileName: file.fileName, ok: false, error: opened.error },
    );
  }
  return ok(checked);
}

/**
 * Takes the packages the office confirmed: a new group only if its fingerprint is among `confirmed`
 * (what the screen showed and the office checked), each file on its own.
 */
export async function acceptPackages(
  ledger: Ledger,
  files: readonly PackageFile[],
  passphrase: string,
  confirmed: readonly string[],
): Promise<Result<PackageChecked[]>> {
  const refused = notCommission(ledger);
  if (refused) return refused;
  const taken: PackageChecked[] = [];
  for (const file of files) {
    const opened = await readReportPackage(file.bytes, passphrase);
    const accepted = opened.ok ? ledger.rollup.accept(opened.value, { acceptNew: confirmed.includes(opened.value.fingerprint) }) : opened;
    taken.push(accepted.ok ? { fileName: file.fileName, ok: true, ...accepted.value } : { fileName: file.fileName, ok: false, error: accepted.error });
  }
  return ok(taken);
}
