import type { EvidenceOwnerKind } from '../evidence/model';

/**
 * Which rows belong to a round of inspection, as SQL: the same statements pick what leaves the live
 * ledger and what the archive file keeps, because the archive starts as a copy of the live database.
 * Every statement is bound with `$inspection`.
 */
const CTES = `WITH RECURSIVE
  family(id) AS (SELECT id FROM tasks WHERE inspection_id = $inspection
    UNION SELECT t.id FROM tasks t JOIN family f ON t.parent_id = f.id),
  naming(id) AS (SELECT document_id FROM document_tasks WHERE task_id IN (SELECT id FROM family)),
  chased(id) AS (SELECT chase_of FROM documents WHERE id IN (SELECT id FROM naming) AND chase_of IS NOT NULL
    UNION SELECT d.chase_of FROM documents d JOIN chased c ON d.id = c.id WHERE d.chase_of IS NOT NULL)`;

export const withRound = (statement: string): string => `${CTES}\n${statement}`;

const IN_FAMILY = 'IN (SELECT id FROM family)';
const PETITIONS = 'SELECT id FROM petition_cases WHERE inspection_id = $inspection';
const FINDINGS = `SELECT id FROM findings WHERE task_id ${IN_FAMILY}`;

/** One kind of row: the ids that move out of the live ledger (null: none, it is only copied) and those the archive keeps. */
export interface RoundPart {
  readonly table: string;
  /** As the evidence table names an owner of this kind. */
  readonly owner: EvidenceOwnerKind | null;
  readonly moves: string | null;
  readonly keeps: string;
}

const TASKS: RoundPart = { table: 'tasks', owner: 'task', moves: 'SELECT id FROM family', keeps: 'SELECT id FROM family' };
const PROGRESS: RoundPart = {
  table: 'progress_reports',
  owner: 'progress_report',
  moves: `SELECT id FROM progress_reports WHERE task_id ${IN_FAMILY}`,
  keeps: `SELECT id FROM progress_reports WHERE task_id ${IN_FAMILY}`,
};
const CLOSE_OUTS: RoundPart = {
  table: 'close_outs',
  owner: 'close_out',
  moves: `SELECT id FROM close_outs WHERE task_id ${IN_FAMILY}`,
  keeps: `SELECT id FROM close_outs WHERE task_id ${IN_FAMILY}`,
};
/** A measure moves when it serves the round's tasks only; the archive keeps every one they name. */
const MEASURES: RoundPart = {
  table: 'measures',
  owner: null,
  moves: `SELECT id FROM measures m
    WHERE (m.inspection_id = $inspection OR EXISTS (SELECT 1 FROM task_measures l WHERE l.measure_id = m.id AND l.task_id ${IN_FAMILY}))
      AND NOT EXISTS (SELECT 1 FROM task_measures l WHERE l.measure_id = m.id AND l.task_id NOT ${IN_FAMILY})`,
  keeps: `SELECT id FROM measures m
    WHERE m.inspection_id = $inspection OR EXISTS (SELECT 1 FROM task_measures l WHERE l.measure_id = m.id AND l.task_id ${IN_FAMILY})`,
};
/**
 * A letter moves when every task it names is the round's and no reminder chain runs through it; the
 * archive keeps every letter that names one of them, and the letters those chase.
 */
const DOCUMENTS: RoundPart = {
  table: 'documents',
  owner: 'document',
  moves: `SELECT id FROM documents d WHERE d.id IN (SELECT id FROM naming)
    AND NOT EXISTS (SELECT 1 FROM document_tasks l WHERE l.document_id = d.id AND l.task_id NOT ${IN_FAMILY})
    AND d.chase_of IS NULL AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.chase_of = d.id)`,
  keeps: 'SELECT id FROM naming UNION SELECT id FROM chased',
};
const PETITION_CASES: RoundPart = { table: 'petition_cases', owner: 'petition_case', moves: PETITIONS, keeps: PETITIONS };
/** An accountability case moves with the petition case it came from, unless a finding also led to it. */
const ACCOUNTABILITY: RoundPart = {
  table: 'accountability_cases',
  owner: 'accountability_case',
  moves: `SELECT id FROM accountability_cases WHERE petition_case_id IN (${PETITIONS}) AND finding_id IS NULL`,
  keeps: `SELECT id FROM accountability_cases WHERE petition_case_id IN (${PETITIONS}) OR finding_id IN (${FINDINGS})`,
};
/** Site visits, meetings and their findings are the office's own work: copied where they touch the round, never moved. */
const FINDINGS_PART: RoundPart = { table: 'findings', owner: 'finding', moves: null, keeps: FINDINGS };
const SITE_VISITS: RoundPart = {
  table: 'site_visits',
  owner: 'site_visit',
  moves: null,
  keeps: `SELECT site_visit_id FROM site_visit_tasks WHERE task_id ${IN_FAMILY} UNION SELECT site_visit_id FROM findings WHERE task_id ${IN_FAMILY} AND site_visit_id IS NOT NULL`,
};
const MEETINGS: RoundPart = {
  table: 'meetings',
  owner: null,
  moves: null,
  keeps: `SELECT meeting_id FROM findings WHERE task_id ${IN_FAMILY} AND meeting_id IS NOT NULL`,
};

/**
 * In the order rows can be removed: each part's set is read while the rows it is defined by are still
 * there (accountability cases before the petition cases and findings they name, letters and measures
 * before the tasks whose links go with them).
 */
export const ROUND_PARTS: readonly RoundPart[] = [
  ACCOUNTABILITY,
  FINDINGS_PART,
  SITE_VISITS,
  MEETINGS,
  DOCUMENTS,
  MEASURES,
  PROGRESS,
  CLOSE_OUTS,
  TASKS,
  PETITION_CASES,
];

/** The parts whose rows move, with the evidence of each. */
export const MOVING_PARTS = ROUND_PARTS.filter((part): part is RoundPart & { moves: string } => part.moves !== null);

/** Evidence owned by rows of the given sets (removed evidence too: the archive keeps its history). */
export function evidenceOf(sets: readonly { owner: EvidenceOwnerKind | null; ids: string }[]): string {
  const owned = sets.filter((set) => set.owner !== null).map((set) => `(owner_kind = '${set.owner}' AND owner_id IN (${set.ids}))`);
  return `SELECT id FROM evidence WHERE ${owned.join(' OR ')}`;
}
