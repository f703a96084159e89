import { useCallback, useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import type { Language } from '@contract/ipc/settings';
import { resolveLanguage } from '../i18n/language';
import type { AppHost } from './services';

/** The language setting, and how to change it. */
export interface LanguageControl {
  setting: Language;
  /** Switches the UI now and saves the choice; rejects if the host could not save it. */
  change: (language: Language) => Promise<void>;
}

/**
 * Keeps i18next, the page's lang attribute and the host's saved setting in step. Changes made
 * elsewhere (another window, the desktop's settings) arrive through onSettingsChanged.
 */
export function useLanguage(
  i18n: i18n,
  host: AppHost,
  initial: Language,
  systemLocale: string,
  root: HTMLElement,
): LanguageControl {
  const [setting, setSetting] = useState<Language>(initial);

  useEffect(() => {
    const resolved = resolveLanguage(setting, systemLocale);
    root.setAttribute('lang', resolved);
    if (i18n.language !== resolved) void i18n.changeLanguage(resolved);
  }, [i18n, setting, systemLocale, root]);

  useEffect(() => host.onSettingsChanged((settings) => setSetting(settings.language)), [host]);

  const change = useCallback(
    async (language: Language) => {
      setSetting(language);
      await host.setSettings({ language });
    },
    [host],
  );

  return { setting, change };
}
