import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, WordQuestion } from '../../../contract/exchange';
import { fieldLabel } from '../../../contract/describe-exchange';
import { Section } from '../Section';

/**
 * Text in the file that is not one of the values of its column (基本完成 for a status): the
 * software does not guess what it means. The user says it once for every cell that holds it; until
 * each is answered nothing is imported.
 */
const DATE = 'date';

type Decide = (field: string, text: string, value: string) => void;

/** A deadline is 立行立改, 长期坚持 or a date: choosing "a date" opens a date field for it. */
function DeadlineAnswer({ question, id, disabled, onDecide }: { question: WordQuestion; id: string; disabled: boolean; onDecide: Decide }) {
  const { t } = useTranslation('exchange');
  const decided = question.decision;
  const [dated, setDated] = useState(decided !== null && decided !== 'immediate' && decided !== 'ongoing');
  const decide = (value: string): void => onDecide(question.field, question.text, value);
  return (
    <div className="word-decisions__deadline">
      <select
        id={id}
        value={dated ? DATE : (decided ?? '')}
        disabled={disabled}
        onChange={(e) => {
          setDated(e.target.value === DATE);
          if (e.target.value !== DATE) decide(e.target.value);
        }}
      >
        <option value="" disabled>
          {t('words.choose')}
        </option>
        <option value="immediate">{t('common:enums.deadlineKind.immediate')}</option>
        <option value="ongoing">{t('common:enums.deadlineKind.ongoing')}</option>
        <option value={DATE}>{t('words.date')}</option>
      </select>
      {dated && (
        <input
          type="date"
          aria-label={t('words.dateOf', { text: question.text })}
          value={decided ?? ''}
          disabled={disabled}
          onChange={(e) => e.target.value && decide(e.target.value)}
        />
      )}
    </div>
  );
}

export function WordDecisions({
  kind,
  questions,
  disabled,
  onDecide,
}: {
  kind: ImportKind;
  questions: readonly WordQuestion[];
  disabled: boolean;
  onDecide: Decide;
}) {
  const { t } = useTranslation('exchange');
  const ids = useId();
  if (questions.length === 0) return null;
  return (
    <Section title={t('words.title')}>
      <p className="section__intro">{t('words.intro')}</p>
      <ul className="word-decisions">
        {questions.map((question, index) => {
          const id = `${ids}-${index}`;
          const choice = question.choice;
          return (
            <li key={`${question.field}:${question.text}`} className="word-decisions__item">
              <div>
                <label className="word-decisions__name" htmlFor={id}>
                  {t('words.question', { field: fieldLabel(t, kind, question.field), text: question.text })}
                </label>
                <span className="word-decisions__cells">
                  {t('words.cells', { cells: question.cells.join(t('common:listSeparator')), count: question.count })}
                </span>
              </div>
              {choice.as === 'deadline' ? (
                <DeadlineAnswer question={question} id={id} disabled={disabled} onDecide={onDecide} />
              ) : (
                <select id={id} value={question.decision ?? ''} disabled={disabled} onChange={(e) => onDecide(question.field, question.text, e.target.value)}>
                  <option value="" disabled>
                    {t('words.choose')}
                  </option>
                  {choice.values.map((value) => (
                    <option key={value} value={value}>
                      {t(`common:enums.${choice.enumName}.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
