import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useApi } from '../api/ApiContext';
import { ArchiveBanner } from '../components/ArchiveNotices';
import { SessionWarnings } from '../components/SessionWarnings';
import { SCREENS } from './screens';
import { useSession } from '../api/session';
import { useContractQuery } from '../api/useContract';

const GROUPS = ['work', 'records', 'system'] as const;

/** An open ledger: the navigation on the left, the ledger's name and the lock at the top, the screen. */
export function Shell() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSession();
  const ledgerName = status.path?.split(/[\\/]/).pop() ?? '';
  const home = SCREENS.find((s) => s.nav)?.path ?? '/';
  const kind = useContractQuery('rollup', 'kind', []).data ?? 'group';
  const shown = SCREENS.filter((s) => s.nav && (s.kinds ?? [kind]).includes(kind));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <div className="shell__brand">{t('appName')}</div>
        {GROUPS.map((group) => {
          const items = shown.filter((s) => s.group === group);
          return (
            items.length > 0 && (
              <div key={group} className="nav-group">
                <div className="nav-group__title">{t(`nav.groups.${group}`)}</div>
                {items.map((s) => (
                  <NavLink key={s.path} to={s.path} end={s.path === '/'} className={({ isActive }) => `nav-link${isActive ? ' nav-link--active' : ''}`}>
                    {t(`nav.${s.nav}`)}
                  </NavLink>
                ))}
              </div>
            )
          );
        })}
      </nav>
      <div className="shell__main">
        <header className="shell__top">
          <span className="shell__ledger" title={status.path ?? ''}>
            {ledgerName}
          </span>
          {status.person && (
            <span className="shell__operator" data-testid="signed-in">
              {t('operator', { name: status.person.name })}
            </span>
          )}
          <button type="button" className="button button--small" onClick={() => void api.session.lock().then(refresh)}>
            {t('lock')}
          </button>
        </header>
        <main id="main" className="shell__content" tabIndex={-1}>
          <ArchiveBanner />
          <SessionWarnings warnings={status.warnings} />
          <Routes>
            {SCREENS.map((s) => (
              <Route key={s.path} path={s.path} element={s.element} />
            ))}
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </main>
      </div>
    </div>
  );
}
