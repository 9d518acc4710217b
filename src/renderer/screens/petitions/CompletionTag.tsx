import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { PetitionCompletion } from '../../../contract/petitions';
import { Tag, type Tone } from '../../components/Tag';

const TONES: Record<PetitionCompletion, Tone> = { pending: 'warn', stage_completed: 'info', completed: 'ok' };

/** The completion as a tag with the list's `t`: a translation hook in each of a page's cells is what a search waited for. */
export const completionTag = (t: TFunction, completion: PetitionCompletion): ReactNode => (
  <Tag tone={TONES[completion]}>{t(`common:enums.completion.${completion}`)}</Tag>
);
