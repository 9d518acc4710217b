import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IssuedDocument } from '../../../contract/documents';
import { monthlyReportRequest } from '../../../contract/monthlyReport';
import { isPeriod, shiftPeriod } from '../../../shared/dates';
import { useApi } from '../../api/ApiContext';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { DateInput } from '../../components/inputs';
import { MonthPicker } from '../../components/MonthPicker';
import { useDebounced } from '../../hooks/useDebounced';
import { thisPeriod, today } from '../../hooks/today';
import { useForm } from '../../forms/useForm';
import { DraftPage, IssuedPage } from './IssuePages';
import { useDocumentOutput } from './output';
import { ReportPackageDialog } from './ReportPackageDialog';

/**
 * 月度报告: the group's 情况报告 for a month, shown as it will print (its words from the 情况报告
 * template, its figures from the ledger), issued with a number and saved; and the month's 统计表.
 */
export function MonthlyReport() {
  const { t } = useTranslation('documents');
  const api = useApi();
  const mutation = useContractMutation().monthlyReport;
  const output = useDocumentOutput();
  // The month an office reports early in the next: the last one.
  const lastMonth = shiftPeriod(thisPeriod(), -1);
  const form = useForm(monthlyReportRequest, { period: lastMonth, issuedOn: today() }, 'monthly-report');
  const { period } = form.values;
  const request = useDebounced(form.values, 300);
  const sound = monthlyReportRequest.safeParse(request).data ?? null;
  const preview = useContractQuery('monthlyReport', 'preview', sound ? [sound] : null, { keepPrevious: true });
  const number = preview.data?.items[0]?.document.number;
  const [issued, setIssued] = useState<{ doc: IssuedDocument; html: string } | null>(null);
  const saveWorkbook = async (): Promise<void> => output.saveFile(await api.monthlyReport.workbook(isPeriod(period) ? period : lastMonth));
  const [packaging, setPackaging] = useState(false);
  const outputs = (
    <>
      <button type="button" className="button" onClick={() => void saveWorkbook()}>
        {t('monthlyReport.workbook')}
      </button>
      <button type="button" className="button" onClick={() => setPackaging(true)}>
        {t('monthlyReport.package.open')}
      </button>
    </>
  );

  const issue = (): void =>
    void form.submit(async (_, checked) => {
      const result = await mutation.issue(checked);
      if (result.ok) {
        const html = await api.documents.html([result.value.id]);
        setIssued({ doc: result.value, html: html.ok ? html.value : '' });
      }
      return result;
    });

  // Beside the page, not inside its form: a form within a form would submit both.
  const packageDialog = packaging && <ReportPackageDialog period={isPeriod(period) ? period : lastMonth} onClose={() => setPackaging(false)} />;

  if (issued) {
    const { doc, html } = issued;
    return (
      <>
        {packageDialog}
        <IssuedPage
          title={t('monthlyReport.title')}
          done={t('monthlyReport.done', { number: doc.number, title: doc.title })}
          html={html}
          issued={{ one: { id: doc.id, number: doc.number, name: doc.title } }}
          tools={outputs}
        />
      </>
    );
  }

  return (
    <>
      {packageDialog}
      <DraftPage
        title={t('monthlyReport.title')}
        subtitle={t('monthlyReport.subtitle')}
        form={form}
        failure={preview.error}
        submit={t('monthlyReport.issue')}
        onSubmit={issue}
        html={sound ? (preview.data?.html ?? null) : null}
      >
        <div className="field field--wide">
          <span className="field__label" aria-hidden="true">
            {t('monthlyReport.period')}
          </span>
          <MonthPicker label={t('monthlyReport.period')} period={isPeriod(period) ? period : lastMonth} onChange={(month) => form.set('period', month)} />
        </div>
        <DateInput form={form} name="issuedOn" label={t('fields.issuedOn')} required {...(number ? { hint: t('monthlyReport.number', { number }) } : {})} />
        <p className="field--wide field__hint">{t('monthlyReport.words')}</p>
        <div className="field--wide toolbar">{outputs}</div>
      </DraftPage>
    </>
  );
}
