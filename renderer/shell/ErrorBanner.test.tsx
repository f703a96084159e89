import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ErrorBanner } from './ErrorBanner';

describe('ErrorBanner', () => {
  afterEach(cleanup);

  it('announces the message as an alert and can be dismissed from the keyboard', async () => {
    const onDismiss = vi.fn();
    renderWithI18n(<ErrorBanner message="Not connected." onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('Not connected.');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss' }));
    await userEvent.keyboard('{Enter}');
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
