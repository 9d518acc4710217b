import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { Reader, Writer } from '../storage/database';
import { V1_RECTIFICATION_LEDGER } from './v1-rectification-ledger';
import { V2_FOLLOW_UP_WORK } from './v2-follow-up-work';
import { V3_DOCUMENTS } from './v3-documents';
import { V4_OFFICE_MONTH } from './v4-office-month';
import { V5_MONTHLY_DISPATCH } from './v5-monthly-dispatch';
import { V6_PETITION_WORDS } from './v6-petition-words';
import { V7_UNIT_GROUPS } from './v7-unit-groups';
import { V8_GROUP_LETTERS } from './v8-group-letters';
import { V9_PEOPLE } from './v9-people';
import { V10_ROLLUP } from './v10-rollup';
import { V11_REPORT } from './v11-report';
import { V12_SIGNING_KEY } from './v12-signing-key';
import { V13_ARCHIVE } from './v13-archive';
import { V14_SEALED } from './v14-sealed';
import { V15_PETITION_TALLY } from './v15-petition-tally';
import { fillTaskNumberKeys, V16_TASKS } from './v16-tasks';
import { V17_PETITION_SEARCH } from './v17-petition-search';
import { V18_NOTICE_LEVELS } from './v18-notice-levels';
import { V19_STATS } from './v19-stats';
import { V20_TASK_SEARCH } from './v20-task-search';
import { V21_PETITION_MATCH_FILTERS } from './v21-petition-match-filters';
import { V22_AUDIT_ORDER } from './v22-audit-order';
import { V23_SEARCH_ON_CHANGE } from './v23-search-on-change';
import { seedDocumentDefaults, seedMonthlyReport, seedReportChase } from '../documents/defaults';
import { seedSigningKey } from '../rollup/signing-key';

/** The schema's versions in order; version N is reached by running steps 1..N. */
export const MIGRATIONS: readonly (readonly string[])[] = [
  V1_RECTIFICATION_LEDGER,
  V2_FOLLOW_UP_WORK,
  V3_DOCUMENTS,
  V4_OFFICE_MONTH,
  V5_MONTHLY_DISPATCH,
  V6_PETITION_WORDS,
  V7_UNIT_GROUPS,
  V8_GROUP_LETTERS,
  V9_PEOPLE,
  V10_ROLLUP,
  V11_REPORT,
  V12_SIGNING_KEY,
  V13_ARCHIVE,
  V14_SEALED,
  V15_PETITION_TALLY,
  V16_TASKS,
  V17_PETITION_SEARCH,
  V18_NOTICE_LEVELS,
  V19_STATS,
  V20_TASK_SEARCH,
  V21_PETITION_MATCH_FILTERS,
  V22_AUDIT_ORDER,
  V23_SEARCH_ON_CHANGE,
];

/** Rows a version brings with it (the shipped document types and their templates), written right after its tables. */
const SEEDS: Readonly<Partial<Record<number, (writer: Writer) => void>>> = {
  3: seedDocumentDefaults,
  5: seedReportChase,
  11: seedMonthlyReport,
  12: seedSigningKey,
  16: fillTaskNumberKeys,
};

export const SCHEMA_VERSION = MIGRATIONS.length;

export const schemaVersionOf = (db: Reader): number => db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;

/** Runs the steps from the ledger's version up to `target` in the writer's transaction. */
export function migrate(writer: Writer, target = SCHEMA_VERSION): Result<{ from: number; to: number }> {
  const from = schemaVersionOf(writer);
  if (from > SCHEMA_VERSION) return err(dubanError('ledger.newer_schema', { version: from, supported: SCHEMA_VERSION }));
  for (let version = from + 1; version <= target; version++) {
    for (const statement of MIGRATIONS[version - 1]!) writer.run(statement);
    SEEDS[version]?.(writer);
    writer.run(`PRAGMA user_version = ${version}`);
  }
  return ok({ from, to: Math.max(from, target) });
}
