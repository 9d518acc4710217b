import { describe, expect, it } from 'vitest';
import { dubanError } from '../../src/shared/errors';
import { describeError } from '../../src/shared/i18n/describe';
import { createI18n } from '../../src/shared/i18n/setup';

describe('the sentence for a ledger held elsewhere', () => {
  it('gives since when as a date and time the reader reads, not the lock file’s ISO text', () => {
    const held = dubanError('ledger.in_use', { host: 'PC-办公室', pid: 4242, since: '2026-12-04T01:15:00.000Z', lock: 'abc' });
    const zh = describeError(createI18n('zh-CN').t, held);
    expect(zh).toContain('PC-办公室');
    expect(zh).toMatch(/自 2026年12月4日 ?\D*\d{1,2}:15 起/);
    expect(zh).not.toContain('2026-12-04T');
    expect(describeError(createI18n('en').t, held)).toMatch(/since (December 4, 2026|4 December 2026)/);
  });
});
