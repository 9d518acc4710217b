import { useTranslation } from 'react-i18next';
import type { GroupKey, PackageChecked } from '../../../contract/rollup';
import { describeError } from '../../../shared/i18n/describe';
import { Tag, type Tone } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';

const KEY_TONES: Record<GroupKey, Tone> = { new: 'warn', known: 'ok', changed: 'danger' };

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
  return (
    <table className="commission-table" aria-label={t('import.checked')}>
      <thead>
        <tr>
          <th scope="col">{t('columns.file')}</th>
          <th scope="col">{t('columns.group')}</th>
          <th scope="col">{t('columns.period')}</th>
          <th scope="col">{t('columns.fingerprint')}</th>
          <th scope="col">{t('columns.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.ok ? (
            <tr key={row.fileName}>
              <td>{row.fileName}</td>
              <th scope="row">{row.check.group}</th>
              <td className="commission-table__nowrap">{format.period(row.check.period)}</td>
              <td>
                <code className="fingerprint">{row.check.fingerprint}</code> <Tag tone={KEY_TONES[row.check.key]}>{t(`keys.${row.check.key}`)}</Tag>
                {row.check.recordedFingerprint && (
                  <div className="commission-table__note">{t('import.recorded', { fingerprint: row.check.recordedFingerprint })}</div>
                )}
                {row.check.key === 'new' && onConfirm && (
                  <label className="commission-table__confirm">
                    <input
                      type="checkbox"
                      checked={confirmed.has(row.check.fingerprint)}
                      onChange={(e) => onConfirm(row.check.fingerprint, e.target.checked)}
                    />
                    {t('import.confirm')}
                  </label>
                )}
              </td>
              <td>{row.check.key === 'changed' ? t('outcomes.refused') : t(`outcomes.${row.outcome ?? row.check.outcome}`)}</td>
            </tr>
          ) : (
            <tr key={row.fileName}>
              <td>{row.fileName}</td>
              <td colSpan={4} className="commission-table__danger">
                {describeError(t, row.error)}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
