import { z } from 'zod';
import { MAX_WORKBOOK_BYTES } from '../core/excel/import/model';
import { method } from './define';

/** Arguments several namespaces take, checked as strictly as the core needs them. */
export const id = z.number().int().positive();
export const path = z.string().min(1).max(4096);
export const secret = z.string().min(1).max(1024);
export const none = z.tuple([]);
/** A document page to print: the app's own HTML, a few megabytes at most even for a large batch. */
export const page = z
  .string()
  .min(1)
  .max(64 * 1024 * 1024);
export const importId = z.string().uuid();
/** A file the app made, to be saved: a workbook or a document, no larger than the largest workbook it reads. */
export const savedFile = z.object({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+$/),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length <= MAX_WORKBOOK_BYTES),
});
/** A backup's file name, never a path: backups are only ever looked for in the ledger's own backups folder. */
export const backupName = z.string().regex(/^[^/\\]+\.duban$/);

/** Getting, creating, updating and removing one kind of record kept whole (its list differs by kind). */
export const kept = <I extends z.ZodType>(input: I) => ({
  returns: <E>() => ({
    get: method(z.tuple([id])).returns<E>(),
    create: method(z.tuple([input])).returns<E>(),
    update: method(z.tuple([id, input])).returns<E>(),
    remove: method(z.tuple([id])).returns<void>(),
  }),
});
