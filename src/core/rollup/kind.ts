import type { Reader, Writer } from '../storage/database';
import { readSetting, storeSetting } from '../settings';
import type { LedgerKind } from './model';

/** Set once, when the ledger is made; a ledger without it (every ledger made before) is a group's. */
const KIND_SETTING = 'ledger.kind';

export const ledgerKindOf = (db: Reader): LedgerKind => readSetting<LedgerKind>(db, KIND_SETTING) ?? 'group';

export const storeLedgerKind = (writer: Writer, kind: LedgerKind): void => storeSetting(writer, KIND_SETTING, kind);
