import type { IsoDate, Period } from '../../shared/dates';
import type { DubanError } from '../../shared/errors';
import type { AccountabilityState, SubjectKind } from '../accountability/model';
import type { LedgerStats } from '../stats/model';
import type { DeadlineKind, TaskStatus } from '../tasks/model';

/** A group's own ledger, or the commission's, which collects the groups' report packages. */
export const LEDGER_KINDS = ['group', 'commission'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One top-level task as the commission sees it: enough to follow it, nothing of the units' people. */
export interface ReportTaskRow {
  readonly number: string;
  readonly problem: string;
  readonly source: string | null;
  readonly leadUnits: readonly string[];
  readonly deadlineKind: DeadlineKind;
  readonly deadline: IsoDate | null;
  readonly status: TaskStatus;
  readonly overdue: boolean;
}

/** One accountability case: how many subjects of each kind, not their names. */
export interface ReportAccountabilityRow {
  readonly issue: string;
  readonly state: AccountabilityState;
  readonly concludedOn: IsoDate | null;
  readonly subjects: Readonly<Record<SubjectKind, number>>;
}

/** What a package carries, signed: docs/report-package.md. */
export interface ReportContent {
  readonly format: 1;
  /** The office profile's issuer (发文机关标志): how the commission names the group. */
  readonly group: string;
  /** The raw Ed25519 public key, base64. */
  readonly publicKey: string;
  readonly period: Period;
  /** When the group made the package (ISO 8601 with offset): the later of two of one month wins. */
  readonly madeAt: string;
  /** As the group's own `duban stats --json --date <last day of the period>`; its petitions part is the petitions summary. */
  readonly stats: LedgerStats;
  readonly rows: { readonly tasks: readonly ReportTaskRow[]; readonly accountability: readonly ReportAccountabilityRow[] };
}

/** A package opened and its signature checked. */
export interface ReportPackage {
  readonly content: ReportContent;
  readonly fingerprint: string;
  /** SHA-256 of the file's bytes, hex: the same file twice is the same digest. */
  readonly digest: string;
}

/** How a package stands against what the commission holds. */
export type GroupKey = 'new' | 'known' | 'changed';
export type RollupOutcome = 'added' | 'replaced' | 'unchanged' | 'older';

export interface RollupCheck {
  readonly group: string;
  readonly period: Period;
  readonly madeAt: string;
  readonly fingerprint: string;
  readonly key: GroupKey;
  /** The fingerprint recorded for the group, where it differs. */
  readonly recordedFingerprint: string | null;
  /** What accepting it would do (with the key changed: nothing, it is refused). */
  readonly outcome: RollupOutcome;
}

/** One group as `stats --json` of a commission gives it: its latest package's figures. */
export type GroupFigures = LedgerStats & {
  readonly name: string;
  readonly fingerprint: string;
  readonly period: Period;
  readonly madeAt: string;
};

export interface CommissionStats {
  readonly asOf: IsoDate;
  readonly groups: readonly GroupFigures[];
}

export interface GroupOverview extends GroupFigures {
  readonly id: number;
  /** Its package of the month being reported is in. */
  readonly reported: boolean;
}

/** The commission's home page: each group's latest figures, and the month they are expected to have reported. */
export interface CommissionOverview {
  readonly period: Period;
  readonly groups: readonly GroupOverview[];
}

/** One group's latest package, with the rows behind its figures. */
export interface GroupDetail extends GroupFigures {
  readonly id: number;
  readonly rows: ReportContent['rows'];
}

/** A package file as the screen sends it. */
export interface PackageFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Each file, with what was found (or why it cannot be taken) and, once taken, what was done. */
export type PackageChecked = { readonly fileName: string } & (
  { readonly ok: true; readonly check: RollupCheck; readonly outcome?: RollupOutcome } | { readonly ok: false; readonly error: DubanError }
);
