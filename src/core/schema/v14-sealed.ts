/**
 * Schema version 14: whether a document type goes out sealed (GB/T 9704 §7.3.5.1: the seal pressed
 * on the signature and date) or unsealed (§7.3.5.2). Every type is sealed but the 提醒函, which an
 * office sends without its seal.
 */
export const V14_SEALED: readonly string[] = [
  'ALTER TABLE document_types ADD COLUMN sealed INTEGER NOT NULL DEFAULT 1',
  "UPDATE document_types SET sealed = 0 WHERE code = 'reminder'",
];
