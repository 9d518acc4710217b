import type { IsoDate } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { LedgerContext } from '../context';
import { found } from '../records';
import { catalogueService, documentTypeByCode } from './catalogue';
import { defaultTasks } from './default-tasks';
import { issueService } from './issue';
import { type CounterInput, counterInput, type DocumentQuery, type IssuedDocument } from './model';
import { formatNumber, nextSerial, setCounter } from './numbering';
import { awaitingReply, listDocuments, loadIssuedDocument } from './register';
import { renderHtml } from './render/html';
import { checkTemplate, type TemplateCheck } from './template-check';

/** Formal documents: the catalogue they are written from, issuing them, and the register. */
export function documentService(ctx: LedgerContext) {
  const get = (id: number): Result<IssuedDocument> => found('document', id, loadIssuedDocument(ctx.db, id));
  return {
    ...catalogueService(ctx),
    ...issueService(ctx),
    /** What a letter to the unit covers unless the user chooses (default-tasks.ts). */
    defaultTasks: (unitId: number) => defaultTasks(ctx.db, unitId),
    checkTemplate: (request: TemplateCheck) => checkTemplate(ctx, request),
    list: (query?: DocumentQuery) => listDocuments(ctx.db, query),
    get,
    /** Issued documents as one page to print, each numbering its own pages, as they were issued. */
    html(ids: readonly number[]): Result<string> {
      const docs = [];
      for (const id of ids) {
        const doc = get(id);
        if (!doc.ok) return doc;
        docs.push(doc.value.content);
      }
      return ok(renderHtml(docs));
    },
    /** Documents still owed a reply on `asOf`, the overdue first: what the dashboard lists. */
    awaitingReply: (asOf: IsoDate) => awaitingReply(ctx.db, asOf),
    /** The number the next document of the type would get in `year`; asking takes nothing. */
    nextNumber(docType: string, year: number): Result<string> {
      const type = documentTypeByCode(ctx.db, docType);
      return type ? ok(formatNumber(type.numberPattern, year, nextSerial(ctx.db, docType, year))) : invalid('docType', 'unknown_reference');
    },
    setCounter(input: CounterInput): Result<string> {
      const valid = validate(counterInput, input);
      if (!valid.ok) return valid;
      const { docType, year, nextSerial: next } = valid.value;
      return ctx.write((tx) => {
        const type = documentTypeByCode(tx, docType);
        if (!type) return invalid('docType', 'unknown_reference');
        const before = nextSerial(tx, docType, year);
        const set = setCounter(tx, docType, year, next);
        if (!set.ok) return set;
        tx.audit({ action: 'update', entity: 'document_type', entityId: type.id, before: { year, nextSerial: before }, after: { year, nextSerial: next } });
        return ok(formatNumber(type.numberPattern, year, next));
      });
    },
  };
}

export type DocumentService = ReturnType<typeof documentService>;
