import type { Reader } from '../../../storage/database';
import { compact } from '../../values/text';

/**
 * Which task of the ledger a row of a feedback list is. Its number within the chosen source says so;
 * failing that, when a source is chosen, a task without a source with the same number and problem is
 * the same task imported before its source was entered: it is taken into the source, not added
 * again. A task of another source with the same number and problem is not the row's, but the row
 * looks like it: adding it would most likely duplicate that task.
 */
export interface FoundTask {
  readonly id: number;
  /** Without a source until now: the import puts it under the one chosen. */
  readonly adopted: boolean;
}

export interface LookalikeTask {
  readonly inspectionId: number;
  readonly source: string;
}

interface Row {
  readonly id: number;
  readonly number: string;
  readonly problem: string;
  readonly inspection_id: number | null;
  readonly source: string | null;
}

/** A problem as compared: without spaces and punctuation, full-width letters and digits made plain. */
const sameTask = (number: string, problem: string): string => `${number}\n${compact(problem).replace(/[。；;，,、.：:！!？?“”"'‘’（）()]/g, '')}`;

export function taskFinder(db: Reader, inspectionId: number | null) {
  const rows = db.all<Row>(
    'SELECT t.id, t.number, t.problem, t.inspection_id, i.name AS source FROM tasks t LEFT JOIN inspections i ON i.id = t.inspection_id WHERE t.parent_id IS NULL',
  );
  const inSource = new Map<string, number>();
  const elsewhere = new Map<string, Row[]>();
  for (const row of rows) {
    const key = sameTask(row.number, row.problem);
    if (row.inspection_id === inspectionId) inSource.set(row.number, row.id);
    else elsewhere.set(key, [...(elsewhere.get(key) ?? []), row]);
  }
  const names = new Map<number, string>();
  const alike = (number: string, problem: string): readonly Row[] => elsewhere.get(sameTask(number, problem)) ?? [];
  return {
    find(number: string, problem: string): FoundTask | null {
      const id = inSource.get(number);
      if (id !== undefined) return { id, adopted: false };
      const unsourced = inspectionId === null ? undefined : alike(number, problem).find((row) => row.inspection_id === null);
      return unsourced ? { id: unsourced.id, adopted: true } : null;
    },
    lookalike(number: string, problem: string): LookalikeTask | null {
      const other = alike(number, problem).find((row) => row.inspection_id !== null);
      return other ? { inspectionId: other.inspection_id!, source: other.source ?? '' } : null;
    },
    /** The source's name, as the preview shows it. */
    sourceName(id: number | null): string {
      if (id === null) return '';
      if (!names.has(id)) names.set(id, db.get<{ name: string }>('SELECT name FROM inspections WHERE id = ?', [id])?.name ?? '');
      return names.get(id)!;
    },
  };
}

export type TaskFinder = ReturnType<typeof taskFinder>;
