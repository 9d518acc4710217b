import { z } from 'zod';
import { isoDate } from '../../../shared/validation';
import { petitionQuery } from '../../petitions/model';
import { taskQuery } from '../../tasks/model';

/** What can be exported for leaders to read: the task ledger (all, or as filtered), petition cases, units, statistics. */
export const EXPORT_KINDS = ['tasks', 'petitions', 'units', 'stats', 'groups'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The filters leave out paging: an export holds every matching row. */
export const exportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tasks'), query: taskQuery.omit({ limit: true, offset: true }).optional() }),
  z.object({ kind: z.literal('petitions'), query: petitionQuery.omit({ limit: true, offset: true }).optional() }),
  z.object({ kind: z.literal('units') }),
  z.object({ kind: z.literal('stats'), asOf: isoDate.optional() }),
  /** A commission's: each supervision group's latest report side by side. */
  z.object({ kind: z.literal('groups') }),
]);
export type ExportRequest = z.input<typeof exportRequest>;

export interface ExportedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly rows: number;
}
