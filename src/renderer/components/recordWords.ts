/** The records kept whole, each on a page of its own (/petitions/12, /visits/new …): the list's address and the words' namespace. */
export const RECORD_AREAS = ['petitions', 'visits', 'meetings', 'accountability'] as const;
export type RecordArea = (typeof RECORD_AREAS)[number];

/** What every record page says, each area in its own words (built at run time, so checked by test/renderer/forms.test.ts). */
export const RECORD_WORDS = ['title', 'saved', 'created', 'remove', 'removeMessage', 'removed'] as const;
export type RecordWord = (typeof RECORD_WORDS)[number];
