import { useTranslation } from 'react-i18next';
import type { ProgressState } from '../../contract/progress';
import { Tag, type Tone } from './Tag';

const TONES: Record<ProgressState, Tone> = { not_started: 'neutral', on_track: 'info', behind: 'danger', completed: 'ok' };

export function ProgressStateTag({ state }: { state: ProgressState }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[state]}>{t(`common:enums.progressState.${state}`)}</Tag>;
}
