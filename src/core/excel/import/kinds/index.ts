import type { ImportKindSpec } from '../kind';
import type { ImportKind } from '../model';
import { PETITIONS } from './petitions';
import { PROGRESS } from './progress';
import { TASKS } from './tasks';
import { UNITS } from './units';

/** Every kind of record an import can bring in, in the order detection prefers on a tie. */
export const IMPORT_SPECS: Readonly<Record<ImportKind, ImportKindSpec>> = { tasks: TASKS, petitions: PETITIONS, units: UNITS, progress: PROGRESS };
