import { useTranslation } from 'react-i18next';
import type { AuditFieldChange, AuditLine } from '../../../contract/audit';
import { useFormat } from '../../hooks/useFormat';
import { valueText } from './values';

/** Changes as the change history shows them: when, who, what, and each field from what to what, in the office's words. */
export function AuditEntries({ entries, label }: { entries: readonly AuditLine[]; label: string }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const words = (change: AuditFieldChange, side: 'before' | 'after'): string => valueText(change[side], t, format);
  return (
    <ol className="audit" aria-label={label}>
      {entries.map((e) => {
        const subject = valueText(e.subject, t, format);
        // A record created or deleted is shown by what it held.
        const held = e.action === 'delete' ? 'before' : 'after';
        return (
          <li key={e.id} className="audit__entry">
            <div className="audit__head">
              <span className="audit__when">{format.instant(e.at)}</span>
              <span className="audit__who">{e.actor || t('unknownActor')}</span>
              <span className={`audit__action audit__action--${e.action}`}>{t(`common:enums.auditAction.${e.action}`)}</span>
              <span className="audit__subject" title={subject}>
                {t('entityRef', { entity: t(`common:entities.${e.entity}`), name: e.subject.t === 'empty' ? '' : subject })}
              </span>
            </div>
            <table className="audit__changes">
              <tbody>
                {e.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.label ? t(c.label) : c.field}</th>
                    {e.action === 'update' ? (
                      <>
                        <td className="audit__before" title={words(c, 'before')}>
                          {words(c, 'before')}
                        </td>
                        <td aria-hidden="true">→</td>
                        <td className="audit__after" title={words(c, 'after')}>
                          {words(c, 'after')}
                        </td>
                      </>
                    ) : (
                      <td colSpan={3} className={e.action === 'delete' ? 'audit__before' : undefined} title={words(c, held)}>
                        <div className="audit__held">{words(c, held)}</div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        );
      })}
    </ol>
  );
}
