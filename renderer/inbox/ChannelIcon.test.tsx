import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ChannelIcon } from './ChannelIcon';

describe('ChannelIcon', () => {
  it('names a channel icon for screen readers in the current language', () => {
    renderWithI18n(<ChannelIcon channel="email" />, 'zh-CN');
    expect(screen.getByRole('img', { name: '电子邮件' })).toBeTruthy();
  });
});

describe('ChannelIcon drawing', () => {
  it('draws every channel as an SVG path rather than a font glyph', () => {
    for (const channel of ['voice', 'im', 'sms', 'email', 'fax', 'social'] as const) {
      const { container, unmount } = renderWithI18n(<ChannelIcon channel={channel} />, 'en');
      const path = container.querySelector('svg path');
      expect(path?.getAttribute('d'), channel).toMatch(/^M/);
      unmount();
    }
  });
});
