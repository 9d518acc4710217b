import { useTranslation } from 'react-i18next';
import type { WorkbookSource } from '../../../contract/exchange';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { FieldFrame } from '../Field';

/**
 * Choosing workbooks: the system's dialog in the desktop app (the core reads the files itself), a
 * file field in the browser (the page reads them and sends their bytes). Old formats can be chosen,
 * so that the import says plainly what to do with them.
 */
const ACCEPT = '.xlsx,.xlsm,.xls,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ChooseWorkbook({
  multiple = false,
  disabled = false,
  onChosen,
}: {
  multiple?: boolean;
  disabled?: boolean;
  onChosen: (sources: WorkbookSource[]) => void;
}) {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const { platform } = useSession();

  if (platform.shell === 'desktop') {
    const choose = async (): Promise<void> => {
      const chosen = await api.platform.chooseWorkbooks({ multiple });
      if (chosen.ok && chosen.value?.length) onChosen(chosen.value.map((path) => ({ path })));
    };
    return (
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => void choose()}>
        {t(multiple ? 'choose.buttonMany' : 'choose.button')}
      </button>
    );
  }
  return (
    <FieldFrame label={t(multiple ? 'choose.inputMany' : 'choose.input')}>
      {(control) => (
        <input
          {...control}
          type="file"
          accept={ACCEPT}
          multiple={multiple}
          disabled={disabled}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))).then(
              (sources) => sources.length && onChosen(sources),
            );
          }}
        />
      )}
    </FieldFrame>
  );
}
