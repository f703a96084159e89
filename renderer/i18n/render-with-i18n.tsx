import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './create-i18n';
import type { UiLanguage } from './language';

/** Test helper: renders a component inside its own i18next instance and returns both. */
export function renderWithI18n(ui: ReactElement, language: UiLanguage = 'en') {
  const i18n = createI18n(language);
  const result = render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
  return { ...result, i18n };
}
