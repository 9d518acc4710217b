import type { PlatformHandlers } from '../core/host/routes';
import { ok } from '../shared/result';

/** A plain browser has no system dialogs: the screens let the user type the path, pick files and download instead. */
export function browserPlatform(version: string): PlatformHandlers {
  return {
    info: () => ok({ shell: 'browser', version }),
    chooseLedgerPath: () => ok(null),
    chooseWorkbooks: () => ok(null),
    saveFiles: () => ok(null),
  };
}
