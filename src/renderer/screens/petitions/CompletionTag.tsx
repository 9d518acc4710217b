import { useTranslation } from 'react-i18next';
import type { PetitionCompletion } from '../../../contract/petitions';
import { Tag, type Tone } from '../../components/Tag';

const TONES: Record<PetitionCompletion, Tone> = { pending: 'warn', stage_completed: 'info', completed: 'ok' };

export function CompletionTag({ completion }: { completion: PetitionCompletion }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[completion]}>{t(`common:enums.completion.${completion}`)}</Tag>;
}
