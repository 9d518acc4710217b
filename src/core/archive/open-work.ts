import type { Reader } from '../storage/database';
import { withRound } from './scope';

/**
 * A round is closed when its work is finished in the domain's own words: every task and sub-task
 * 已完成 or 已销号, no 销号 application still waiting to be checked or approved, and every petition
 * case 办结 or 阶段性办结.
 */
export interface OpenWork {
  readonly tasks: number;
  /** The numbers of the first few, to name them. */
  readonly taskNumbers: readonly string[];
  readonly petitionCases: number;
}

const OPEN_TASKS = withRound(`SELECT t.number FROM tasks t WHERE t.id IN (SELECT id FROM family)
  AND (t.status NOT IN ('completed', 'closed') OR EXISTS (SELECT 1 FROM close_outs c WHERE c.task_id = t.id AND c.state IN ('requested', 'checked')))
  ORDER BY t.id`);
const OPEN_PETITIONS = "SELECT count(*) AS n FROM petition_cases WHERE inspection_id = $inspection AND completion = 'pending'";

const NAMED = 5;

export function openWorkOf(db: Reader, inspection: number): OpenWork | null {
  const tasks = db.all<{ number: string }>(OPEN_TASKS, { inspection });
  const petitionCases = db.get<{ n: number }>(OPEN_PETITIONS, { inspection })?.n ?? 0;
  if (tasks.length === 0 && petitionCases === 0) return null;
  return { tasks: tasks.length, taskNumbers: tasks.slice(0, NAMED).map((t) => t.number), petitionCases };
}
