import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/core/ledger';
import { MIGRATIONS } from '../src/core/schema/migrations';
import { anchorFolder } from '../src/core/storage/anchor';
import { must } from './figures';
import { FIXTURE_VERSION, type FixtureSize } from './fixtures';
import { BENCH_PASSWORD, fixtureLedger } from './storage';

/**
 * A fixture ledger built once and kept under the OS temp folder, keyed by the generator's version,
 * the schema and the size, so that the next bench run opens it instead of writing 300,000 rows again.
 */
export interface CachedLedger {
  readonly path: string;
  open(): Promise<Ledger>;
}

/** The schema the cached ledgers were written with: any change to a migration builds them anew. */
const schemaKey = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 8);

export async function cachedLedger(name: string, size: FixtureSize): Promise<CachedLedger> {
  const dir = join(tmpdir(), `duban-bench-${name}-v${FIXTURE_VERSION}-${schemaKey}-${size.tasks}-${size.petitions}-${size.progressReports}`);
  const done = join(dir, 'built');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`building the ${name} ledger in ${dir} (once; later runs reuse it)…\n`);
    const built = await fixtureLedger(dir, name, size, true);
    built.ledger.close();
    writeFileSync(done, new Date().toISOString());
  }
  const path = join(dir, `${name}.duban`);
  return {
    path,
    // Read-only, so that no bench run changes the cached file.
    open: async () => must(await Ledger.open(path, { password: BENCH_PASSWORD }, { readOnly: true, anchors: anchorFolder(join(dir, 'anchors')) })),
  };
}
