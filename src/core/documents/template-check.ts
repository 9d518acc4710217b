import type { LedgerContext } from '../context';
import { defaultTasks } from './default-tasks';
import { issueService, type TemplateDraft } from './issue';
import type { DocumentDraft, IssueWarning, TemplateProblem } from './model';
import { renderHtml } from './render/html';
import { parseTemplate } from './template/parse';

/** A template as its editor holds it, and the letter to try it on (none: only check it). */
export interface TemplateCheck extends TemplateDraft {
  readonly sample: DocumentDraft | null;
}

/** The template's first problem, or the page it makes for the sample (null without one, or when it cannot be made). */
export interface TemplateVerdict {
  readonly problem: TemplateProblem | null;
  readonly html: string | null;
  /** The sentences the sample leaves out because the office has not set their fields (its letters would too). */
  readonly warnings: readonly IssueWarning[];
}

/** What the template editor shows while the user types. */
export function checkTemplate(ctx: LedgerContext, { source, format, sample }: TemplateCheck): TemplateVerdict {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { problem: parsed.error, html: null, warnings: [] };
  if (!sample) return { problem: null, html: null, warnings: [] };
  const preview = issueService(ctx).preview(withTasks(ctx, sample), { source, format });
  if (!preview.ok) return { problem: null, html: null, warnings: [] };
  return { problem: null, html: renderHtml([preview.value.document]), warnings: preview.value.warnings.filter((w) => w.code === 'sentence_left_out') };
}

/** A sample without tasks gets those a letter to its recipient covers by default, so that the loops show something. */
function withTasks(ctx: LedgerContext, sample: DocumentDraft): DocumentDraft {
  if (sample.taskIds?.length) return sample;
  const tasks = defaultTasks(ctx.db, sample.recipientUnitId);
  return tasks.ok ? { ...sample, taskIds: tasks.value.map((task) => task.id) } : sample;
}
