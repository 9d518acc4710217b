import { join } from 'node:path';

/**
 * Where the demo ledger lives and how it is opened: in the app's settings folder (beside the
 * preferences), so that it opens with one click — no path to choose, no password or recovery key to
 * type or keep. It is encrypted like every ledger (the file format knows no other kind), under a
 * password written here in the open: it holds only invented sample data, so a secret password would
 * protect nothing and cost a newcomer the one click. The welcome screen says it is for trying the
 * app out; real work belongs in a ledger of its own, under a password only the office knows.
 */
export const DEMO_PASSWORD = 'duban 示例台账 sample data, not for real work';

export const demoLedgerPath = (configDir: string): string => join(configDir, 'demo', '示例台账.duban');
