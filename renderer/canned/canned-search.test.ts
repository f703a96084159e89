import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '@contract/http/canned';
import { searchCanned } from './canned-search';

const canned = (
  id: string,
  title: string,
  shortcut: string | null,
  language: string | null,
  body = 'text',
): CannedResponse => ({
  id,
  scope: 'tenant',
  title,
  body,
  shortcut,
  language,
  updatedAt: '2026-03-02T09:00:00.000Z',
});

const all = [
  canned('1', 'Greeting', 'greet', 'en', 'Dear {{customer.name}}'),
  canned('2', '问候', 'wenhou', 'zh-CN', '您好'),
  canned('3', 'Green energy tariff', 'green', 'en'),
  canned('4', 'Closing', 'close', 'en', 'Kind regards, greetings'),
  canned('5', 'Refund policy', null, null, 'Refunds take 3 days'),
];
const ids = (list: CannedResponse[]) => list.map((r) => r.id);

describe('searchCanned', () => {
  it('puts an exact shortcut first, then shortcut prefixes, titles and bodies', () => {
    expect(ids(searchCanned(all, 'green', { language: 'en', limit: 10 }))).toEqual(['3']);
    expect(ids(searchCanned(all, 'gre', { language: 'en', limit: 10 }))).toEqual(['1', '3', '4']);
  });

  it('finds Chinese titles and bodies', () => {
    expect(ids(searchCanned(all, '您好', { language: 'zh-CN', limit: 10 }))).toEqual(['2']);
  });

  it("lists everything for an empty query, the agent's language first", () => {
    expect(ids(searchCanned(all, '', { language: 'zh-CN', limit: 10 }))).toEqual(['2', '5', '1', '3', '4']);
    expect(ids(searchCanned(all, '', { language: 'en-GB', limit: 2 }))).toEqual(['1', '3']);
  });

  it('finds nothing for text no response contains', () => {
    expect(searchCanned(all, 'zzz', { language: 'en', limit: 10 })).toEqual([]);
  });
});
