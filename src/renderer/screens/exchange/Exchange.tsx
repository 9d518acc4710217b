import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Exports } from './Exports';
import { ImportWizard } from './ImportWizard';

/**
 * Excel 导入导出: importing the tables that arrive, and exports for leaders. (The units' monthly
 * workbooks go out and come back on the monthly dispatch screen.) The tab is kept in the address
 * (?tab=exports), so other screens can link here.
 */
const TABS = ['import', 'exports'] as const;
type Tab = (typeof TABS)[number];

export function Exchange() {
  const { t } = useTranslation('exchange');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'import';
  return (
    <div className="exchange">
      <PageHeader title={t('screen.title')} subtitle={t('screen.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('screen.tabs.label')}>
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={`tab${tab === key ? ' tab--active' : ''}`}
            onClick={() => setParams({ tab: key }, { replace: true })}
          >
            {t(`screen.tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(`screen.tabs.${tab}`)}>
        {tab === 'import' && <ImportWizard />}
        {tab === 'exports' && <Exports />}
      </div>
    </div>
  );
}
