import type { Reader } from '../storage/database';
import { BOOKKEEPING, EMPTY, ENTITY_WORDS, type EntityWords, type FieldKind, group, type Namer, type Recorded, text } from './fields';
import type { AuditEntry, AuditFieldChange, AuditLine, AuditValue } from './model';
import { recordNames } from './names';
import { settingOf } from './settings';

/**
 * Audit entries in the office's words: the record changed by its name, and each field that changed
 * once, labelled, its codes as words and the records it refers to by their names (read by the core,
 * once each, rather than by the screen).
 */
const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const isUnset = (value: unknown): boolean => isEmpty(value) || value === false || value === 0;

/** A value the table does not know, described as it comes: never as JSON. */
function asItComes(value: unknown): AuditValue {
  if (isEmpty(value)) return EMPTY;
  if (typeof value === 'number') return { t: 'number', v: value };
  if (typeof value === 'boolean') return { t: 'flag', v: value };
  if (Array.isArray(value)) return { t: 'list', v: value.map(asItComes) };
  if (typeof value === 'object') return { t: 'list', v: Object.entries(value as Recorded).map(([key, part]) => group(text(key), asItComes(part))) };
  return text(value);
}

function valueOf(kind: FieldKind | undefined, value: unknown, record: Recorded, names: Namer): AuditValue {
  if (isEmpty(value)) return EMPTY;
  if (kind === undefined || kind === 'hidden' || kind === 'text') return asItComes(value);
  if (typeof kind === 'object') {
    if ('words' in kind) return { t: 'word', k: `${kind.words}.${String(value)}` };
    if ('ref' in kind)
      return Array.isArray(value) ? { t: 'list', v: value.map((id) => names.record(kind.ref, Number(id))) } : names.record(kind.ref, Number(value));
    return kind.describe(value, record, names);
  }
  return { t: kind, v: value } as AuditValue;
}

function changesOf(words: Pick<EntityWords, 'labels' | 'fields'>, before: Recorded | null, after: Recorded | null, names: Namer): AuditFieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((field) => !BOOKKEEPING.has(field) && words.fields[field] !== 'hidden');
  return (
    fields
      .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
      // A record created or deleted is described by what it held, not by its empty fields, flags not set or counts of none.
      .filter((field) => !(before && after ? isEmpty(b[field]) && isEmpty(a[field]) : isUnset(b[field]) && isUnset(a[field])))
      .map((field) => {
        const kind = words.fields[field];
        return {
          field,
          label: kind ? `${words.labels}.${field}` : null,
          before: before ? valueOf(kind, b[field], b, names) : EMPTY,
          after: after ? valueOf(kind, a[field], a, names) : EMPTY,
        };
      })
  );
}

function describeEntry(entry: AuditEntry, names: Namer): AuditLine {
  const { id, at, actor, action, entity, entityId } = entry;
  if (entity === 'settings') {
    const setting = settingOf(entry.before, entry.after);
    const subject = setting.words.name(setting.key, setting.after ?? setting.before ?? {}, names);
    return { id, at, actor, action, entity, entityId, subject, changes: changesOf(setting.words, setting.before, setting.after, names) };
  }
  const words = ENTITY_WORDS[entity];
  const subject = entityId === null ? EMPTY : names.record(entity, entityId);
  return {
    id,
    at,
    actor,
    action,
    entity,
    entityId,
    subject,
    changes: changesOf(words, entry.before as Recorded | null, entry.after as Recorded | null, names),
  };
}

export function describeAudit(db: Reader, entries: readonly AuditEntry[]): AuditLine[] {
  const names = recordNames(db);
  return entries.map((entry) => describeEntry(entry, names));
}
