import type { EntityName } from '../entities';

export type AuditAction = 'create' | 'update' | 'delete';

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

export interface AuditFilter {
  readonly entity?: EntityName;
  readonly entityId?: number;
  readonly limit?: number;
  readonly offset?: number;
}
