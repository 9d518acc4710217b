import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type MeetingInput, meetingInput } from '../../src/contract/meetings';
import { accountabilityInput } from '../../src/contract/accountability';
import { RECORD_AREAS, RECORD_WORDS } from '../../src/renderer/components/recordWords';
import { typedTwice } from '../../src/renderer/forms/typedTwice';
import { changed, type FieldOf, freshChecks, shownError, touched } from '../../src/renderer/forms/fields';
import { fieldErrors } from '../../src/shared/validation';

/** What the schema says of `values`, by field, as the form reads it. */
const issuesOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, values: unknown) => {
  const parsed = schema.safeParse(values);
  return parsed.success ? [] : fieldErrors(parsed.error as Parameters<typeof fieldErrors>[0]);
};

const meeting: MeetingInput = { heldOn: '2026-11-24', kind: 'party_group', title: '', unitId: null, attendees: '', notes: '' };

describe('a form shows the schema’s issues by field', () => {
  it('says nothing of a field still being typed, then its issue once the user leaves it', () => {
    const local = issuesOf(meetingInput, meeting);
    expect(shownError(freshChecks, local, 'title')).toBeUndefined();
    expect(shownError(touched(freshChecks, 'title'), local, 'title')).toEqual({ field: 'title', code: 'required' });
    expect(shownError(touched(freshChecks, 'title'), local, 'heldOn')).toBeUndefined();
  });

  it('after a first attempt to save, every field says what is wrong with it', () => {
    const local = issuesOf(meetingInput, { ...meeting, heldOn: '' });
    const submitted = { ...freshChecks, submitted: true };
    expect(shownError(submitted, local, 'title')?.code).toBe('required');
    expect(shownError(submitted, local, 'heldOn')?.code).toBe('required');
  });

  it('shows a nested issue (a subject of a case) under the field holding it', () => {
    const subject = { kind: 'person', name: '', form: 'criticism' };
    const local = issuesOf(accountabilityInput, { issue: '问题', subjects: [subject] });
    expect(shownError({ ...freshChecks, submitted: true }, local, 'subjects')).toEqual({ field: 'subjects.0.name', code: 'required' });
  });

  it('shows what the core refused until the user changes that field, and only that one', () => {
    const refused = [
      { field: 'title', code: 'duplicate' as const },
      { field: 'notes', code: 'too_long' as const },
    ];
    const checks = changed({ ...freshChecks, refused }, 'title');
    expect(shownError({ ...freshChecks, refused }, [], 'title')?.code).toBe('duplicate');
    expect(shownError(checks, [], 'title')).toBeUndefined();
    expect(shownError(checks, [], 'notes')?.code).toBe('too_long');
  });
});

describe('a control binds only to a field that can hold what it writes', () => {
  it('offers a date control the date fields, a text control the text fields', () => {
    expectTypeOf<FieldOf<MeetingInput, string>>().toEqualTypeOf<'heldOn' | 'title' | 'attendees' | 'notes'>();
    expectTypeOf<FieldOf<MeetingInput, number | null>>().toEqualTypeOf<'unitId'>();
  });
});

describe('a record page speaks in its area’s words', () => {
  it('finds every word it says in both languages', () => {
    const missing = ['zh-CN', 'en'].flatMap((language) =>
      RECORD_AREAS.flatMap((area) => {
        const words = JSON.parse(readFileSync(`src/shared/i18n/locales/${language}/${area}.json`, 'utf8')) as Record<string, unknown>;
        return RECORD_WORDS.filter((word) => typeof words[word] !== 'string').map((word) => `${language} ${area}:${word}`);
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('a secret typed twice', () => {
  it('says under the second typing that the two differ, in the words of what was typed', () => {
    const password = typedTwice(z.object({ next: z.string(), confirm: z.string() }), 'next');
    const passphrase = typedTwice(z.object({ passphrase: z.string(), confirm: z.string() }), 'passphrase', 'passphrases_differ');
    expect(issuesOf(password, { next: 'abc', confirm: 'abd' })).toEqual([{ field: 'confirm', code: 'passwords_differ' }]);
    expect(issuesOf(passphrase, { passphrase: 'abc', confirm: 'ab' })).toEqual([{ field: 'confirm', code: 'passphrases_differ' }]);
    expect(issuesOf(passphrase, { passphrase: 'abc', confirm: 'abc' })).toEqual([]);
  });
});
