import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Preview } from '../../core/documents/model';
import { renderFile } from '../../core/documents/output';
import type { DocumentPrinter } from '../../core/documents/print/chromium';
import type { Ledger } from '../../core/ledger';
import { reportPackageFileName, writeReportPackage } from '../../core/rollup/package';
import { dateOf, type IsoDate, isIsoDate, isPeriod, type Period } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { askUnlock, type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';
import { makeFolder, writeNewFile } from '../write-new-file';

/**
 * `duban report FILE --period YYYY-MM --out DIR [--date YYYY-MM-DD]`: the group's monthly report
 * into DIR — the 情况报告 (issued, so numbered, as the app issues it) as .docx and .pdf, the 统计表 as
 * .xlsx, and the report package for the commission (.dubanreport: signed, sealed under the passphrase
 * the two offices agreed — asked after the ledger's password, the second line with --password-stdin).
 * Everything is made before the report is issued, and nothing is written over.
 */
interface Plan {
  readonly period: Period;
  readonly date: IsoDate;
  readonly out: string;
}

/** What the outputs are made from: the ledger, the month, and the report as it will be issued. */
interface ReportRun {
  readonly ctx: CommandContext;
  readonly ledger: Ledger;
  readonly plan: Plan;
  readonly report: Preview;
  readonly printer: DocumentPrinter | null;
  readonly passphrase: string;
}

/** One file the command writes: its name and its bytes. Another output is another entry of OUTPUTS. */
interface ReportOutput {
  readonly fileName: (run: ReportRun) => string;
  readonly make: (run: ReportRun) => Promise<Result<Uint8Array, CliFailure>>;
}

const typeName = (run: ReportRun): string => run.ledger.documents.types().find((type) => type.code === 'monthly_report')?.name ?? 'monthly_report';

const documentFile = (format: 'docx' | 'pdf'): ReportOutput => ({
  fileName: (run) => `${typeName(run)}-${run.plan.period}.${format}`,
  async make({ report, printer }) {
    const file = await renderFile(format, [report.document], printer);
    return file.ok ? file : ledgerFailure(file.error);
  },
});

const statistics: ReportOutput = {
  fileName: (run) => run.ctx.t('exchange:monthlyReport.fileName', { period: run.plan.period }) + '.xlsx',
  async make({ ledger, plan, ctx }) {
    const file = await ledger.monthlyReport.workbook(plan.period, plan.date, ctx.language);
    return file.ok ? ok(file.value.bytes) : ledgerFailure(file.error);
  },
};

const reportPackage: ReportOutput = {
  fileName: (run) => reportPackageFileName(run.ledger, run.plan.period),
  async make({ ledger, plan, passphrase }) {
    const file = await writeReportPackage(ledger, plan.period, passphrase);
    return file.ok ? file : ledgerFailure(file.error);
  },
};

const OUTPUTS: readonly ReportOutput[] = [documentFile('docx'), documentFile('pdf'), statistics, reportPackage];

function planOf(ctx: CommandContext): Result<Plan, CliFailure> {
  const { period, out } = ctx.values as { period?: string; out?: string; date?: string };
  if (!period) return cliFailure('missing_option', { name: '--period' }, true);
  if (!out) return cliFailure('missing_option', { name: '--out' }, true);
  if (!isPeriod(period)) return cliFailure('invalid_period', { value: period });
  const date = (ctx.values.date as string | undefined) ?? dateOf(new Date());
  if (!isIsoDate(date)) return cliFailure('invalid_date', { value: date });
  return ok({ period, date, out });
}

async function run(ctx: CommandContext, ledger: Ledger, plan: Plan, printer: DocumentPrinter | null, passphrase: string): Promise<Result<void, CliFailure>> {
  const request = { period: plan.period, issuedOn: plan.date };
  const report = ledger.monthlyReport.preview(request);
  if (!report.ok) return ledgerFailure(report.error);
  const reportRun: ReportRun = { ctx, ledger, plan, report: report.value, printer, passphrase };
  const paths = OUTPUTS.map((output) => join(plan.out, output.fileName(reportRun)));
  const taken = paths.find((path) => existsSync(path));
  if (taken) return cliFailure('out_exists', { path: taken });
  const files: Uint8Array[] = [];
  for (const output of OUTPUTS) {
    const file = await output.make(reportRun);
    if (!file.ok) return file;
    files.push(file.value);
  }
  const made = makeFolder(plan.out);
  if (!made.ok) return made;
  // The command holds the ledger's lock: the number the preview showed is the one issued.
  const issued = ledger.monthlyReport.issue(request);
  if (!issued.ok) return ledgerFailure(issued.error);
  for (const [index, path] of paths.entries()) {
    const written = writeNewFile(path, files[index]!);
    if (!written.ok) return written;
  }
  ctx.out(ctx.t('cli:report.issued', { number: issued.value.number, title: issued.value.title }));
  for (const path of paths) ctx.out(ctx.t('cli:letter.written', { path }));
  const key = ledger.rollup.signingKey();
  if (key.ok) ctx.out(ctx.t('cli:report.fingerprint', { fingerprint: key.value.fingerprint }));
  return ok(undefined);
}

export const report: Command = {
  name: 'report',
  positionals: ['FILE'],
  options: { period: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const plan = planOf(ctx);
    if (!plan.ok) return plan;
    // The PDF needs a Chromium: said before the ledger is opened (loaded only here, as `letter` does).
    const launched = await (await import('../../core/documents/print/chromium')).DocumentPrinter.launch();
    if (!launched.ok) return ledgerFailure(launched.error);
    try {
      const [path] = ctx.positionals as [string];
      const unlock = await askUnlock(ctx);
      if (!unlock.ok) return unlock;
      // A passphrase mistyped would leave the commission a package it cannot open: typed twice at a terminal.
      const passphrase = await ctx.secrets.askNew(ctx.t('cli:prompts.passphrase'), ctx.t('cli:prompts.confirmPassphrase'));
      if (!passphrase.ok) return passphrase;
      const opened = await openLedger(ctx, path, false, unlock.value);
      if (!opened.ok) return opened;
      try {
        return await run(ctx, opened.value, plan.value, launched.value, passphrase.value);
      } finally {
        opened.value.close();
      }
    } finally {
      await launched.value.close();
    }
  },
};
