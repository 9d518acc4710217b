import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OfflineFile, SUMS_FILE } from './offline-plan';

/**
 * The offline folder's SHA256SUMS (the format of `sha256sum`, so an IT person can check it with
 * `sha256sum -c SHA256SUMS`) and the check a build makes before using the folder.
 */
export const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export const sumsText = (files: readonly Pick<OfflineFile, 'path' | 'sha256'>[]): string => files.map((f) => `${f.sha256}  ${f.path}\n`).join('');

function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match) sums.set(match[2]!, match[1]!);
  }
  return sums;
}

/** Why a folder cannot be used: no SHA256SUMS, a file missing, one whose content is not what the plan pins, or not listed in the sums. */
export type BundleProblem =
  | { readonly kind: 'no-sums' }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'altered'; readonly path: string }
  | { readonly kind: 'unlisted'; readonly path: string };

/** Every file of the plan is in `dir`, with the SHA-256 the plan pins and the one SHA256SUMS lists. */
export function checkBundle(dir: string, plan: readonly OfflineFile[]): BundleProblem[] {
  if (!existsSync(join(dir, SUMS_FILE))) return [{ kind: 'no-sums' }];
  const listed = parseSums(readFileSync(join(dir, SUMS_FILE), 'utf8'));
  return plan.flatMap((file): BundleProblem[] => {
    const path = join(dir, file.path);
    if (!existsSync(path)) return [{ kind: 'missing', path: file.path }];
    if (!listed.has(file.path)) return [{ kind: 'unlisted', path: file.path }];
    const actual = sha256Of(path);
    return actual === file.sha256 && actual === listed.get(file.path) ? [] : [{ kind: 'altered', path: file.path }];
  });
}

export function describeProblem(problem: BundleProblem): string {
  switch (problem.kind) {
    case 'no-sums':
      return `${SUMS_FILE} is missing: prepare the folder with npm run dist:prepare-offline on a connected machine`;
    case 'missing':
      return `${problem.path} is missing`;
    case 'altered':
      return `${problem.path} is not the file prepared (its SHA-256 differs): copy it again from the prepared folder`;
    case 'unlisted':
      return `${problem.path} is not listed in ${SUMS_FILE}`;
  }
}
