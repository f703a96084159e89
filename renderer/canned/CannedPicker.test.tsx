import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CannedResponse } from '@contract/http/canned';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { CannedPicker } from './CannedPicker';

const canned = (id: string, title: string, shortcut: string, language: string | null): CannedResponse => ({
  id,
  scope: id === 'p1' ? 'personal' : 'tenant',
  title,
  body: `${title} body`,
  shortcut,
  language,
  updatedAt: '2026-03-02T09:00:00.000Z',
});
const responses = [
  canned('1', 'Greeting', 'greet', 'en'),
  canned('2', '问候', 'wenhou', 'zh-CN'),
  canned('p1', 'My sign-off', 'bye', null),
];

const setup = (initialQuery = '') => {
  const onPick = vi.fn();
  const onClose = vi.fn();
  renderWithI18n(
    <CannedPicker
      state={{ status: 'ready', responses }}
      initialQuery={initialQuery}
      language="en"
      onPick={onPick}
      onClose={onClose}
    />,
  );
  return { onPick, onClose, search: screen.getByRole('combobox', { name: 'Search canned responses' }) };
};

describe('CannedPicker', () => {
  afterEach(cleanup);

  it('focuses its search field and lists the matches of the query it opened with', () => {
    const { search } = setup('gre');
    expect(document.activeElement).toBe(search);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('Greeting'),
    ]);
  });

  it('moves with the arrow keys and inserts the highlighted response with Enter', () => {
    const { search, onPick } = setup();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(responses[2]);
  });

  it('wraps around from the first option to the last with ArrowUp', () => {
    const { search, onPick } = setup();
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(responses[1]);
  });

  it('filters as the agent types, Chinese included, and marks personal responses', () => {
    const { search } = setup();
    expect(screen.getByText('Personal')).toBeTruthy();
    fireEvent.change(search, { target: { value: '问' } });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.change(search, { target: { value: 'nothing like it' } });
    expect(screen.getByText('No canned response matches.')).toBeTruthy();
  });

  it('picks with the mouse and closes with Escape', () => {
    const { search, onPick, onClose } = setup();
    fireEvent.mouseDown(screen.getByText('问候'));
    expect(onPick).toHaveBeenCalledWith(responses[1]);
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('says why when the list could not be loaded', () => {
    renderWithI18n(
      <CannedPicker
        state={{ status: 'failed', error: new ApiError('NETWORK', 'down') }}
        initialQuery=""
        language="en"
        onPick={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/^Canned responses could not be loaded: /);
  });
});
