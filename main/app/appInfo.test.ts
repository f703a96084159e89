import { describe, expect, it } from 'vitest';
import { createAppInfo } from './appInfo';

describe('createAppInfo', () => {
  it('reports version, platform and locale', () => {
    expect(createAppInfo({ version: '0.1.0', platform: 'darwin', locale: 'zh-CN' })).toEqual({
      version: '0.1.0',
      platform: 'darwin',
      locale: 'zh-CN',
    });
  });

  it('reports other Unix platforms as linux and an empty locale as en', () => {
    expect(createAppInfo({ version: '1', platform: 'freebsd', locale: '' })).toEqual({
      version: '1',
      platform: 'linux',
      locale: 'en',
    });
  });
});
