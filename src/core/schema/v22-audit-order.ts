/**
 * Schema version 22 (large ledgers): the change history filtered by kind of record or by person, newest
 * first, read from an index in that order — a province's history holds hundreds of thousands of
 * entries, and the kind's own index (`audit_log_entity`, by record) made SQLite sort every entry of
 * the kind for one page. The people's index also lists who made changes without reading the history.
 */
export const V22_AUDIT_ORDER: readonly string[] = [
  'CREATE INDEX audit_log_entity_order ON audit_log (entity, id)',
  'CREATE INDEX audit_log_actor ON audit_log (actor, id)',
];
