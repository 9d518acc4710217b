import { createHash } from 'node:crypto';
import type { Tx } from '../../context';
import type { Reader } from '../../storage/database';
import { readSetting, writeSetting } from '../../settings';
import { type FieldSpec, fieldScore } from './fields';
import { type HeaderColumn, headerSignature } from './header';
import { normalizeLabel } from './labels';
import type { ColumnMapping, ImportKind } from './model';

/**
 * Which field each column feeds: found from the header's words, then as remembered for a header of
 * the same shape (the user's corrections of an earlier import), then as the user chose now.
 */
export interface Mapped {
  readonly header: HeaderColumn;
  readonly field: FieldSpec | null;
  readonly source: ColumnMapping['source'];
}

/** Each field to its best-named column, best matches first; a column feeds one field at most. */
export function detectMapping(columns: readonly HeaderColumn[], fields: readonly FieldSpec[]): Map<number, FieldSpec> {
  const pairs = fields
    .flatMap((field) => columns.map((column) => ({ field, column: column.column, score: fieldScore(field, column) })))
    .filter((p) => p.score > 0);
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, FieldSpec>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (byColumn.has(pair.column) || taken.has(pair.field.key)) continue;
    byColumn.set(pair.column, pair.field);
    taken.add(pair.field.key);
  }
  return byColumn;
}

const memoryKey = (kind: ImportKind, columns: readonly HeaderColumn[]): string =>
  `excel.mapping.${kind}.${createHash('sha256').update(headerSignature(columns)).digest('hex').slice(0, 16)}`;

/** Remembered mappings are kept by the columns' labels: field key, or null for a column left out. */
type Remembered = Record<string, string | null>;

export function mapColumns(
  db: Reader,
  kind: ImportKind,
  columns: readonly HeaderColumn[],
  fields: readonly FieldSpec[],
  chosen: Readonly<Record<string, string | null>> = {},
): Mapped[] {
  const detected = detectMapping(columns, fields);
  const remembered = readSetting<Remembered>(db, memoryKey(kind, columns)) ?? {};
  const fieldOf = (key: string | null): FieldSpec | null => fields.find((f) => f.key === key) ?? null;
  const mapped = columns.map((header): Mapped => {
    const found = detected.get(header.column) ?? null;
    const label = normalizeLabel(header.label);
    if (String(header.column) in chosen) return { header, field: fieldOf(chosen[String(header.column)]!), source: 'chosen' };
    if (label in remembered && remembered[label] !== (found?.key ?? null)) return { header, field: fieldOf(remembered[label]!), source: 'remembered' };
    return { header, field: found, source: found ? 'detected' : 'none' };
  });
  // A field chosen for one column leaves any other column it was found in.
  const claimed = new Map<string, number>();
  for (const m of mapped) if (m.field && m.source !== 'detected') claimed.set(m.field.key, m.header.column);
  return mapped.map((m) => (m.field && m.source === 'detected' && claimed.has(m.field.key) ? { header: m.header, field: null, source: 'none' } : m));
}

/** Keeps the mapping for the next file of this shape, when it is not simply what the words say. */
export function rememberMapping(tx: Tx, kind: ImportKind, mapped: readonly Mapped[]): void {
  if (!mapped.some((m) => m.source === 'chosen' || m.source === 'remembered')) return;
  const columns = mapped.map((m) => m.header);
  const value: Remembered = Object.fromEntries(mapped.map((m) => [normalizeLabel(m.header.label), m.field?.key ?? null]));
  writeSetting(tx, memoryKey(kind, columns), value);
}
