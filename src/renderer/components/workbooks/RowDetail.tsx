import { useTranslation } from 'react-i18next';
import type { ImportKind, PreviewRow, Shown } from '../../../contract/exchange';
import type { Language } from '../../../shared/i18n/setup';
import { describeIssue, describeShown, describeSkip, fieldLabel } from '../../../contract/describe-exchange';
import { Empty } from '../Section';
import { Tag } from '../Tag';
import { ACTION_TONES } from './rowWords';

/** One row of a preview: what the record will be (or what changes, old → new) and what is wrong. */
export function RowDetail({ kind, row }: { kind: ImportKind; row: PreviewRow | null }) {
  const { t, i18n } = useTranslation('exchange');
  const language = i18n.language as Language;
  if (!row) return <Empty>{t('rows.detailEmpty')}</Empty>;
  // A list (measures, units) reads best an item a line.
  const shown = (value: Shown): string => (value.t === 'list' ? value.v.join('\n') : describeShown(t, value, language));
  return (
    <div className="card row-detail" aria-label={t('rows.detailTitle', { row: row.row })}>
      <h3 className="row-detail__title">
        {t('rows.detailTitle', { row: row.row })} <Tag tone={ACTION_TONES[row.action]}>{t(`actions.${row.action}`)}</Tag>
      </h3>
      {row.skipReason && <p>{describeSkip(t, row.skipReason)}</p>}
      {row.issues.length > 0 && (
        <>
          <h4>{t('rows.issues')}</h4>
          <ul className="row-detail__issues">
            {row.issues.map((issue, i) => (
              <li key={i} className={`row-detail__issue row-detail__issue--${issue.severity}`}>
                {describeIssue(t, kind, issue)}
              </li>
            ))}
          </ul>
        </>
      )}
      {row.changes.length > 0 && (
        <table className="row-detail__changes">
          <thead>
            <tr>
              <th scope="col" />
              {row.action === 'update' && <th scope="col">{t('rows.before')}</th>}
              <th scope="col">{row.action === 'update' ? t('rows.after') : t('rows.newRecord')}</th>
            </tr>
          </thead>
          <tbody>
            {row.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldLabel(t, kind, change.field)}</th>
                {row.action === 'update' && <td className="row-detail__before">{shown(change.before)}</td>}
                <td className="row-detail__after">{shown(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
