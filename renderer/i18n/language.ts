import type { Language } from '@contract/ipc/settings';

/** Languages with a catalogue; the setting 'system' resolves to one of these. */
export const uiLanguages = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Maps the language setting to a catalogue: 'system' follows the browser or OS locale, Chinese or else English. */
export function resolveLanguage(setting: Language, systemLocale: string | undefined): UiLanguage {
  if (setting !== 'system') return setting;
  return /^zh\b/i.test(systemLocale ?? '') ? 'zh-CN' : 'en';
}
