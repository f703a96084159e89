import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '@contract/ipc/settings';
import type { Language } from '@contract/ipc/settings';
import './LanguageSwitch.css';

/** Props of the language picker: the stored setting and what to do when the user picks another. */
export interface LanguageSwitchProps {
  value: Language;
  onChange: (language: Language) => void;
}

/** A labelled native select, so keyboards and screen readers handle it as they always do. */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={value}
        data-testid="language-switch"
        onChange={(e) => onChange(e.target.value as Language)}
      >
        {languages.map((lang) => (
          <option key={lang} value={lang} lang={lang === 'system' ? undefined : lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
