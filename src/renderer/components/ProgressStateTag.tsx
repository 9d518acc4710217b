import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressState } from '../../contract/progress';
import { Tag, type Tone } from './Tag';

const TONES: Record<ProgressState, Tone> = { not_started: 'neutral', on_track: 'info', behind: 'danger', completed: 'ok' };

/** The state as a tag with the caller's `t`: a table's cells take the table's (no translation hook in each). */
export const progressStateTag = (t: TFunction, state: ProgressState): ReactNode => <Tag tone={TONES[state]}>{t(`common:enums.progressState.${state}`)}</Tag>;

export function ProgressStateTag({ state }: { state: ProgressState }) {
  const { t } = useTranslation();
  return progressStateTag(t, state);
}
