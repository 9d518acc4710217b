import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupKey, PackageChecked } from '../../../contract/rollup';
import { describeError } from '../../../shared/i18n/describe';
import { Tag, type Tone } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { type Column, CommissionTable } from './CommissionTable';

const KEY_TONES: Record<GroupKey, Tone> = { new: 'warn', known: 'ok', changed: 'danger' };

type Opened = Extract<PackageChecked, { ok: true }>;

/**
 * Each package file: its group, month and key fingerprint, whether the key is the one recorded, and
 * what taking it does (or did). A group's first package has a box to tick once the fingerprint was
 * checked with the group.
 */
export function PackageRows({
  rows,
  confirmed,
  onConfirm,
}: {
  rows: readonly PackageChecked[];
  confirmed: ReadonlySet<string>;
  onConfirm?: (fingerprint: string, on: boolean) => void;
}) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const opened = (cell: (row: Opened) => ReactNode) => (row: PackageChecked) => (row.ok ? cell(row) : null);
  const columns: Column<PackageChecked>[] = [
    { label: t('columns.file'), cell: (row) => row.fileName },
    { label: t('columns.group'), kind: 'heading', cell: opened((row) => row.check.group) },
    { label: t('columns.period'), kind: 'nowrap', cell: opened((row) => format.period(row.check.period)) },
    {
      label: t('columns.fingerprint'),
      cell: opened(({ check }) => (
        <>
          <code className="fingerprint">{check.fingerprint}</code> <Tag tone={KEY_TONES[check.key]}>{t(`keys.${check.key}`)}</Tag>
          {check.recordedFingerprint && <div className="commission-table__note">{t('import.recorded', { fingerprint: check.recordedFingerprint })}</div>}
          {check.key === 'new' && onConfirm && (
            <label className="commission-table__confirm">
              <input type="checkbox" checked={confirmed.has(check.fingerprint)} onChange={(e) => onConfirm(check.fingerprint, e.target.checked)} />
              {t('import.confirm')}
            </label>
          )}
        </>
      )),
    },
    {
      label: t('columns.outcome'),
      cell: opened((row) => (row.check.key === 'changed' ? t('outcomes.refused') : t(`outcomes.${row.outcome ?? row.check.outcome}`))),
    },
  ];
  return (
    <CommissionTable
      label={t('import.checked')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.fileName}
      spanned={(row) => (row.ok ? null : describeError(t, row.error))}
    />
  );
}
