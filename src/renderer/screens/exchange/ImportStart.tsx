import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind, type ImportOptions, type WorkbookSource } from '../../../contract/exchange';
import type { Period } from '../../../shared/dates';
import { useContractQuery } from '../../api/useContract';
import { FieldFrame } from '../../components/Field';
import { Section } from '../../components/Section';
import { thisPeriod } from '../../hooks/today';
import { ChooseWorkbook } from '../../components/workbooks/ChooseWorkbook';

/** The first step: what the table holds (or found out from its header), then the file. */
export function ImportStart({ busy, onStart }: { busy: boolean; onStart: (source: WorkbookSource, options: ImportOptions) => void }) {
  const { t } = useTranslation('exchange');
  const [kind, setKind] = useState<ImportKind | ''>('');
  const [inspectionId, setInspectionId] = useState<number | null>(null);
  const [period, setPeriod] = useState<Period>(thisPeriod());
  const inspections = useContractQuery('inspections', 'list', []);

  const options = (): ImportOptions => ({ ...(kind ? { kind } : {}), inspectionId, period });

  return (
    <Section title={t('wizard.start')}>
      <p className="section__intro">{t('wizard.startIntro')}</p>
      <div className="form form--grid">
        <FieldFrame label={t('wizard.kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ImportKind | '')}>
              <option value="">{t('wizard.kindAuto')}</option>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame label={t('wizard.inspection')}>
          {(control) => (
            <select {...control} value={inspectionId ?? ''} onChange={(e) => setInspectionId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('wizard.inspectionNone')}</option>
              {(inspections.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame label={t('wizard.period')}>
          {(control) => <input {...control} type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value as Period)} />}
        </FieldFrame>
        <div className="field field--wide">
          <ChooseWorkbook disabled={busy} onChosen={([source]) => source && onStart(source, options())} />
          <div className="field__hint">{t('choose.hint')}</div>
        </div>
      </div>
    </Section>
  );
}
