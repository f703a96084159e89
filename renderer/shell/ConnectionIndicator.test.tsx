import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ConnectionIndicator } from './ConnectionIndicator';

describe('ConnectionIndicator', () => {
  afterEach(cleanup);

  it('names each connection state in words, not only in colour', () => {
    const expected = {
      connecting: 'Connecting…',
      open: 'Connected',
      reconnecting: 'Reconnecting…',
      closed: 'Disconnected',
    } as const;
    for (const [state, words] of Object.entries(expected)) {
      const { unmount } = renderWithI18n(<ConnectionIndicator state={state as keyof typeof expected} />);
      const status = screen.getByRole('status');
      expect(status.textContent).toBe(`Server connection: ${words}`);
      expect(status.dataset.connection).toBe(state);
      unmount();
    }
  });
});
