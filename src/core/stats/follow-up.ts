import { type IsoDate, type Period, shiftPeriod } from '../../shared/dates';
import { ACCOUNTABILITY_FORMS, GOVERNMENT_SANCTIONS, PARTY_SANCTIONS, SUBJECT_KINDS } from '../accountability/model';
import { PETITION_COMPLETIONS, PETITION_TRUTHS, POLLUTION_KINDS } from '../petitions/model';
import { missingReportCounts } from '../progress/service';
import type { Reader } from '../storage/database';
import { UNIT_KINDS } from '../units/model';
import type { AccountabilityStats, DocumentStats, MonthStats, PetitionStats, UnitStats } from './model';
import { rate, tally } from './tally';

type KeyCount = { key: string | null; n: number };

export function unitStats(db: Reader, period: Period): UnitStats {
  const kinds = db.all<KeyCount>('SELECT kind AS key, count(*) AS n FROM units WHERE archived = 0 GROUP BY kind');
  const byKind = tally(UNIT_KINDS, kinds);
  const notReported = missingReportCounts(db, period);
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, period, notReported };
}

/**
 * Counted from petition_tally (schema 15), which the triggers keep in step with the cases: a few
 * hundred rows rather than every case of a ledger of 200,000.
 */
export function petitionStats(db: Reader): PetitionStats {
  const sumBy = (key: string, from = 'petition_tally') => db.all<KeyCount>(`SELECT ${key} AS key, sum(cases) AS n FROM ${from} GROUP BY 1`);
  const byCompletion = tally(PETITION_COMPLETIONS, sumBy('completion'));
  const total = Object.values(byCompletion).reduce((a, b) => a + b, 0);
  const sums = db.get<{ persons: number | null; entities: number | null; fines: number | null; detained: number | null }>(
    'SELECT sum(persons_held_accountable) AS persons, sum(entities_penalized) AS entities, sum(fines_yuan) AS fines, sum(persons_detained) AS detained FROM petition_tally',
  );
  const byUnit = db.all<{ id: number; name: string; short_name: string; total: number; completed: number }>(
    `SELECT u.id, u.name, u.short_name, sum(p.cases) AS total, sum(CASE WHEN p.completion = 'completed' THEN p.cases ELSE 0 END) AS completed
     FROM petition_tally p JOIN units u ON u.id = p.unit_key GROUP BY u.id ORDER BY u.sort_order, u.name, u.id`,
  );
  return {
    total,
    byCompletion,
    completionRate: rate(byCompletion.completed, total),
    handledRate: rate(byCompletion.completed + byCompletion.stage_completed, total),
    byTruth: tally([...PETITION_TRUTHS, 'unknown'] as const, sumBy("nullif(truth_key, '')"), 'unknown'),
    // A case of several kinds counts under each: the kinds add up to more than the cases.
    byKind: tally(POLLUTION_KINDS, sumBy('k.value', 'petition_tally p, json_each(p.pollution_kinds) k')),
    accountability: {
      personsHeldAccountable: sums?.persons ?? 0,
      entitiesPenalized: sums?.entities ?? 0,
      finesYuan: sums?.fines ?? 0,
      personsDetained: sums?.detained ?? 0,
    },
    byUnit: byUnit.map((row) => ({ unit: { id: row.id, name: row.name, shortName: row.short_name }, total: row.total, completed: row.completed })),
  };
}

export function accountabilityStats(db: Reader): AccountabilityStats {
  const cases = db.get<{ cases: number; concluded: number | null }>(
    "SELECT count(*) AS cases, sum(state = 'concluded') AS concluded FROM accountability_cases",
  );
  return {
    cases: cases?.cases ?? 0,
    concluded: cases?.concluded ?? 0,
    subjects: tally(SUBJECT_KINDS, db.all<KeyCount>('SELECT kind AS key, count(*) AS n FROM accountability_subjects GROUP BY kind')),
    byForm: tally(ACCOUNTABILITY_FORMS, db.all<KeyCount>('SELECT form AS key, count(*) AS n FROM accountability_subjects GROUP BY form')),
    partySanctions: tally(
      PARTY_SANCTIONS,
      db.all<KeyCount>('SELECT party_sanction AS key, count(*) AS n FROM accountability_subjects GROUP BY party_sanction'),
    ),
    governmentSanctions: tally(
      GOVERNMENT_SANCTIONS,
      db.all<KeyCount>('SELECT government_sanction AS key, count(*) AS n FROM accountability_subjects GROUP BY government_sanction'),
    ),
    finesYuan: db.get<{ total: number | null }>('SELECT sum(fine_yuan) AS total FROM accountability_subjects')?.total ?? 0,
  };
}

/** The documents issued on or before `asOf` (a month's figures do not count what was issued after it). */
export function documentStats(db: Reader, asOf: IsoDate): DocumentStats {
  const row = db.get<{ issued: number | null; voided: number | null; awaiting: number | null; late: number | null }>(
    `SELECT sum(state = 'issued') AS issued, sum(state = 'voided') AS voided,
       sum(state = 'issued' AND reply_due IS NOT NULL AND replied_on IS NULL) AS awaiting,
       sum(state = 'issued' AND reply_due IS NOT NULL AND replied_on IS NULL AND reply_due < $asOf) AS late
     FROM documents WHERE issued_on <= $asOf`,
    { asOf },
  );
  return { issued: row?.issued ?? 0, voided: row?.voided ?? 0, awaitingReply: row?.awaiting ?? 0, overdueReplies: row?.late ?? 0 };
}

/** The twelve months up to `period`, each with its reports, the units reporting and those behind. */
export function progressByMonth(db: Reader, period: Period): MonthStats[] {
  const first = shiftPeriod(period, -11);
  // From report_tally (schema 19): a row per month, unit and state, not one per report.
  const rows = db.all<{ period: Period; reports: number; units: number; behind: number }>(
    `SELECT period, sum(reports) AS reports, count(DISTINCT unit_id) AS units, sum(CASE WHEN state = 'behind' THEN reports ELSE 0 END) AS behind
     FROM report_tally WHERE period BETWEEN $first AND $period GROUP BY period`,
    { first, period },
  );
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = shiftPeriod(first, i);
    const row = byPeriod.get(month);
    return { period: month, reports: row?.reports ?? 0, unitsReporting: row?.units ?? 0, behind: row?.behind ?? 0 };
  });
}
