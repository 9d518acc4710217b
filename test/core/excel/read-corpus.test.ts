import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../../src/core/excel/read/source';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import type { DubanError } from '../../../src/shared/errors';
import { WORKBOOK_DIR } from '../../fixtures/xlsx';

/**
 * The corpus: the smallest workbooks showing each way a file was found to mislead the reader (made
 * by corpus/make-corpus.ts, or kept from the fuzz), each read as a file comes in, against the
 * outcome expected.json gives it: "ok", or the error.
 */
const CORPUS = join(WORKBOOK_DIR, 'corpus');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, 'ok' | DubanError>;
const files = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.xlsx'))
  .sort();

describe('the corpus of misleading workbooks', () => {
  it('gives every file an expected outcome, and every expected outcome a file', () => {
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s', async (file) => {
    const bytes = readFileSync(join(CORPUS, file));
    const loaded = await loadWorkbook({ fileName: file, bytes });
    expect(loaded.ok ? 'ok' : loaded.error).toEqual(expected[file]);
    // Alone, past the inspection, the reader answers too.
    const read = await readWorkbook(bytes);
    expect(read.ok || read.error.code.startsWith('excel.')).toBe(true);
  });
});
