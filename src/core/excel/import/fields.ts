import { type IsoDate, type Period, periodOf } from '../../../shared/dates';
import type { Deadline } from '../../tasks/model';
import { type CellValue, cellText } from '../read/cells';
import { fromExcelSerial, parseDateText, parsePeriodText } from '../values/dates';
import { parseDeadlineText } from '../values/deadlines';
import { splitUnitNames } from '../values/units';
import { readWord, valuesOf, type WordTable } from '../values/words';
import { labelScore } from './labels';
import type { EnumName, Issue, WordAnswers, WordChoice } from './model';
import { asTyped, compact } from '../values/text';
import { answerOf, type AskedCell } from './words';

/**
 * The fields a kind of record reads from a sheet: the header words that name each (the first is
 * the field's usual name, the rest the variants people use), and how its cells are read.
 */
export type FieldRead =
  | { readonly as: 'text' }
  | { readonly as: 'date' }
  | { readonly as: 'deadline' }
  | { readonly as: 'period' }
  | { readonly as: 'count' }
  /** Money in yuan; a header in 万元 multiplies by 10,000. */
  | { readonly as: 'amount' }
  | { readonly as: 'choice'; readonly words: WordTable<string>; readonly enumName: EnumName }
  /** Several values of a choice in one cell (大气、噪声), as `read` finds them; other text is asked. */
  | { readonly as: 'choices'; readonly words: WordTable<string>; readonly enumName: EnumName; readonly read: (text: string) => readonly string[] | null }
  /**
   * A value stated in a word or a sentence (是, 经核查，反映问题部分属实), as `read` finds it; text that
   * states none is kept as written under its header, and the row still imports.
   */
  | { readonly as: 'finding'; readonly read: (text: string) => string | null }
  | { readonly as: 'unit' }
  | { readonly as: 'units' }
  /** Several items in one cell, one a line or separated by ；. */
  | { readonly as: 'list' };

export interface FieldSpec {
  readonly key: string;
  readonly words: readonly string[];
  readonly read: FieldRead;
  readonly required?: boolean;
  /** The field numbers the rows (序号): a value in it alone does not make a row a record. */
  readonly ordinal?: boolean;
}

/** A field's value as read from its cell. */
export type FieldValue = string | number | IsoDate | Period | Deadline | readonly string[];

/**
 * `asked`: the cell's text was not a word the field reads, and was asked of the user (answered or
 * not). `kept`: the text was read as no value and is kept as written.
 */
export type Reading = ({ readonly value: FieldValue; readonly issue?: Issue } | { readonly value?: undefined; readonly issue: Issue }) & {
  readonly asked?: AskedCell;
  readonly kept?: string;
};

/** Where a cell is read: its column's header, its name (E7), and the user's answers to words. */
export interface CellPlace {
  readonly header: string;
  readonly at: string;
  readonly answers: WordAnswers;
}

/** How well a header names the field: its best word's score, earlier words winning ties. */
export function fieldScore(field: FieldSpec, header: { leaf: string; label: string }): number {
  const scores = field.words.map((word, index) => {
    const score = Math.max(labelScore(header.leaf, word), labelScore(header.label, word));
    return score > 0 ? score * 100 - index : 0;
  });
  return Math.max(0, ...scores);
}

const problem = (field: string, code: Issue['code'], value: string): Reading => ({ issue: { severity: 'error', code, field, params: { value } } });

const DEADLINE_CHOICE: WordChoice = { as: 'deadline' };

/** A deadline the user gave for a text: its kind, or a date. */
const answeredDeadline = (answer: string): Deadline =>
  answer === 'immediate' || answer === 'ongoing' ? { kind: answer } : { kind: 'date', date: answer as IsoDate };

/** Choices as the questions offer them: the values a table's words stand for. */
const enumChoice = (words: WordTable<string>, enumName: EnumName): WordChoice => ({ as: 'enum', enumName, values: valuesOf(words) });

/** What a question about a field's text offers: only choices and deadlines are asked about. */
export const choiceOfField = (spec: FieldSpec): WordChoice =>
  spec.read.as === 'choice' || spec.read.as === 'choices' ? enumChoice(spec.read.words, spec.read.enumName) : DEADLINE_CHOICE;

/** A text the field does not read as it stands: the user's answer, or an error until there is one. */
function asked(field: string, text: string, place: CellPlace, choice: WordChoice, value: (answer: string) => FieldValue): Reading {
  const answer = answerOf(place.answers, field, text, choice);
  const cell = { field, text, at: place.at };
  if (answer !== undefined) return { value: value(answer), asked: cell };
  return { issue: { severity: 'error', code: 'unknown_word', field, params: { value: text, cell: place.at } }, asked: cell };
}

