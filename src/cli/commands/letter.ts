import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plainFileName } from '../../core/evidence/model';
import { type DocumentDraft, type DocumentType, type Preview, replyDueFor } from '../../core/documents/model';
import { formatOfPath, OUTPUT_FORMATS, type OutputFormat, renderFile } from '../../core/documents/output';
import type { DocumentPrinter } from '../../core/documents/print/chromium';
import type { Ledger } from '../../core/ledger';
import { dateOf, type IsoDate, isIsoDate } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { ok, type Result } from '../../shared/result';
import { type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';
import { makeFolder, writeNewFile } from '../write-new-file';

/**
 * `duban letter FILE --type T --unit NAME --out OUT.html|.docx|.pdf` issues one document (or only
 * renders it with --preview, taking no number); `--all-overdue --out DIR` issues one per lead unit
 * of the overdue tasks. Everything is rendered before anything is issued: a document that cannot be
 * written takes no number.
 */
interface Plan {
  readonly path: string;
  readonly type: string;
  readonly date: IsoDate;
  readonly format: OutputFormat;
  readonly preview: boolean;
}

function planOf(ctx: CommandContext): Result<Plan & { batch: boolean }, CliFailure> {
  const { values } = ctx;
  const out = values.out as string | undefined;
  const type = values.type as string | undefined;
  if (!type) return cliFailure('missing_option', { name: '--type' }, true);
  if (!out) return cliFailure('missing_option', { name: '--out' }, true);
  const batch = values['all-overdue'] === true;
  if (batch === (values.unit !== undefined)) return cliFailure('letter_unit_or_all', undefined, true);
  const date = (values.date as string | undefined) ?? dateOf(new Date());
  if (!isIsoDate(date)) return cliFailure('invalid_date', { value: date });
  const format = batch ? ((values.format as string | undefined) ?? 'pdf') : formatOfPath(out);
  if (!format || !(OUTPUT_FORMATS as readonly string[]).includes(format)) return cliFailure('letter_output', { path: out });
  return ok({ path: out, type, date, format: format as OutputFormat, preview: values.preview === true, batch });
}

function typeNamed(ledger: Ledger, name: string): Result<DocumentType, CliFailure> {
  const types = ledger.documents.types();
  const type = types.find((t) => t.code === name || t.name === name);
  return type ? ok(type) : cliFailure('letter_unknown_type', { type: name, types: types.map((t) => `${t.code}（${t.name}）`).join('、') });
}

const fileNameOf = (preview: Preview, format: OutputFormat): string => plainFileName(`${preview.document.number}-${preview.recipient}.${format}`);

/** Renders every preview; nothing is issued when one cannot be rendered. */
async function renderAll(previews: readonly Preview[], format: OutputFormat, printer: DocumentPrinter | null): Promise<Result<Uint8Array[], CliFailure>> {
  const files: Uint8Array[] = [];
  for (const preview of previews) {
    const file = await renderFile(format, [preview.document], printer);
    if (!file.ok) return ledgerFailure(file.error);
    files.push(file.value);
  }
  return ok(files);
}

function report(ctx: CommandContext, previews: readonly Preview[], replyDue: IsoDate, issued: boolean): void {
  for (const p of previews) {
    const params = { number: p.document.number, recipient: p.recipient, tasks: p.taskIds.length, replyDue: formatDate(replyDue, ctx.language) };
    ctx.out(ctx.t(issued ? 'cli:letter.issued' : 'cli:letter.previewed', params));
  }
}

async function run(ctx: CommandContext, ledger: Ledger, plan: Plan & { batch: boolean }, printer: DocumentPrinter | null): Promise<Result<void, CliFailure>> {
  const type = typeNamed(ledger, plan.type);
  if (!type.ok) return type;
  const replyDue = replyDueFor(ledger.documents.office(), plan.date);
  const common = { docType: type.value.code, issuedOn: plan.date, replyDue };
  let previews: Preview[];
  let draft: DocumentDraft | null = null;
  if (plan.batch) {
    const batch = ledger.documents.previewBatch({ ...common, overdueAsOf: plan.date });
    if (!batch.ok) return ledgerFailure(batch.error);
    if (batch.value.length === 0) return cliFailure('letter_none_overdue', { date: formatDate(plan.date, ctx.language) });
    previews = batch.value;
  } else {
    const unit = ledger.units.findByName(ctx.values.unit as string);
    if (!unit) return cliFailure('letter_unknown_unit', { unit: ctx.values.unit as string });
    const tasks = ledger.documents.defaultTasks(unit.id);
    if (!tasks.ok) return ledgerFailure(tasks.error);
    draft = { ...common, recipientUnitId: unit.id, taskIds: tasks.value.map((t) => t.id) };
    const single = ledger.documents.preview(draft);
    if (!single.ok) return ledgerFailure(single.error);
    previews = [single.value];
  }
  const paths = plan.batch ? previews.map((p) => join(plan.path, fileNameOf(p, plan.format))) : [plan.path];
  const taken = paths.find((path) => existsSync(path));
  if (taken) return cliFailure('out_exists', { path: taken });
  const files = await renderAll(previews, plan.format, printer);
  if (!files.ok) return files;
  if (plan.batch) {
    const made = makeFolder(plan.path);
    if (!made.ok) return made;
  }
  if (!plan.preview) {
    // The command holds the ledger's lock: the numbers the previews showed are the ones issued.
    const issued = draft ? ledger.documents.issue(draft) : ledger.documents.issueBatch({ ...common, overdueAsOf: plan.date });
    if (!issued.ok) return ledgerFailure(issued.error);
  }
  for (const [index, path] of paths.entries()) {
    const written = writeNewFile(path, files.value[index]!);
    if (!written.ok) return written;
  }
  report(ctx, previews, replyDue, !plan.preview);
  if (plan.format === 'html' && !printer) ctx.warn(ctx.t('cli:letter.unfitted'));
  for (const path of paths) ctx.out(ctx.t('cli:letter.written', { path }));
  return ok(undefined);
}

export const letter: Command = {
  name: 'letter',
  positionals: ['FILE'],
  options: {
    type: { type: 'string' },
    unit: { type: 'string' },
    'all-overdue': { type: 'boolean' },
    date: { type: 'string' },
    preview: { type: 'boolean' },
    out: { type: 'string' },
    format: { type: 'string' },
  },
  async run(ctx) {
    const plan = planOf(ctx);
    if (!plan.ok) return plan;
    // A PDF cannot be made without a Chromium: say so before the ledger is even opened. (Loaded
    // only here: playwright-core takes a second to load, which the other commands need not wait.)
    const launched = plan.value.format === 'docx' ? null : await (await import('../../core/documents/print/chromium')).DocumentPrinter.launch();
    if (launched && !launched.ok && plan.value.format === 'pdf') return ledgerFailure(launched.error);
    const printer = launched?.ok ? launched.value : null;
    try {
      const [path] = ctx.positionals as [string];
      const opened = await openLedger(ctx, path, plan.value.preview);
      if (!opened.ok) return opened;
      try {
        return await run(ctx, opened.value, plan.value, printer);
      } finally {
        opened.value.close();
      }
    } finally {
      await printer?.close();
    }
  },
};
