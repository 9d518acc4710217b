import { type Period, isPeriod, lastDayOfPeriod, localTimestamp } from '../../shared/dates';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { loadOffice } from '../documents/catalogue';
import { plainFileName } from '../evidence/model';
import type { ExportedFile } from '../excel/export/model';
import type { Ledger } from '../ledger';
import { KDF_FLOOR, type KdfParams } from '../storage/kdf';
import { digestOf, openPackage, sealPackage } from './envelope';
import { ledgerKindOf } from './kind';
import type { ReportContent, ReportPackage } from './model';
import { accountabilityRows, taskRows } from './rows';
import { fingerprintOf, ledgerSigningKey, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, signBytes, verifyBytes } from './signing-key';

/** A package's file name ends so; the commission's import chooses these files. */
export const REPORT_PACKAGE_EXTENSION = '.dubanreport';

/** Named by the group and the month, so that the commission tells its many packages apart on the medium. */
export const reportPackageFileName = (ledger: Ledger, period: Period): string =>
  plainFileName(`${loadOffice(ledger.context.db).issuer.trim()}-${period}${REPORT_PACKAGE_EXTENSION}`);

/** The package as a file to save (the app's 月度报告 page, `duban report`). */
export async function reportPackageFile(ledger: Ledger, period: Period, passphrase: string): Promise<Result<ExportedFile>> {
  const bytes = await writeReportPackage(ledger, period, passphrase);
  return bytes.ok ? ok({ fileName: reportPackageFileName(ledger, period), bytes: bytes.value, rows: 1 }) : bytes;
}

/** Signatures are over this prefix and the content, so that no other message of the ledger's key can pass for a package. */
const SIGNED_PREFIX = Buffer.from('duban/v1/report-package\0', 'utf8');

export interface PackageOptions {
  /** scrypt's cost for the passphrase: OWASP's floor unless given. */
  readonly kdf?: KdfParams;
  readonly clock?: () => Date;
}

/** The month's figures and rows, signed with the ledger's key and sealed under the passphrase: the bytes of a `.dubanreport`. */
export async function writeReportPackage(ledger: Ledger, period: Period, passphrase: string, options: PackageOptions = {}): Promise<Result<Buffer>> {
  const db = ledger.context.db;
  if (ledgerKindOf(db) === 'commission') return err(dubanError('report.commission_reports_nothing'));
  const group = loadOffice(db).issuer.trim();
  if (!group) return err(dubanError('report.no_issuer'));
  const key = ledgerSigningKey(ledger.context);
  if (!key.ok) return key;
  const asOf = lastDayOfPeriod(period);
  const content: ReportContent = {
    format: 1,
    group,
    publicKey: key.value.publicKey.toString('base64'),
    period,
    madeAt: localTimestamp((options.clock ?? (() => new Date()))()),
    stats: ledger.stats({ asOf }),
    rows: { tasks: taskRows(db, asOf), accountability: accountabilityRows(db) },
  };
  const body = Buffer.from(JSON.stringify(content), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  const signature = signBytes(key.value, Buffer.concat([SIGNED_PREFIX, body]));
  return ok(await sealPackage(Buffer.concat([length, body, signature]), passphrase, options.kdf ?? KDF_FLOOR));
}

function contentOf(body: Buffer): ReportContent | null {
  try {
    const content = JSON.parse(body.toString('utf8')) as Partial<ReportContent>;
    const wellFormed =
      content.format === 1 &&
      typeof content.group === 'string' &&
      content.group.trim() !== '' &&
      typeof content.publicKey === 'string' &&
      Buffer.from(content.publicKey, 'base64').length === PUBLIC_KEY_BYTES &&
      typeof content.period === 'string' &&
      isPeriod(content.period) &&
      typeof content.madeAt === 'string' &&
      !Number.isNaN(Date.parse(content.madeAt)) &&
      typeof content.stats === 'object' &&
      Array.isArray(content.rows?.tasks) &&
      Array.isArray(content.rows?.accountability);
    return wellFormed ? (content as ReportContent) : null;
  } catch {
    return null;
  }
}

/** Opens a package: its bytes whole, the passphrase, the content well formed, the signature by the key it names. */
export async function readReportPackage(bytes: Uint8Array, passphrase: string): Promise<Result<ReportPackage>> {
  const opened = await openPackage(bytes, passphrase);
  if (!opened.ok) return opened;
  const plaintext = opened.value;
  const length = plaintext.length >= 4 ? plaintext.readUInt32LE(0) : -1;
  if (length < 0 || plaintext.length !== 4 + length + SIGNATURE_BYTES) return err(dubanError('report.damaged'));
  const body = plaintext.subarray(4, 4 + length);
  const content = contentOf(body);
  if (!content) return err(dubanError('report.damaged'));
  const publicKey = Buffer.from(content.publicKey, 'base64');
  if (!verifyBytes(publicKey, Buffer.concat([SIGNED_PREFIX, body]), plaintext.subarray(4 + length))) return err(dubanError('report.bad_signature'));
  return ok({ content, fingerprint: fingerprintOf(publicKey), digest: digestOf(bytes) });
}
