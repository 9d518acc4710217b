import type { Reader } from '../storage/database';
import { ENTITY_WORDS, type Namer, type Recorded, text } from './fields';
import type { AuditValue } from './model';

/**
 * The names of records an audit listing refers to, read once each: the record as the ledger has it
 * now, or, for one since deleted, as the audit last recorded it (its creation or deletion).
 */
export function recordNames(db: Reader): Namer {
  const known = new Map<string, AuditValue>();
  const lastRecorded = (entity: string, id: number): Recorded | undefined => {
    const row = db.get<{ before: string | null; after: string | null }>(
      "SELECT before, after FROM audit_log WHERE entity = ? AND entity_id = ? AND action <> 'update' ORDER BY id DESC LIMIT 1",
      [entity, id],
    );
    return row ? ((JSON.parse(row.after ?? row.before ?? 'null') as Recorded | null) ?? undefined) : undefined;
  };
  const namer: Namer = {
    record(entity, id) {
      const key = `${entity}:${id}`;
      let name = known.get(key);
      if (name === undefined) {
        const words = ENTITY_WORDS[entity];
        const record = (words.load(db, id) as Recorded | undefined) ?? lastRecorded(entity, id);
        name = record ? words.name(record, namer) : text(`#${id}`);
        known.set(key, name);
      }
      return name;
    },
    documentType(code) {
      return text(db.get<{ name: string }>('SELECT name FROM document_types WHERE code = ?', [code])?.name ?? code);
    },
  };
  return namer;
}
