import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CannedResponse } from '@contract/http/canned';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { SaveCannedForm } from './SaveCannedForm';

const saved: CannedResponse = {
  id: 'c1',
  scope: 'personal',
  title: 'Refund',
  body: 'Dear {{customer.name}}',
  shortcut: 'refund',
  language: null,
  updatedAt: '2026-03-02T09:00:00.000Z',
};

describe('SaveCannedForm', () => {
  afterEach(cleanup);

  it('saves the text with its title and shortcut (a leading / dropped)', async () => {
    const createPersonal = vi.fn().mockResolvedValue(saved);
    const onSaved = vi.fn();
    renderWithI18n(
      <SaveCannedForm
        body="Dear {{customer.name}}"
        api={{ createPersonal }}
        onSaved={onSaved}
        onCancel={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: ' Refund ' } });
    fireEvent.change(screen.getByLabelText('Shortcut (optional)'), { target: { value: '/refund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(createPersonal).toHaveBeenCalledWith({
      title: 'Refund',
      body: 'Dear {{customer.name}}',
      shortcut: 'refund',
    });
  });

  it('needs a title and says why a save failed', async () => {
    const createPersonal = vi.fn().mockRejectedValue(new ApiError('DUPLICATE', 'taken', 409));
    renderWithI18n(<SaveCannedForm body="x" api={{ createPersonal }} onSaved={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Give it a title.');
    expect(createPersonal).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'T' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not saved: /);
  });
});
