// First: zod must be jitless before any module builds a schema (see zod-jitless).
import './zod-jitless';
import { createRoot } from 'react-dom/client';
import type { Language } from '../shared/i18n/setup';
import { connectApi } from './api/connect';
import { App } from './app/App';
import { startI18n } from './i18n';
// In this order: where two rules weigh the same, the later stylesheet's wins.
import './styles/base.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/screens/session.css';
import './styles/screens/units.css';
import './styles/screens/settings.css';
import './styles/screens/tasks.css';
import './styles/screens/sources.css';
import './styles/screens/progress.css';
import './styles/screens/visits.css';
import './styles/screens/accountability.css';
import './styles/screens/dashboard.css';
import './styles/screens/documents.css';
import './styles/screens/commission.css';
import './styles/screens/exchange.css';

/** Connects to the contract, learns the language from the preferences, and shows the app. */
const sessionSignal = new EventTarget();
const api = connectApi((change) => sessionSignal.dispatchEvent(new CustomEvent('changed', { detail: change })));
const [status, platform] = await Promise.all([api.session.status(), api.platform.info()]);
const language: Language = status.ok ? status.value.preferences.language : 'zh-CN';
const i18n = startI18n(language);
document.documentElement.lang = language;

createRoot(document.getElementById('root')!).render(
  <App
    api={api}
    i18n={i18n}
    platform={platform.ok ? platform.value : { shell: 'browser', version: '', launchFile: null }}
    sessionSignal={sessionSignal}
    initialStatus={status.ok ? status.value : null}
  />,
);
