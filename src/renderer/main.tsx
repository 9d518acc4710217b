import { createRoot } from 'react-dom/client';
import type { Language } from '../shared/i18n/setup';
import { connectApi } from './api/connect';
import { App } from './app/App';
import { startI18n } from './i18n';
import './styles/app.css';

/** Connects to the contract, learns the language from the preferences, and shows the app. */
const lockSignal = new EventTarget();
const api = connectApi(() => lockSignal.dispatchEvent(new Event('locked')));
const [status, platform] = await Promise.all([api.session.status(), api.platform.info()]);
const language: Language = status.ok ? status.value.preferences.language : 'zh-CN';
const i18n = startI18n(language);
document.documentElement.lang = language;

createRoot(document.getElementById('root')!).render(
  <App api={api} i18n={i18n} platform={platform.ok ? platform.value : { shell: 'browser', version: '' }} lockSignal={lockSignal} />,
);
