import type { Figure } from './figures';

/** Where a part sends each figure the moment it has measured it. */
export type Report = (figure: Figure) => void;

/** Where a bench run writes: figures to `out`, what failed to `err`. */
export interface BenchStreams {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_STREAMS: BenchStreams = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

const lineOf = (figure: Figure, json: boolean): string =>
  json ? `${JSON.stringify(figure)}\n` : `${figure.name.padEnd(34)} ${String(figure.value).padStart(10)} ${figure.unit}\n`;

const reasonOf = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * A bench run, printed as it goes (for people, or one JSON line a figure under `--json`): a run
 * of many minutes that fails near its end must not take the figures already measured with it.
 */
export class Bench {
  /** The parts that failed, in order: the run's exit code says so. */
  readonly failed: string[] = [];

  constructor(
    private readonly json: boolean,
    private readonly streams: BenchStreams = PROCESS_STREAMS,
  ) {}

  readonly report: Report = (figure) => this.streams.out(lineOf(figure, this.json));

  /** Runs one part of a suite; if it fails, says which and why, and the next part still runs. */
  async part(name: string, work: (report: Report) => unknown): Promise<void> {
    try {
      await work(this.report);
    } catch (error) {
      this.failed.push(name);
      this.streams.err(`bench part ${name} failed: ${reasonOf(error)}\n`);
    }
  }
}
