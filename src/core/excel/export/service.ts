import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { validate } from '../../../shared/validation';
import type { LedgerContext } from '../../context';
import { ledgerKindOf } from '../../rollup/kind';
import { latestGroupFigures } from '../../rollup/service';
import { ledgerStats } from '../../stats/service';
import type { TaskQuery } from '../../tasks/model';
import { loadUnit } from '../../units/service';
import { streamedWorkbook } from '../write/book';
import { exchangeWords } from '../words';
import { type ExportedFile, exportRequest, type ExportRequest } from './model';
import { writeGroups } from './groups';
import { writePetitionRows } from './petitions';
import { matchingPetitionIds } from '../../petitions/service';
import { writeByMonth, writeByStatus, writeByUnit } from './stats';
import { writeTaskRows } from './tasks';
import { matchingTaskIds } from '../../tasks/query';
import { writeUnitRows } from './units';

/** Exports for leaders: one workbook per request, its name saying what and when. */
type Request = z.output<typeof exportRequest>;

function taskFilterWords(ctx: LedgerContext, query: TaskQuery, t: TFunction, language: Language): string {
  const words: string[] = [];
  if (query.unitId !== undefined) words.push(t('exchange:exports.filters.unit', { name: loadUnit(ctx.db, query.unitId)?.name ?? '' }));
  if (query.statuses?.length)
    words.push(
      t('exchange:exports.filters.statuses', { statuses: query.statuses.map((s) => t(`common:enums.taskStatus.${s}`)).join(t('common:listSeparator')) }),
    );
  if (query.overdueAsOf) words.push(t('exchange:exports.filters.overdue', { date: formatDate(query.overdueAsOf, language) }));
  if (query.search) words.push(t('exchange:exports.filters.search', { text: query.search }));
  return words.join(t('common:listSeparator'));
}

function subtitle(t: TFunction, date: string, count: number, filter = ''): string {
  return filter ? t('exchange:exports.subtitleFiltered', { date, count, filter }) : t('exchange:exports.subtitle', { date, count });
}

async function build(ctx: LedgerContext, request: Request, t: TFunction, language: Language): Promise<Result<{ bytes: Buffer; rows: number }>> {
  const today = formatDate(ctx.today(), language);
  const title = t(`exchange:exports.titles.${request.kind}`);
  switch (request.kind) {
    case 'tasks': {
      const query = request.query ?? {};
      const ids = matchingTaskIds(ctx.db, query);
      if (!ids.ok) return ids;
      const { bytes } = await streamedWorkbook((book) =>
        writeTaskRows(book, t('exchange:exports.sheets.tasks'), ctx.db, ids.value, t, language, {
          title,
          subtitle: subtitle(t, today, ids.value.length, taskFilterWords(ctx, query, t, language)),
        }),
      );
      return ok({ bytes, rows: ids.value.length });
    }
    case 'petitions': {
      const ids = matchingPetitionIds(ctx.db, request.query ?? {});
      if (!ids.ok) return ids;
      const { bytes } = await streamedWorkbook((book) =>
        writePetitionRows(book, t('exchange:exports.sheets.petitions'), ctx.db, ids.value, t, { title, subtitle: subtitle(t, today, ids.value.length) }),
      );
      return ok({ bytes, rows: ids.value.length });
    }
    case 'units': {
      const { bytes, written: rows } = await streamedWorkbook((book) =>
        writeUnitRows(book, t('exchange:exports.sheets.units'), ctx.db, t, { title, subtitle: '' }),
      );
      return ok({ bytes, rows });
    }
    case 'stats': {
      const stats = ledgerStats(ctx, request.asOf ? { asOf: request.asOf } : {});
      const heading = (sheet: string) => ({
        title: `${title}（${t(`exchange:exports.sheets.${sheet}`)}）`,
        subtitle: t('exchange:exports.statsSubtitle', { date: formatDate(stats.asOf, language) }),
      });
      const { bytes } = await streamedWorkbook((book) => {
        writeByUnit(book, t('exchange:exports.sheets.byUnit'), stats, t, heading('byUnit'));
        writeByStatus(book, t('exchange:exports.sheets.byStatus'), stats, t, heading('byStatus'));
        writeByMonth(book, t('exchange:exports.sheets.byMonth'), stats, t, language, heading('byMonth'));
      });
      return ok({ bytes, rows: stats.tasks.byUnit.length });
    }
    case 'groups': {
      if (ledgerKindOf(ctx.db) !== 'commission') return err(dubanError('report.not_commission'));
      const groups = latestGroupFigures(ctx.db);
      const { bytes } = await streamedWorkbook((book) =>
        writeGroups(book, t('exchange:exports.sheets.groups'), groups, t, language, { title, subtitle: subtitle(t, today, groups.length) }),
      );
      return ok({ bytes, rows: groups.length });
    }
  }
}

export async function exportWorkbook(ctx: LedgerContext, input: ExportRequest, language: Language): Promise<Result<ExportedFile>> {
  const valid = validate(exportRequest, input);
  if (!valid.ok) return valid;
  const t = exchangeWords(language);
  const built = await build(ctx, valid.value, t, language);
  if (!built.ok) return built;
  const fileName = `${t(`exchange:exports.titles.${valid.value.kind}`)}-${ctx.today()}.xlsx`;
  return ok({ fileName, bytes: new Uint8Array(built.value.bytes), rows: built.value.rows });
}
