import type { Reader, Writer } from '../storage/database';
import type { ArchivedItem, ArchivedMatches } from './model';
import type { MovingIds } from './moving';

/**
 * The live ledger's index of what went to archive files: kind, number, text and responsible unit of
 * each task and petition case, and the file, so that its search still finds them.
 */
export function indexArchived(writer: Writer, ids: MovingIds, inspection: string, archivePath: string, at: string): void {
  const common = { $inspection: inspection, $path: archivePath, $at: at };
  writer.run(
    `INSERT INTO archived_items (kind, number, text, unit, inspection, archive_path, archived_at)
     SELECT 'task', t.number, t.problem,
       ifnull((SELECT group_concat(u.name, '、') FROM task_units l JOIN units u ON u.id = l.unit_id WHERE l.task_id = t.id AND l.role = 'lead'), ''),
       $inspection, $path, $at
     FROM tasks t WHERE t.id IN (SELECT value FROM json_each($ids)) ORDER BY t.id`,
    { ...common, $ids: JSON.stringify(ids.tasks ?? []) },
  );
  writer.run(
    `INSERT INTO archived_items (kind, number, text, unit, inspection, archive_path, archived_at)
     SELECT 'petition_case', p.receipt_number, p.problem, ifnull(u.name, ''), $inspection, $path, $at
     FROM petition_cases p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id`,
    { ...common, $ids: JSON.stringify(ids.petition_cases ?? []) },
  );
}

const MATCHING = `FROM archived_items WHERE ($kind IS NULL OR kind = $kind)
  AND (instr(number, $text) > 0 OR instr(text, $text) > 0 OR instr(unit, $text) > 0)`;

/** Archived rows whose number, text or unit contains `text`: how many, and the first `limit`. */
export function searchArchived(db: Reader, text: string, kind: ArchivedItem['kind'] | null, limit: number): ArchivedMatches {
  const needle = text.trim();
  if (needle === '') return { total: 0, items: [] };
  const params = { $text: needle, $kind: kind };
  const total = db.get<{ n: number }>(`SELECT count(*) AS n ${MATCHING}`, params)?.n ?? 0;
  const items = db.all<ArchivedItem>(`SELECT kind, number, text, unit, inspection, archive_path AS archivePath ${MATCHING} ORDER BY id LIMIT $limit`, {
    ...params,
    $limit: limit,
  });
  return { total, items };
}
