import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest } from '../../../contract/exchange';
import { useApi } from '../../api/ApiContext';
import { saveFiles } from '../../api/saveFiles';
import { useSession } from '../../api/session';
import { useToast } from '../Toasts';
import type { DubanError } from '../../../shared/errors';
import { describeError } from '../../../shared/i18n/describe';

/**
 * 导出 Excel: what a list shows (its filter) written as a workbook for leaders, saved or downloaded;
 * the outcome said in a notice. Used by the exports page and by the lists themselves.
 */
export function useExport() {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const { platform } = useSession();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DubanError | null>(null);
  const run = async (request: ExportRequest): Promise<void> => {
    setBusy(true);
    const exported = await api.exchange.export(request);
    const saved = exported.ok ? await saveFiles(api, platform, [exported.value]) : exported;
    setBusy(false);
    if (!saved.ok) {
      setError(saved.error);
      toast(describeError(t, saved.error));
      return;
    }
    setError(null);
    if (saved.value && exported.ok)
      toast(t('exportPage.done', { rows: exported.value.rows, file: 'place' in saved.value ? saved.value.place : exported.value.fileName }));
  };
  return { busy, error, run };
}

export function ExportButton({ request }: { request: ExportRequest }) {
  const { t } = useTranslation('exchange');
  const { busy, run } = useExport();
  return (
    <button type="button" className="button" disabled={busy} title={t('exportPage.buttonTitle')} onClick={() => void run(request)}>
      {t('exportPage.button')}
    </button>
  );
}
