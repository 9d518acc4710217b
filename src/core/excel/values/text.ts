/** Text as people type it, compared without its spaces and with full-width letters and digits made plain. */
export const compact = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
