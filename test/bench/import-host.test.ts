import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureImport } from '../../bench/excel';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the bench's import", () => {
  it('runs as the desktop app runs it: the built core worker in a host process of its own, asked through the contract', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-import-host-'));
    const measured = await measureImport(dir, 40);
    expect(measured.ms).toBeGreaterThan(0);
    // A host process holds Node, the worker and sql.js: tens of megabytes at least, never more than a machine has.
    expect(measured.peakMb).toBeGreaterThan(30);
    expect(measured.peakMb).toBeLessThan(4096);
    expect(measured.cpuMs).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
