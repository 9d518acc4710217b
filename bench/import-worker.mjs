// The core's worker thread for one bench import: the source through tsx, as the tests' core worker runs it.
import { register } from 'tsx/esm/api';

register();
await import('./import-run.ts');
