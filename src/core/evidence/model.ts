import { z } from 'zod';
import type { EntityName } from '../entities';
import { choice, id, optionalText, requiredText, text } from '../../shared/validation';

/** The entities that can hold evidence (佐证材料): the evidence table names its owner by kind and id. */
export const EVIDENCE_OWNER_KINDS = [
  'task',
  'close_out',
  'progress_report',
  'petition_case',
  'site_visit',
  'finding',
  'accountability_case',
  'document',
] as const satisfies readonly EntityName[];
export type EvidenceOwnerKind = (typeof EVIDENCE_OWNER_KINDS)[number];

export interface EvidenceOwner {
  readonly kind: EvidenceOwnerKind;
  readonly id: number;
}

/** Scans and photos of a few hundred pages fit; a file beyond this is better split than carried whole through memory. */
export const MAX_EVIDENCE_MB = 50;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024;

/** One attachment; its bytes are an encrypted blob beside the ledger, read through the evidence service. */
export interface Evidence {
  readonly id: number;
  readonly ownerKind: EvidenceOwnerKind;
  readonly ownerId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly description: string;
  readonly addedAt: string;
  /** Removed evidence stays listed on request: its blob is kept, since backups may refer to it. */
  readonly removedAt: string | null;
}

export interface EvidenceContent {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/**
 * The last part of a path as a name that is safe on Windows and Linux alike: a file chosen as
 * "C:\扫描件\整改报告.pdf" is kept as "整改报告.pdf".
 */
export function plainFileName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const safe = name.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return /^\.*$/.test(safe) ? '' : safe;
}

export const evidenceInput = z.object({
  ownerKind: choice(EVIDENCE_OWNER_KINDS),
  ownerId: id,
  fileName: text(1000).transform(plainFileName).pipe(requiredText(255)),
  mediaType: z
    .string()
    .trim()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'invalid' })
    .default('application/octet-stream'),
  description: optionalText(1000),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'required' }).refine((bytes) => bytes.length > 0, { error: 'required' }),
});

export type EvidenceInput = z.input<typeof evidenceInput>;
