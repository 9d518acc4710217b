import { method } from './define';
import type { CommissionOverview, GroupDetail, LedgerKind, PackageChecked } from '../core/rollup/model';
import type { ExportedFile } from '../core/excel/export/model';
import { period } from '../shared/validation';
import { id, none, secret } from './common';
import { z } from 'zod';
export * from '../core/rollup/model';

/** A month's package is figures and rows of one ledger: far below this. */
const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

const packages = z.object({
  files: z
    .array(
      z.object({
        fileName: z.string().max(1000),
        bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length <= MAX_PACKAGE_BYTES, { error: 'file_too_large' }),
      }),
    )
    .min(1)
    .max(200),
  passphrase: secret,
});

/** The ledger's kind and signing key; a commission's groups and the packages it takes (docs/report-package.md). */
export const rollup = {
  kind: method(none).returns<LedgerKind>(),
  /** The key is made the first time it is asked for. */
  signingKey: method(none).returns<{ fingerprint: string }>(),
  /** A group's package of the month for the commission, sealed under the passphrase the two offices agreed. */
  package: method(z.tuple([period, secret])).returns<ExportedFile>(),
  overview: method(none).returns<CommissionOverview>(),
  group: method(z.tuple([id])).returns<GroupDetail>(),
  /** Opens the packages and says how each stands; nothing is written. */
  check: method(z.tuple([packages])).returns<PackageChecked[]>(),
  /** Takes them; a new group only where its fingerprint is among those the office confirmed. */
  accept: method(z.tuple([packages.extend({ confirmed: z.array(z.string().max(64)).max(200) })])).returns<PackageChecked[]>(),
};
