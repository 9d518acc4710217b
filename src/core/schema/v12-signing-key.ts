/**
 * Schema version 12: every ledger holds its report signing key from the start — no new tables; its
 * seed makes the key, so that reading the key (in 设置, before saving a package) never writes.
 */
export const V12_SIGNING_KEY: readonly string[] = [];
