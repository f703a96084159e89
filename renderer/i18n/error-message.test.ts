import { describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { ApiError } from '../api/api-error';
import { createI18n } from './create-i18n';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('translates a known code into the current language', async () => {
    const i18n = createI18n('en');
    const error = new ApiError('BAD_CREDENTIALS', 'server words', 401);
    expect(errorMessage(i18n.t, error)).toBe('The user name or password is wrong.');
    await i18n.changeLanguage('zh-CN');
    expect(errorMessage(i18n.t, error)).toBe('用户名或密码错误。');
  });

  it('translates errors from the host adapter as well', () => {
    const i18n = createI18n('en');
    expect(errorMessage(i18n.t, new SeatError('FORBIDDEN'))).toBe('Your role does not allow this.');
  });

  it('falls back to the server message for a code it has no translation for', () => {
    const i18n = createI18n('en');
    const error = Object.assign(new Error('The queue is paused by a supervisor.'), { code: 'QUEUE_PAUSED' });
    expect(errorMessage(i18n.t, error)).toBe('The queue is paused by a supervisor.');
  });

  it('never returns an empty sentence', () => {
    const i18n = createI18n('en');
    expect(errorMessage(i18n.t, 'weird')).toBe('Something went wrong on the server. Try again.');
    expect(errorMessage(i18n.t, new Error(''))).toBe('Something went wrong on the server. Try again.');
  });
});
