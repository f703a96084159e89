import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import type { UiLanguage } from './language';

/** The shipped catalogues, keyed by language. */
export const catalogues = { en, 'zh-CN': zhCN } as const;

/** Builds one i18next instance for one app (no shared global), ready synchronously. */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    resources: { en: { translation: catalogues.en }, 'zh-CN': { translation: catalogues['zh-CN'] } },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
