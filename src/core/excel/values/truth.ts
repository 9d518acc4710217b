import type { PetitionTruth } from '../../petitions/model';
import { readWord, TRUTH_WORDS } from './words';
import { compact } from './text';

/**
 * 是否属实 as published tables write it: a word of its own (是, 否, 属实 …) or the finding inside a
 * sentence (经核查，反映问题部分属实). In a sentence the narrower finding is looked for first: 部分属实
 * and 不属实 both hold 属实, and "部分属实，其余不属实" is partly true.
 */
const IN_SENTENCE: readonly (readonly [PetitionTruth, RegExp])[] = [
  ['partly_true', /部分属实/],
  ['mostly_true', /基本属实/],
  ['false', /不属实|查无实据|未查实|无法查实/],
  ['true', /属实|查实/],
];

export function readTruth(text: string): PetitionTruth | null {
  const word = readWord(TRUTH_WORDS, text);
  if (word) return word;
  const sentence = compact(text);
  // A sentence states a finding; a short text that is none of the words (待定) states nothing.
  if (sentence.length < 4 || sentence === '是否属实') return null;
  return IN_SENTENCE.find(([, pattern]) => pattern.test(sentence))?.[0] ?? null;
}