function readDate(field: string, cell: CellValue): Reading {
  if (cell.kind === 'date') return { value: cell.date };
  const date = cell.kind === 'number' ? fromExcelSerial(cell.value) : parseDateText(cellText(cell));
  return date ? { value: date } : problem(field, 'invalid_date', cellText(cell));
}

function readDeadline(field: string, cell: CellValue, place: CellPlace): Reading {
  if (cell.kind === 'date') return { value: { kind: 'date', date: cell.date } };
  if (cell.kind === 'number') {
    const date = fromExcelSerial(cell.value);
    return date ? { value: { kind: 'date', date } } : problem(field, 'invalid_deadline', cellText(cell));
  }
  const reading = parseDeadlineText(cellText(cell));
  if (!reading) return asked(field, cellText(cell), place, DEADLINE_CHOICE, answeredDeadline);
  return reading.note
    ? { value: reading.deadline, issue: { severity: 'warning', code: 'deadline_immediate_and_ongoing', field } }
    : { value: reading.deadline };
}

function readPeriod(field: string, cell: CellValue): Reading {
  if (cell.kind === 'date') return { value: periodOf(cell.date) };
  const period = parsePeriodText(cellText(cell));
  return period ? { value: period } : problem(field, 'invalid_period', cellText(cell));
}

/** "2", "2人", "第1批", "3 家": a whole number of something. */
function readCount(field: string, cell: CellValue): Reading {
  if (cell.kind === 'number') return Number.isInteger(cell.value) && cell.value >= 0 ? { value: cell.value } : problem(field, 'invalid_number', cellText(cell));
  const match = /^第?(\d+)(批|人|家|个|件|次|名|起)?$/.exec(compact(cellText(cell)));
  return match ? { value: Number(match[1]) } : problem(field, 'invalid_number', cellText(cell));
}

function readAmount(field: string, cell: CellValue, header: string): Reading {
  const text = cell.kind === 'number' ? String(cell.value) : cellText(cell).normalize('NFKC').replace(/[\s,]/g, '');
  const match = /^(\d+(?:\.\d+)?)(万元|万|元)?$/.exec(text);
  if (!match) return problem(field, 'invalid_number', cellText(cell));
  const tenThousands = match[2] === '万元' || match[2] === '万' || (!match[2] && /万元/.test(header));
  return { value: Math.round(Number(match[1]) * (tenThousands ? 10_000 : 1)) };
}

function readChoice(field: string, cell: CellValue, place: CellPlace, words: WordTable<string>, enumName: EnumName): Reading {
  const value = readWord(words, cellText(cell));
  return value ? { value } : asked(field, cellText(cell), place, enumChoice(words, enumName), (answer) => answer);
}

function readChoices(field: string, cell: CellValue, place: CellPlace, read: Extract<FieldRead, { as: 'choices' }>): Reading {
  const values = read.read(cellText(cell));
  return values ? { value: values } : asked(field, cellText(cell), place, enumChoice(read.words, read.enumName), (answer) => [answer]);
}

function readFinding(field: string, cell: CellValue, place: CellPlace, read: (text: string) => string | null): Reading {
  const text = cellText(cell);
  const value = read(text);
  return value ? { value } : { issue: { severity: 'warning', code: 'kept_as_text', field, params: { cell: place.at, value: text } }, kept: text };
}

const listItems = (text: string): string[] =>
  text
    .split(/[；;\n]+/)
    .map((item) =>
      item
        .replace(/^\s*(?:\d+[.、．)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、)\s*/, '')
        .replace(/[。；;]+$/, '')
        .trim(),
    )
    .filter((item) => item !== '');

/** Reads a non-empty cell as the field says; empty cells are not read. */
export function readField(spec: FieldSpec, cell: CellValue, place: CellPlace): Reading {
  const read = spec.read;
  switch (read.as) {
    case 'text':
      return { value: asTyped(cellText(cell)) };
    case 'date':
      return readDate(spec.key, cell);
    case 'deadline':
      return readDeadline(spec.key, cell, place);
    case 'period':
      return readPeriod(spec.key, cell);
    case 'count':
      return readCount(spec.key, cell);
    case 'amount':
      return readAmount(spec.key, cell, place.header);
    case 'choice':
      return readChoice(spec.key, cell, place, read.words, read.enumName);
    case 'choices':
      return readChoices(spec.key, cell, place, read);
    case 'finding':
      return readFinding(spec.key, cell, place, read.read);
    case 'unit':
      return { value: splitUnitNames(cellText(cell))[0] ?? cellText(cell) };
    case 'units':
      return { value: splitUnitNames(cellText(cell)) };
    case 'list':
      return { value: listItems(cellText(cell)) };
  }
}
