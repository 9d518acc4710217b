import { isIsoDate } from '../../../shared/dates';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { compact } from '../values/text';
import { unanswered, type WordAnswers, type WordChoice, type WordQuestion } from './model';

/**
 * Words asked of the user: cells whose text is not a word the import reads for their field. Each
 * text is asked once per field (compared without spaces and full-width forms), and the import
 * writes nothing until every one has an answer.
 */
export interface AskedCell {
  readonly field: string;
  readonly text: string;
  /** The cell, as the spreadsheet names it (E7). */
  readonly at: string;
}

/** The cells a question names; the count says how many more there are. */
const CELLS_NAMED = 5;

const isAnswer = (choice: WordChoice, value: string): boolean =>
  choice.as === 'enum' ? choice.values.includes(value) : value === 'immediate' || value === 'ongoing' || isIsoDate(value);

/** The user's answer for the text in the field, if there is one the choice allows. */
export function answerOf(answers: WordAnswers, field: string, text: string, choice: WordChoice): string | undefined {
  const key = compact(text);
  const found = Object.entries(answers[field] ?? {}).find(([written]) => compact(written) === key)?.[1];
  return found !== undefined && isAnswer(choice, found) ? found : undefined;
}

/** One question per field and text, in the order the cells were met. */
export function questionsOf(asked: readonly AskedCell[], choiceOf: (field: string) => WordChoice, answers: WordAnswers): WordQuestion[] {
  const questions = new Map<string, { field: string; text: string; cells: string[]; count: number }>();
  for (const cell of asked) {
    const key = `${cell.field}\u0000${compact(cell.text)}`;
    const question = questions.get(key) ?? { field: cell.field, text: cell.text, cells: [], count: 0 };
    if (question.cells.length < CELLS_NAMED) question.cells.push(cell.at);
    question.count++;
    questions.set(key, question);
  }
  return [...questions.values()].map((q) => {
    const choice = choiceOf(q.field);
    return { ...q, choice, decision: answerOf(answers, q.field, q.text, choice) ?? null };
  });
}

/** Nothing is written while a word waits for its answer: the first is named. */
export function allAnswered(questions: readonly WordQuestion[]): Result<void> {
  const open = unanswered(questions);
  const first = open[0];
  return first ? err(dubanError('excel.words_undecided', { count: open.length, cell: first.cells[0] ?? '', value: first.text })) : ok(undefined);
}
