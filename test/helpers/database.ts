import { LedgerDatabase } from '../../src/core/storage/database';
import { ok } from '../../src/shared/result';

/** A database in memory holding the one table `create` makes. */
export async function databaseWith(create: string): Promise<LedgerDatabase> {
  const db = await LedgerDatabase.fromImage();
  db.transaction(
    (w) => ok(w.run(create)),
    () => ok(undefined),
  );
  return db;
}
