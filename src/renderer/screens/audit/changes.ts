/** The fields that differ between an entity before and after a change, with their values as text. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const IGNORED = new Set(['id', 'createdAt', 'updatedAt']);

function asText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: before === null ? '' : asText(b[field]), after: after === null ? '' : asText(a[field]) }));
}
