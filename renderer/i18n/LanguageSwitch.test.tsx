import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from './LanguageSwitch';
import { renderWithI18n } from './render-with-i18n';

describe('LanguageSwitch', () => {
  afterEach(cleanup);

  it('is a labelled choice of system default, English and Chinese', () => {
    renderWithI18n(<LanguageSwitch value="system" onChange={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveProperty('value', 'system');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['System default', 'English', '中文（简体）']);
  });

  it('reports the language the user picks with the keyboard', async () => {
    const onChange = vi.fn();
    renderWithI18n(<LanguageSwitch value="en" onChange={onChange} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(onChange).toHaveBeenCalledWith('zh-CN');
  });

  it('names itself in Chinese when the seat speaks Chinese', () => {
    renderWithI18n(<LanguageSwitch value="zh-CN" onChange={() => {}} />, 'zh-CN');
    expect(screen.getByRole('combobox', { name: '语言' })).toBeTruthy();
  });
});
