import type { PetitionCompletion, PetitionTruth, PollutionKind } from '../../petitions/model';
import type { ProgressState } from '../../progress/model';
import type { TaskStatus } from '../../tasks/model';
import type { UnitKind } from '../../units/model';
import { compact } from './text';

/**
 * The words units and inspectors write for a choice, each read as the one value it stands for. A
 * cell is read only when its whole text (spaces and full-width forms aside) is one of the words: a
 * word found inside a longer text proves nothing (基本完成 holds 完成, and so does 未完成), so any
 * other text is asked of the user. A list holds only words that cannot mean another value of the
 * same choice; docs/workbook-reading.md gives them in one table, with the reason for each.
 */
export type WordTable<T extends string> = readonly (readonly [T, readonly string[]])[];

/** Each table's words as compared, worked out once per table rather than once per cell. */
const compared = new WeakMap<WordTable<string>, ReadonlyMap<string, string>>();
function comparedWords<T extends string>(table: WordTable<T>): ReadonlyMap<string, T> {
  let words = compared.get(table);
  if (!words) compared.set(table, (words = new Map(table.flatMap(([meaning, list]) => list.map((word) => [compact(word), meaning] as const)))));
  return words as ReadonlyMap<string, T>;
}

/** The value the whole text stands for, or null when it is not one of the table's words. */
export function readWord<T extends string>(table: WordTable<T>, text: string): T | null {
  return comparedWords(table).get(compact(text)) ?? null;
}

/** The values a table's words stand for, in its order. */
export const valuesOf = <T extends string>(table: WordTable<T>): T[] => table.map(([value]) => value);

/** 已销号 is read, but only an approved close-out may close a task: the plan says so. */
export const TASK_STATUS_WORDS: WordTable<TaskStatus> = [
  ['pending', ['未启动', '未开始', '尚未启动', '待启动']],
  ['in_progress', ['推进中', '正在推进', '序时推进', '按序时推进', '整改中', '正在整改', '进行中', '持续推进', '部分完成']],
  ['completed', ['已完成', '完成', '已整改', '整改完成', '完成整改', '已办结']],
  ['closed', ['已销号']],
];

export const PROGRESS_STATE_WORDS: WordTable<ProgressState> = [
  ['not_started', ['未启动', '未开始', '尚未启动']],
  ['on_track', ['序时推进', '按序时推进', '正常推进', '按期推进', '达到序时进度', '进展顺利', '顺利推进']],
  ['behind', ['滞后', '进度滞后', '未达序时进度', '滞后于序时进度', '延期', '逾期']],
  ['completed', ['已完成', '完成', '已整改', '整改完成', '完成整改']],
];

export const UNIT_KIND_WORDS: WordTable<UnitKind> = [
  ['resident', ['驻在单位', '驻在']],
  ['supervised', ['综合监督单位', '综合监督']],
  ['city', ['盟市', '地市', '盟市人民政府', '市政府', '盟', '市']],
];

export const POLLUTION_KIND_WORDS: WordTable<PollutionKind> = [
  ['water', ['水', '水污染', '水环境', '污水', '废水']],
  ['air', ['大气', '大气污染', '空气', '废气', '扬尘', '油烟', '恶臭', '异味']],
  ['soil', ['土壤', '土壤污染']],
  ['noise', ['噪声', '噪音', '噪声污染']],
  ['solid_waste', ['固废', '固体废物', '固体废弃物', '危废', '危险废物', '垃圾']],
  ['ecology', ['生态', '生态破坏']],
  ['radiation', ['辐射', '电磁辐射']],
  ['other', ['其他', '其它']],
];

export const TRUTH_WORDS: WordTable<PetitionTruth> = [
  ['true', ['属实', '是', '查实', '情况属实', '反映属实']],
  ['mostly_true', ['基本属实']],
  ['partly_true', ['部分属实']],
  ['false', ['不属实', '否', '查无实据', '经核查不属实', '未查实']],
];

export const COMPLETION_WORDS: WordTable<PetitionCompletion> = [
  ['pending', ['未办结', '办理中', '正在办理', '在办']],
  ['stage_completed', ['阶段性办结', '阶段办结', '阶段性完成']],
  ['completed', ['已办结', '办结', '已完成', '完成']],
];

/** A unit's kind as its name suggests: governments of cities and leagues, else a department. */
export function guessUnitKind(name: string): UnitKind {
  return /(人民政府|行政公署|政府|盟|市)$/.test(compact(name).replace(/[（(].*[)）]$/, '')) ? 'city' : 'supervised';
}
