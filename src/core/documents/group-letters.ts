import { compareKeys, naturalKey } from '../../shared/natural-order';
import type { Reader } from '../storage/database';
import type { LetterRecipient } from './model';

/** A letter's recipient and the tasks it covers, in order. */
export interface AddressedTasks {
  readonly recipient: LetterRecipient;
  readonly taskIds: readonly number[];
}

interface GivenRow {
  readonly unit_id: number;
  readonly task_id: number;
  readonly group_id: number;
  readonly number: string;
}

type UnitLetter = { readonly unitId: number; readonly taskIds: readonly number[] };

/** Letters to units as they are, or (the office's choice) with the tasks given to a group in one letter to the group. */
export const addressLetters = (db: Reader, letters: readonly UnitLetter[], toGroups: boolean): AddressedTasks[] =>
  toGroups ? addressToGroups(db, letters) : letters.map(({ unitId, taskIds }) => ({ recipient: { kind: 'unit', id: unitId }, taskIds }));

/**
 * Letters to units, readdressed where the office chose one letter to a group: the tasks a unit leads
 * because they were given to its group go into one letter to the group (each task once, in number
 * order), ahead of the units' letters on what they lead on their own; a unit left with nothing gets none.
 */
function addressToGroups(db: Reader, letters: readonly UnitLetter[]): AddressedTasks[] {
  const given = db.all<GivenRow>(
    `SELECT tu.unit_id, tu.task_id, tu.group_id, t.number FROM task_units tu JOIN tasks t ON t.id = tu.task_id
     WHERE tu.role = 'lead' AND tu.group_id IS NOT NULL`,
  );
  const groupOf = new Map(given.map((row) => [`${row.unit_id}/${row.task_id}`, row]));
  const byGroup = new Map<number, Map<number, string>>();
  const own: AddressedTasks[] = [];
  for (const { unitId, taskIds } of letters) {
    const left = taskIds.filter((taskId) => {
      const row = groupOf.get(`${unitId}/${taskId}`);
      if (row) byGroup.set(row.group_id, (byGroup.get(row.group_id) ?? new Map<number, string>()).set(taskId, row.number));
      return !row;
    });
    if (left.length > 0) own.push({ recipient: { kind: 'unit', id: unitId }, taskIds: left });
  }
  const groups = [...byGroup].map(([groupId, tasks]) => ({
    recipient: { kind: 'group', id: groupId } as const,
    taskIds: [...tasks].sort(([a, x], [b, y]) => compareKeys(naturalKey(x), naturalKey(y)) || a - b).map(([taskId]) => taskId),
  }));
  return [...groups, ...own];
}
