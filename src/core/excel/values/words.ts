import type { ProgressState } from '../../progress/model';
import type { TaskStatus } from '../../tasks/model';
import type { UnitKind } from '../../units/model';
import { compact } from './text';

/**
 * The words units and inspectors use for states and kinds, and what each stands for. A cell is read
 * by its whole words first, then by the longest words it holds ("阶段性办结" before "办结").
 */
export type WordTable<T extends string> = readonly (readonly [T, readonly string[]])[];

/** Each table's words as compared, worked out once per table rather than once per cell. */
const compared = new WeakMap<WordTable<string>, readonly (readonly [string, readonly string[]])[]>();
function comparedWords<T extends string>(table: WordTable<T>): readonly (readonly [T, readonly string[]])[] {
  let words = compared.get(table);
  if (!words) compared.set(table, (words = table.map(([meaning, list]) => [meaning, list.map(compact)] as const)));
  return words as readonly (readonly [T, readonly string[]])[];
}

export interface WordReading<T extends string> {
  readonly value: T;
  /** The cell named more than one value ("水、大气"): the first is taken. */
  readonly several: boolean;
}

export function readWord<T extends string>(table: WordTable<T>, text: string): WordReading<T> | null {
  const value = compact(text);
  if (!value) return null;
  const tableWords = comparedWords(table);
  for (const [meaning, words] of tableWords) if (words.includes(value)) return { value: meaning, several: false };
  const found: { meaning: T; at: number; length: number }[] = [];
  for (const [meaning, words] of tableWords) {
    for (const word of words) {
      const at = value.indexOf(word);
      if (at >= 0) found.push({ meaning, at, length: word.length });
    }
  }
  if (found.length === 0) return null;
  // The longest word wins where words overlap; "水、大气" names two things at two places.
  found.sort((a, b) => b.length - a.length || a.at - b.at);
  const best = found[0]!;
  const covered = (f: { at: number; length: number }) => f.at < best.at + best.length && best.at < f.at + f.length;
  const others = found.filter((f) => f.meaning !== best.meaning && !covered(f));
  const first = [best, ...others].sort((a, b) => a.at - b.at)[0]!;
  return { value: first.meaning, several: others.length > 0 };
}

/** 已销号 is read, but only an approved close-out may close a task: the plan says so. */
export const TASK_STATUS_WORDS: WordTable<TaskStatus> = [
  ['pending', ['未启动', '未开始', '尚未启动', '待启动', '未整改']],
  ['in_progress', ['推进中', '正在推进', '序时推进', '按序时推进', '整改中', '正在整改', '进行中', '持续推进', '未完成', '基本完成', '部分完成', '滞后', '进度滞后']],
  ['completed', ['已完成', '完成', '已整改', '整改完成', '完成整改', '已办结']],
  ['closed', ['已销号', '销号', '已销号管理']],
];

export const PROGRESS_STATE_WORDS: WordTable<ProgressState> = [
  ['not_started', ['未启动', '未开始', '尚未启动']],
  ['on_track', ['序时推进', '按序时推进', '正常推进', '按期推进', '推进中', '正在推进', '达到序时进度', '进展顺利', '顺利推进']],
  ['behind', ['滞后', '进度滞后', '未达序时进度', '滞后于序时进度', '延期', '逾期']],
  ['completed', ['已完成', '完成', '已整改', '整改完成', '完成整改']],
];

export const UNIT_KIND_WORDS: WordTable<UnitKind> = [
  ['resident', ['驻在单位', '驻在']],
  ['supervised', ['综合监督单位', '综合监督', '监督单位', '厅局', '部门']],
  ['city', ['盟市', '地市', '盟市人民政府', '市政府', '盟', '市']],
];

export const POLLUTION_KIND_WORDS: WordTable<'water' | 'air' | 'soil' | 'noise' | 'solid_waste' | 'ecology' | 'radiation' | 'other'> = [
  ['water', ['水', '水污染', '水环境', '污水', '废水']],
  ['air', ['大气', '大气污染', '空气', '废气', '扬尘', '油烟', '恶臭', '异味']],
  ['soil', ['土壤', '土壤污染']],
  ['noise', ['噪声', '噪音', '噪声污染']],
  ['solid_waste', ['固废', '固体废物', '固体废弃物', '危废', '危险废物', '垃圾']],
  ['ecology', ['生态', '生态破坏', '生态环境']],
  ['radiation', ['辐射', '电磁辐射']],
  ['other', ['其他', '其它']],
];

export const TRUTH_WORDS: WordTable<'true' | 'mostly_true' | 'partly_true' | 'false'> = [
  ['true', ['属实']],
  ['mostly_true', ['基本属实']],
  ['partly_true', ['部分属实']],
  ['false', ['不属实', '未发现', '查无实据']],
];

export const COMPLETION_WORDS: WordTable<'pending' | 'stage_completed' | 'completed'> = [
  ['pending', ['未办结', '办理中', '正在办理', '在办', '未完成']],
  ['stage_completed', ['阶段性办结', '阶段办结', '阶段性完成']],
  ['completed', ['已办结', '办结', '已完成', '完成']],
];

/** A unit's kind as its name suggests: governments of cities and leagues, else a department. */
export function guessUnitKind(name: string): UnitKind {
  return /(人民政府|行政公署|政府|盟|市)$/.test(compact(name).replace(/[（(].*[)）]$/, '')) ? 'city' : 'supervised';
}
