import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import type { LedgerContext } from '../context';
import type { Reader } from '../storage/database';
import { type Draft, draftKey, draftValues } from './model';

function loadDraft(db: Reader, key: string): Draft | null {
  const row = db.get<{ key: string; form_values: string; saved_at: string }>('SELECT key, form_values, saved_at FROM drafts WHERE key = ?', [key]);
  return row ? { key: row.key, values: JSON.parse(row.form_values) as unknown, savedAt: row.saved_at } : null;
}

/**
 * Drafts are written without an audit entry: they are not records but words on their way to one,
 * written as the user types; the record they become is audited when it is saved.
 */
function putDraft(ctx: LedgerContext, key: string, values: unknown): Result<Draft> {
  const valid = validate(draftKey, key);
  if (!valid.ok) return valid;
  const content = validate(draftValues, values);
  if (!content.ok) return content;
  return ctx.write((tx) => {
    tx.run(
      'INSERT INTO drafts (key, form_values, saved_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET form_values = excluded.form_values, saved_at = excluded.saved_at',
      [key, JSON.stringify(values), tx.at],
    );
    return ok(loadDraft(tx, key)!);
  });
}

function dropDraft(ctx: LedgerContext, key: string): Result<void> {
  if (!loadDraft(ctx.db, key)) return ok(undefined);
  return ctx.write((tx) => ok(void tx.run('DELETE FROM drafts WHERE key = ?', [key])));
}

export function draftService(ctx: LedgerContext) {
  return {
    get: (key: string): Result<Draft | null> => ok(loadDraft(ctx.db, key)),
    put: (key: string, values: unknown) => putDraft(ctx, key, values),
    /** Nothing to do when there is none: a form saved without a draft drops nothing. */
    drop: (key: string) => dropDraft(ctx, key),
  };
}

export type DraftService = ReturnType<typeof draftService>;
