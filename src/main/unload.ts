import { app, type BrowserWindow, dialog } from 'electron';
import appEn from '../shared/i18n/locales/en/app.json' with { type: 'json' };
import appZh from '../shared/i18n/locales/zh-CN/app.json' with { type: 'json' };
import { createI18n, languageOf } from '../shared/i18n/setup';

const LEAVE = 0;

/**
 * Closing or reloading the window while a form holds unsaved work: the page's `beforeunload` says
 * so (forms/leaving.ts), and Electron then cancels the unload without a word unless told otherwise
 * (`will-prevent-unload`). The user is asked here; leaving ignores the page's objection. What was
 * typed is kept as a draft in the ledger either way.
 */
export function askBeforeUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const { t } = createI18n(languageOf(app.getLocale()), { app: { 'zh-CN': appZh, en: appEn } });
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: t('unload.title'),
      message: t('unload.message'),
      detail: t('unload.detail'),
      buttons: [t('unload.leave'), t('unload.stay')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === LEAVE) event.preventDefault();
  });
}
