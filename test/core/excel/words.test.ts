import { describe, expect, it } from 'vitest';
import { IMPORT_SPECS } from '../../../src/core/excel/import/kinds';
import { IMPORT_KINDS, ISSUE_CODES, SKIP_REASONS } from '../../../src/core/excel/import/model';
import { RETURN_WARNINGS } from '../../../src/core/excel/packages/model';
import enExchange from '../../../src/shared/i18n/locales/en/exchange.json' with { type: 'json' };
import zhExchange from '../../../src/shared/i18n/locales/zh-CN/exchange.json' with { type: 'json' };

/**
 * The words of the exchange: every finding of an import has its sentence in both languages, and the
 * Chinese headers an export writes are the first words the import looks for, so that what is
 * exported is imported back without a correction.
 */
describe('the words of the Excel exchange', () => {
  it.each([
    ['zh-CN', zhExchange],
    ['en', enExchange],
  ] as const)('%s: every issue, reason to pass a row over, and warning on a returned workbook', (_, words) => {
    expect(ISSUE_CODES.filter((code) => typeof (words.issues as Record<string, string>)[code] !== 'string')).toEqual([]);
    expect(SKIP_REASONS.filter((reason) => typeof (words.skip as Record<string, string>)[reason] !== 'string')).toEqual([]);
    expect(RETURN_WARNINGS.filter((code) => typeof (words.returns as Record<string, string>)[code] !== 'string')).toEqual([]);
    for (const kind of IMPORT_KINDS) {
      const fields = (words.fields as Record<string, Record<string, string>>)[kind]!;
      expect(
        IMPORT_SPECS[kind].fields.map((f) => f.key).filter((key) => typeof fields[key] !== 'string'),
        kind,
      ).toEqual([]);
    }
  });

  it("names each field in Chinese by the import's first word for it", () => {
    for (const kind of IMPORT_KINDS) {
      const fields = (zhExchange.fields as Record<string, Record<string, string>>)[kind]!;
      for (const spec of IMPORT_SPECS[kind].fields) expect(fields[spec.key], `${kind}.${spec.key}`).toBe(spec.words[0]);
    }
  });
});
