/**
 * What the user is typing, kept while the ledger is locked (by hand or after the idle time) and
 * while a save fails, and given back to the form when it shows again. In memory only: nothing
 * typed is ever written to disk outside the ledger.
 */
const drafts = new Map<string, unknown>();

export const readDraft = <T>(key: string): T | undefined => drafts.get(key) as T | undefined;
export const writeDraft = (key: string, values: unknown): void => void drafts.set(key, values);
export const dropDraft = (key: string): void => void drafts.delete(key);
