import { dubanError } from '../../shared/errors';
import { type IsoDate, type Period, periodOf, shiftPeriod } from '../../shared/dates';
import { err, ok, type Result } from '../../shared/result';
import type { LedgerContext, Tx } from '../context';
import type { Reader } from '../storage/database';
import { ledgerKindOf } from './kind';
import type { CommissionOverview, CommissionStats, GroupDetail, GroupFigures, ReportContent, ReportPackage, RollupCheck, RollupOutcome } from './model';
import { ledgerSigningKey } from './signing-key';

interface GroupRow {
  readonly id: number;
  readonly name: string;
  readonly fingerprint: string;
}

interface PackageRow {
  readonly id: number;
  readonly made_at: string;
  readonly digest: string;
}

/** A package as the change history records it: which group, which month, made when, signed by which key. */
export interface ReportPackageRecord {
  readonly group: string;
  readonly fingerprint: string;
  readonly period: Period;
  readonly madeAt: string;
  readonly digest: string;
}

export function loadReportPackage(db: Reader, id: number): ReportPackageRecord | undefined {
  return db.get<ReportPackageRecord>(
    `SELECT g.name AS "group", g.fingerprint, p.period, p.made_at AS madeAt, p.digest
     FROM report_packages p JOIN report_groups g ON g.id = p.group_id WHERE p.id = ?`,
    [id],
  );
}

const groupNamed = (db: Reader, name: string): GroupRow | undefined =>
  db.get<GroupRow>('SELECT id, name, fingerprint FROM report_groups WHERE name = ?', [name]);

const packageOf = (db: Reader, groupId: number, period: Period): PackageRow | undefined =>
  db.get<PackageRow>('SELECT id, made_at, digest FROM report_packages WHERE group_id = ? AND period = ?', [groupId, period]);

function outcomeOf(held: PackageRow | undefined, pkg: ReportPackage): RollupOutcome {
  if (!held) return 'added';
  if (held.digest === pkg.digest) return 'unchanged';
  return Date.parse(pkg.content.madeAt) > Date.parse(held.made_at) ? 'replaced' : 'older';
}

function check(db: Reader, pkg: ReportPackage): RollupCheck {
  const { group, period, madeAt } = pkg.content;
  const known = groupNamed(db, group);
  const key = !known ? 'new' : known.fingerprint === pkg.fingerprint ? 'known' : 'changed';
  return {
    group,
    period,
    madeAt,
    fingerprint: pkg.fingerprint,
    key,
    recordedFingerprint: key === 'changed' ? known!.fingerprint : null,
    outcome: outcomeOf(known && packageOf(db, known.id, period), pkg),
  };
}

function recordGroup(tx: Tx, pkg: ReportPackage): number {
  return tx.run('INSERT INTO report_groups (name, public_key, fingerprint, created_at) VALUES (?, ?, ?, ?)', [
    pkg.content.group,
    pkg.content.publicKey,
    pkg.fingerprint,
    tx.at,
  ]).lastId;
}

function store(tx: Tx, groupId: number, pkg: ReportPackage, held: PackageRow | undefined): void {
  const before = held ? loadReportPackage(tx, held.id)! : null;
  const values = [pkg.content.period, pkg.content.madeAt, pkg.digest, JSON.stringify(pkg.content), tx.at];
  if (held) tx.run('UPDATE report_packages SET period = ?, made_at = ?, digest = ?, content = ?, imported_at = ? WHERE id = ?', [...values, held.id]);
  const id =
    held?.id ??
    tx.run('INSERT INTO report_packages (period, made_at, digest, content, imported_at, group_id) VALUES (?, ?, ?, ?, ?, ?)', [...values, groupId]).lastId;
  tx.audit({ action: held ? 'update' : 'create', entity: 'report_package', entityId: id, before, after: loadReportPackage(tx, id)! });
}

/**
 * Takes a package into the commission's ledger. A group seen for the first time is recorded with the
 * key that signed it only when the office said yes (`acceptNew`); a package signed by another key than
 * the one recorded is refused. A group-month is held once: the same file again changes nothing, a
 * later one replaces it, an earlier one is left out.
 */
function accept(ctx: LedgerContext, pkg: ReportPackage, options: { acceptNew: boolean }): Result<{ outcome: RollupOutcome; check: RollupCheck }> {
  if (ledgerKindOf(ctx.db) !== 'commission') return err(dubanError('report.not_commission'));
  const checked = check(ctx.db, pkg);
  if (checked.key === 'changed')
    return err(dubanError('report.key_changed', { group: checked.group, recorded: checked.recordedFingerprint!, presented: checked.fingerprint }));
  if (checked.key === 'new' && !options.acceptNew) return err(dubanError('report.new_group', { group: checked.group, fingerprint: checked.fingerprint }));
  if (checked.outcome === 'unchanged' || checked.outcome === 'older') return ok({ outcome: checked.outcome, check: checked });
  return ctx.write((tx) => {
    const groupId = groupNamed(tx, pkg.content.group)?.id ?? recordGroup(tx, pkg);
    store(tx, groupId, pkg, packageOf(tx, groupId, pkg.content.period));
    return ok({ outcome: checked.outcome, check: checked });
  });
}

/** Each group with its latest package, in the order they were first recorded. */
function latest(db: Reader): { id: number; name: string; fingerprint: string; content: ReportContent }[] {
  return db
    .all<{ id: number; name: string; fingerprint: string; content: string }>(
      `SELECT g.id, g.name, g.fingerprint, p.content FROM report_groups g
       JOIN report_packages p ON p.id = (SELECT q.id FROM report_packages q WHERE q.group_id = g.id ORDER BY q.period DESC LIMIT 1)
       ORDER BY g.id`,
    )
    .map((row) => ({ ...row, content: JSON.parse(row.content) as ReportContent }));
}

const figuresOf = (group: { name: string; fingerprint: string; content: ReportContent }): GroupFigures => ({
  name: group.name,
  fingerprint: group.fingerprint,
  period: group.content.period,
  madeAt: group.content.madeAt,
  ...group.content.stats,
});

/** Each group's figures from its latest package, in the order the groups were first recorded. */
export const latestGroupFigures = (db: Reader): GroupFigures[] => latest(db).map(figuresOf);

/** The month a group reports at the start of the next: the month before today's. */
export const reportingMonthOf = (today: IsoDate): Period => shiftPeriod(periodOf(today), -1);

/** The ledger's kind, its signing key, and for a commission the packages it takes and the groups they describe. */
export function rollupService(ctx: LedgerContext) {
  return {
    kind: () => ledgerKindOf(ctx.db),
    /** A commission signs nothing: it reports to no one. */
    signingKey: () => (ledgerKindOf(ctx.db) === 'commission' ? err(dubanError('report.commission_reports_nothing')) : ledgerSigningKey(ctx)),
    check: (pkg: ReportPackage) => check(ctx.db, pkg),
    accept: (pkg: ReportPackage, options: { acceptNew: boolean }) => accept(ctx, pkg, options),
    stats: (): CommissionStats => ({ asOf: ctx.today(), groups: latestGroupFigures(ctx.db) }),
    overview: (): CommissionOverview => {
      const period = reportingMonthOf(ctx.today());
      return { period, groups: latest(ctx.db).map((group) => ({ id: group.id, ...figuresOf(group), reported: group.content.period >= period })) };
    },
    group: (id: number): Result<GroupDetail> => {
      const group = latest(ctx.db).find((g) => g.id === id);
      return group ? ok({ id, ...figuresOf(group), rows: group.content.rows }) : err(dubanError('not_found', { entity: 'report_package', id }));
    },
  };
}
