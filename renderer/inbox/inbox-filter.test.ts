import { describe, expect, it } from 'vitest';
import { hasChoiceFilter, noFilter, passesFilter } from './inbox-filter';
import type { InboxRow } from './inbox-row';

const row: InboxRow = {
  id: 'i1',
  channel: 'im',
  customer: 'Ada',
  subject: 'Hi',
  queueId: 'q1',
  state: 'offered',
  agentId: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  priority: null,
  slaDueAt: null,
  expiresAt: null,
  unread: true,
};

describe('inbox filter', () => {
  it('lets everything through when nothing is chosen', () => {
    expect(hasChoiceFilter(noFilter)).toBe(false);
    expect(passesFilter(row, noFilter)).toBe(true);
  });

  it('keeps only rows matching every chosen channel, state and queue', () => {
    expect(passesFilter(row, { ...noFilter, channel: 'im', state: 'offered', queueId: 'q1' })).toBe(true);
    expect(passesFilter(row, { ...noFilter, channel: 'voice' })).toBe(false);
    expect(passesFilter(row, { ...noFilter, state: 'active' })).toBe(false);
    expect(passesFilter(row, { ...noFilter, queueId: 'q2' })).toBe(false);
  });

  it('leaves the quick search to the grid', () => {
    expect(hasChoiceFilter({ ...noFilter, search: 'ada' })).toBe(false);
  });
});
