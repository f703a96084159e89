import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './language';

describe('resolveLanguage', () => {
  it('uses an explicit choice whatever the system says', () => {
    expect(resolveLanguage('zh-CN', 'en-GB')).toBe('zh-CN');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
  });

  it('maps any Chinese system locale to Simplified Chinese', () => {
    for (const locale of ['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-cn', 'zh-TW'])
      expect(resolveLanguage('system', locale)).toBe('zh-CN');
  });

  it('falls back to English for other or missing system locales', () => {
    for (const locale of ['en-US', 'de-DE', 'fr', '', undefined, 'zhx'])
      expect(resolveLanguage('system', locale)).toBe('en');
  });
});
