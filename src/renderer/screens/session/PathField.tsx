import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { FieldFrame } from '../../components/Field';
import type { Form } from '../../forms/useForm';
import { useSession } from '../../api/session';

/**
 * Where the ledger file is. The desktop app offers the system's file dialog; in a plain browser the
 * path is typed.
 */
export function PathField<V extends { path: string }>({ form, mode }: { form: Form<V>; mode: 'open' | 'create' }) {
  const { t } = useTranslation();
  const api = useApi();
  const { platform } = useSession();
  const choose = async (): Promise<void> => {
    const chosen = await api.platform.chooseLedgerPath(mode);
    if (chosen.ok && chosen.value) form.set('path', chosen.value as V['path']);
  };
  return (
    <FieldFrame label={t('session.path')} required hint={t('session.pathHint')} error={form.errorOf('path')} wide>
      {(aria) => (
        <div className="input-row">
          <input
            {...aria}
            type="text"
            spellCheck={false}
            value={form.values.path}
            onChange={(e) => form.set('path', e.target.value as V['path'])}
            onBlur={() => form.touch('path')}
          />
          {platform.shell === 'desktop' && (
            <button type="button" className="button" onClick={() => void choose()}>
              {t('session.browse')}
            </button>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
