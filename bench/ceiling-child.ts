import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import type { IsoDate } from '../src/shared/dates';
import { ok } from '../src/shared/result';
import { must, timed } from './figures';
import { roundsOf } from './fixtures';
import { type CachedLedger, cachedLedger } from './large-ledger';
import { BENCH_PASSWORD } from './storage';

/**
 * One step of the ceiling, in a process of its own so that its peak memory is its own:
 * `build N` makes (once) the ledger of N rounds; `open N` opens it as the app does (unlock, load,
 * the dashboard's figures) and prints the time, the processor time and the process's peak resident
 * memory as JSON; `archive N` archives half of a copy of it as one finished round and prints the
 * time, the peak resident memory while archiving, and the archive file's size.
 */
const [step, rounds] = [process.argv[2], Number(process.argv[3])];
const cached = await cachedLedger(rounds === 1 ? 'large' : `large-x${rounds}`, roundsOf(rounds));
if (step === 'open') {
  const cpu = process.cpuUsage();
  const [ledger, ms] = await timed(async () => {
    const opened = await cached.open();
    opened.stats({ asOf: '2025-06-30' as IsoDate });
    return opened;
  });
  const { user, system } = process.cpuUsage(cpu);
  ledger.close();
  process.stdout.write(`${JSON.stringify({ openMs: ms, cpuMs: (user + system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

/** The process's peak resident memory since `resetPeak`, in MB (Linux). */
const peakMb = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const resetPeak = (): void => writeFileSync('/proc/self/clear_refs', '5');

/** Every other task and case, with their reports, made one round of inspection, finished: what 归档 moves. */
async function halfArchived(cached: CachedLedger): Promise<{ archiveMs: number; peakMb: number; fileMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-archive-'));
  try {
    const path = join(dir, 'large.duban');
    copyFileSync(cached.path, path);
    const ledger = must(await Ledger.open(path, { password: BENCH_PASSWORD }));
    must(
      ledger.context.write((tx) => {
        tx.run("INSERT INTO inspections (id, name, created_at, updated_at) VALUES (1, '第一轮督察', '2023-06-01', '2023-06-01')");
        tx.run("UPDATE petition_cases SET inspection_id = 1, completion = 'completed' WHERE id % 2 = 0");
        tx.run("UPDATE tasks SET inspection_id = 1, status = 'closed' WHERE id % 2 = 0");
        return ok(undefined);
      }),
    );
    resetPeak();
    const [archived, archiveMs] = await timed(() =>
      ledger.archive.archive({ inspectionId: 1, out: join(dir, 'round.duban'), password: BENCH_PASSWORD, kdf: KDF_FLOOR }),
    );
    const archivePeakMb = peakMb();
    must(archived);
    ledger.close();
    return { archiveMs, peakMb: archivePeakMb, fileMb: statSync(join(dir, 'round.duban')).size / 1024 / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (step === 'archive') process.stdout.write(`${JSON.stringify(await halfArchived(cached))}\n`);
