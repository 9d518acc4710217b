import { NUMBER, numberOf } from './numerals';
import { compact } from './text';

/**
 * 问责情况 written as a sentence (约谈2人, 对1家企业立案处罚，罚款5万元, 行政拘留1人, 责令整改, 无): the
 * numbers it states plainly next to their measure word, in digits or Chinese numerals (约谈两人). Persons detained are not
 * counted again as persons held accountable; fines in 万元 are turned into yuan. A sentence that
 * states no number (责令整改) counts nothing: the text is what the case keeps.
 */
export interface AccountabilityFigures {
  readonly persons: number;
  readonly entities: number;
  readonly finesYuan: number;
  readonly detained: number;
}

const DETAINED = new RegExp(`(?:行政|刑事)?拘留(${NUMBER})[人名]|(${NUMBER})[人名][^，,；;。、]*?拘留`, 'g');
const PERSONS = new RegExp(`(${NUMBER})[人名]`, 'g');
const ENTITIES = new RegExp(`(${NUMBER})家`, 'g');
const FINES = new RegExp(`罚款[^\\d，,；;。、]{0,6}?(${NUMBER})(万元|万|元)|(${NUMBER})(万元|万|元)(?:的)?罚款`, 'g');

const sum = (text: string, pattern: RegExp, value: (m: RegExpExecArray) => number): number =>
  [...text.matchAll(pattern)].reduce((total, m) => total + value(m), 0);

const yuan = (amount: string, unit: string): number => Math.round(numberOf(amount) * (unit.startsWith('万') ? 10_000 : 1));

export function readAccountability(text: string): AccountabilityFigures {
  const sentence = compact(text);
  const detained = sum(sentence, DETAINED, (m) => numberOf(m[1] ?? m[2]!));
  return {
    persons: sum(sentence, PERSONS, (m) => numberOf(m[1]!)) - detained,
    entities: sum(sentence, ENTITIES, (m) => numberOf(m[1]!)),
    finesYuan: sum(sentence, FINES, (m) => (m[1] ? yuan(m[1], m[2]!) : yuan(m[3]!, m[4]!))),
    detained,
  };
}
