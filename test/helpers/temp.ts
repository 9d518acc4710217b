import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Fresh directories, removed after each test — or, with `scope: 'file'`, after the whole file
 * (for what a `beforeAll` prepares).
 */
export function useTempDir(scope: 'test' | 'file' = 'test'): () => string {
  const dirs: string[] = [];
  (scope === 'test' ? afterEach : afterAll)(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-test-'));
    dirs.push(dir);
    return dir;
  };
}
