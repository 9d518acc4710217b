import { z } from 'zod';

/**
 * Imported first by the page (main.tsx): the page's policy forbids eval, and zod would otherwise
 * probe for it (new Function) as it builds each object schema, a probe Chromium reports as a
 * policy violation. ES modules run in import order, so this runs before any schema is built.
 */
z.config({ jitless: true });
