import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import { ApiError } from '../api/api-error';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { EmailWorkActions } from './EmailWorkActions';

const interaction = (state: Interaction['state']): Interaction => ({
  id: 'i1',
  channel: 'email',
  queueId: 'q',
  customerId: null,
  state,
  agentId: 'a24',
  attached: {},
  createdAt: '2026-03-02T08:00:01.000Z',
  updatedAt: '2026-03-02T08:00:01.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
});

const setup = (state: Interaction['state'], request = vi.fn().mockResolvedValue(undefined)) => {
  const announce = vi.fn();
  const onFinished = vi.fn();
  renderWithI18n(
    <EmailWorkActions
      interaction={interaction(state)}
      socket={{ messages$: new Subject<ServerMessage>(), request }}
      announce={announce}
      onFinished={onFinished}
    />,
  );
  return { request, announce, onFinished };
};

describe('EmailWorkActions', () => {
  afterEach(cleanup);

  it('ends active e-mail work through the seat socket', async () => {
    const { request, announce } = setup('active');
    fireEvent.click(screen.getByTestId('email-end'));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith('E-mail ended; choose how it ended to finish.'),
    );
    expect(request).toHaveBeenCalledWith({ type: 'interaction.end', interactionId: 'i1' });
  });

  it('finishes wrap-up with the chosen disposition and then closes the tab', async () => {
    const { request, onFinished } = setup('wrapup');
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'escalated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(onFinished).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith({
      type: 'interaction.wrapup',
      interactionId: 'i1',
      disposition: 'escalated',
    });
  });

  it('says why when the server refuses, and keeps the tab open', async () => {
    const { announce, onFinished } = setup(
      'wrapup',
      vi.fn().mockRejectedValue(new ApiError('UNKNOWN_DISPOSITION', 'not allowed')),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Not done: /)));
    expect(onFinished).not.toHaveBeenCalled();
  });

  it('offers nothing for an offered or ended e-mail', () => {
    setup('offered');
    expect(screen.queryByTestId('email-end')).toBeNull();
    expect(screen.queryByTestId('email-wrapup')).toBeNull();
  });
});
