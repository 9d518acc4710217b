import type { DubanApi } from '../../contract/api';
import { providedContext } from './providedContext';

export const { Provider: ApiProvider, useProvided: useApi } = providedContext<DubanApi>('useApi');
