/** The fields that differ between an entity before and after a change, with their values as text. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Writes one field's value as people read it (names for ids, dates as dates, words for codes). */
export type ValueText = (field: string, value: unknown) => string;

const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'sha256']);

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function changedFields(before: unknown, after: unknown, asText: ValueText): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    // A record created or deleted is described by what it held, not by its empty fields.
    .filter((f) => !(isEmpty(b[f]) && isEmpty(a[f])))
    .map((field) => ({ field, before: before === null ? '' : asText(field, b[field]), after: after === null ? '' : asText(field, a[field]) }));
}
