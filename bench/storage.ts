import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/core/ledger';
import { type AnchorBook, anchorFolder } from '../src/core/storage/anchor';
import { ok } from '../src/shared/result';
import { type Figure, median, must, percentile, round, timed } from './figures';
import { type FixtureSize, LARGE, SMALL, writeFixture, writeHistory } from './fixtures';
import { statsFigures } from './stats';

export const BENCH_PASSWORD = 'benchmark password';
const COMMITS = 300;

/** This machine's anchors, as the app and the command line keep them: every commit writes one. */
const anchorsIn = (dir: string): AnchorBook => anchorFolder(join(dir, 'anchors'));

/**
 * A ledger of `size` with a fresh snapshot, its KDF calibrated on this machine as a user's would be;
 * with `history`, each record's creation in its change history (writeHistory), as a ledger the
 * office filled holds it.
 */
export async function fixtureLedger(dir: string, name: string, size: FixtureSize, history = false): Promise<{ path: string; ledger: Ledger }> {
  const path = join(dir, `${name}.duban`);
  const { ledger } = must(await Ledger.create(path, { password: BENCH_PASSWORD, anchors: anchorsIn(dir) }));
  const at = '2026-11-01T09:00:00.000+08:00';
  must(
    history
      ? ledger.context.write((tx) => {
          writeFixture(tx, size, at);
          writeHistory(tx);
          return ok(undefined);
        })
      : ledger.store.write((w) => {
          writeFixture(w, size, at);
          return ok(undefined);
        }),
  );
  must(ledger.store.snapshot());
  return { path, ledger };
}

/** Durations of single audited commits (a unit's details edited), the way the app commits. */
function commitTimes(ledger: Ledger): number[] {
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const started = performance.now();
    must(ledger.units.update(1, { name: '第1责任单位', kind: 'supervised', notes: `第${i}次修改` }));
    times.push(performance.now() - started);
  }
  return times;
}

export async function storageFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  try {
    const small = await fixtureLedger(dir, 'small', SMALL);
    const smallMb = small.ledger.store.info().snapshotBytes / 1024 / 1024;
    const smallCommits = commitTimes(small.ledger);
    small.ledger.close();

    const large = await fixtureLedger(dir, 'large', LARGE);
    const largeMb = large.ledger.store.info().snapshotBytes / 1024 / 1024;
    const largeCommits = commitTimes(large.ledger);
    const stats = await statsFigures(large.ledger);
    const snapshots: number[] = [];
    for (let i = 0; i < 3; i++) snapshots.push((await timed(() => must(large.ledger.store.snapshot())))[1]);
    commitTimes(large.ledger); // leave a journal behind, as a day's work would, for the unlock to replay
    large.ledger.close();
    const unlocks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [opened, ms] = await timed(() => Ledger.open(large.path, { password: BENCH_PASSWORD }, { readOnly: true, anchors: anchorsIn(dir) }));
      must(opened).close();
      unlocks.push(ms);
    }
    return [
      { name: 'ledger_mb_1mb', value: round(smallMb), unit: 'MB' },
      { name: 'ledger_mb_50mb', value: round(largeMb), unit: 'MB' },
      { name: 'commit_p50_ms_1mb', value: round(median(smallCommits)), unit: 'ms' },
      { name: 'commit_p99_ms_1mb', value: round(percentile(smallCommits, 99)), unit: 'ms' },
      { name: 'commit_p50_ms_50mb', value: round(median(largeCommits)), unit: 'ms' },
      { name: 'commit_p99_ms_50mb', value: round(percentile(largeCommits, 99)), unit: 'ms' },
      { name: 'snapshot_ms_50mb', value: round(median(snapshots), 0), unit: 'ms' },
      { name: 'unlock_ms_50mb', value: round(median(unlocks), 0), unit: 'ms' },
      ...stats,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
