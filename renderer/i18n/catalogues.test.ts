import { describe, expect, it } from 'vitest';
import { errorCodes } from '@contract/errors';
import { clientErrorCodes } from '../api/api-error';
import { catalogues, createI18n } from './create-i18n';

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else out.set(prefix, value);
  return out;
}

const en = flatten(catalogues.en);
const zh = flatten(catalogues['zh-CN']);

describe('translation catalogues', () => {
  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('have no empty or non-string entries', () => {
    for (const [name, catalogue] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      for (const [key, value] of catalogue) {
        expect(typeof value, `${name}:${key}`).toBe('string');
        expect((value as string).trim(), `${name}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of en) expect(placeholders(zh.get(key)), key).toEqual(placeholders(value));
  });

  it('translate every server and client error code', () => {
    // Listing all the missing codes at once tells whoever added them exactly what to translate.
    const missing = [...errorCodes, ...clientErrorCodes].filter((code) => !en.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('give a separate instance per app that switches language on demand', async () => {
    const a = createI18n('en');
    const b = createI18n('zh-CN');
    expect(a.t('login.submit')).toBe('Sign in');
    expect(b.t('login.submit')).toBe('登录');
    await a.changeLanguage('zh-CN');
    expect(a.t('panes.inbox.title')).toBe('收件箱');
    expect(b.language).toBe('zh-CN');
  });
});
