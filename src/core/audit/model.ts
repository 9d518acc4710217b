import type { EntityName } from '../entities';
import type { PlainValue } from '../shown/model';

export type AuditAction = 'create' | 'update' | 'delete';

/** A record given as the JSON text it is recorded as, made without making the record (an import's new rows). */
export class RecordJson {
  constructor(readonly text: string) {}
}

/** One change: the entity as it was before and after (null when it did not exist). */
export interface AuditChange {
  readonly action: AuditAction;
  readonly entity: EntityName;
  readonly entityId: number | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEntry extends AuditChange {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly hash: string;
}

/** How far the chain has been checked: all `entries` when `checked` has reached them (a long chain is checked a step at a time). */
export interface AuditCheck {
  readonly entries: number;
  readonly checked: number;
}

/** Whether the check has further to go: the screens ask for its next step. */
export const stillChecking = (check: AuditCheck): boolean => check.checked < check.entries;

export interface AuditFilter {
  readonly entity?: EntityName;
  readonly entityId?: number;
  /** Changes recorded under this name only. */
  readonly actor?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * A recorded value as the change history shows it, without language: the screens word it. Codes
 * come as the translation key that names them (`word`); records referred to come by their names.
 */
export type AuditValue =
  | PlainValue
  | { readonly t: 'flag'; readonly v: boolean }
  | { readonly t: 'instant'; readonly v: string }
  | { readonly t: 'word'; readonly k: string }
  /** Several values, one after another (units, tasks). */
  | { readonly t: 'list'; readonly v: readonly AuditValue[] }
  /** One thing and what qualifies it: 张某某 (诫勉), 自治区水利厅 (2026年11月). */
  | { readonly t: 'group'; readonly v: readonly AuditValue[] };

/** One field of a change: its label (a translation key; null for a field the table lacks), before and after. */
export interface AuditFieldChange {
  readonly field: string;
  readonly label: string | null;
  readonly before: AuditValue;
  readonly after: AuditValue;
}

/** An entry as the change history shows it: the record changed, by its name, and each field that changed, once. */
export interface AuditLine {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly entity: EntityName;
  readonly entityId: number | null;
  readonly subject: AuditValue;
  readonly changes: readonly AuditFieldChange[];
}
