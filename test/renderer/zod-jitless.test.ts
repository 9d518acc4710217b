import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const RENDERER = join(import.meta.dirname, '..', '..', 'src', 'renderer');

/** The modules main.tsx imports, in the order they run. */
function importsOfEntry(): string[] {
  const source = ts.createSourceFile('main.tsx', readFileSync(join(RENDERER, 'main.tsx'), 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.filter(ts.isImportDeclaration).map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
}

/**
 * The page's policy forbids eval; zod probes for it (new Function) as each object schema is built
 * and, under the policy, Chromium reports the probe as a violation. Told to be jitless first, it never tries.
 */
describe('zod in the screens', () => {
  it('is told to compile nothing before any module builds a schema', async () => {
    expect(importsOfEntry()[0]).toBe('./zod-jitless');
    await import('../../src/renderer/zod-jitless');
    expect(z.config().jitless).toBe(true);
  });
});
