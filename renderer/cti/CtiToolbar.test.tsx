import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { allowedActions, initialPhoneState } from './call-model';
import type { CallLeg, PhoneState } from './call-model';
import { CtiToolbar } from './CtiToolbar';
import { ctiShortcuts } from './shortcuts';

const leg = (change: Partial<CallLeg> = {}): CallLeg => ({
  id: 'a',
  direction: 'incoming',
  state: 'ringing',
  remote: 'Alice',
  interactionId: 'i1',
  customerId: null,
  startedAt: 0,
  connectedAt: null,
  ...change,
});

const online = (change: Partial<PhoneState>): PhoneState => ({
  ...initialPhoneState(0),
  transport: 'connected',
  registration: 'registered',
  ...change,
});

function show(state: PhoneState, onCommand = vi.fn()) {
  renderWithI18n(
    <CtiToolbar
      state={state}
      allowed={allowedActions(state)}
      shortcuts={ctiShortcuts({})}
      mac={false}
      now={65_000}
      keypadOpen={false}
      onCommand={onCommand}
    />,
  );
  return onCommand;
}

describe('CtiToolbar', () => {
  afterEach(cleanup);

  it('enables only answer, reject and hang-up while a call rings', () => {
    show(online({ primary: leg() }));
    const enabled = screen
      .getAllByRole('button')
      .filter((b) => !(b as HTMLButtonElement).disabled)
      .map((b) => b.dataset.testid);
    expect(enabled).toEqual(['cti-answer', 'cti-reject', 'cti-hangup']);
    expect(screen.getByTestId('cti-call').dataset.state).toBe('ringing');
    expect(screen.getByTestId('cti-remote').textContent).toBe('Alice');
  });

  it('shows the call timer from the moment the call connected', () => {
    show(online({ primary: leg({ state: 'connected', connectedAt: 5_000 }) }));
    expect(screen.getByTestId('cti-call-timer').textContent).toBe('1:00');
    expect(screen.getByTestId('cti-call-timer').parentElement?.textContent).toBe('Call time 1:00');
  });

  it('turns Hold into Resume while held, pressed, and sends the hold command', async () => {
    const onCommand = show(online({ primary: leg({ state: 'held' }) }));
    const hold = screen.getByTestId('cti-hold');
    expect(hold.textContent).toBe('Resume');
    expect(hold.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(hold);
    expect(onCommand).toHaveBeenCalledWith('hold');
  });

  it('announces every shortcut to assistive technology and in the tooltip', () => {
    show(online({}));
    const answer = screen.getByTestId('cti-answer');
    expect(answer.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+A');
    expect(answer.getAttribute('title')).toBe('Answer (Control+Shift+A)');
    for (const button of screen.getAllByRole('button'))
      expect(button.getAttribute('aria-keyshortcuts')).toMatch(/\+/);
  });

  it('names both lights apart from the toolbar status in Chinese too', () => {
    renderWithI18n(
      <CtiToolbar
        state={online({ wrapup: { interactionId: 'i1', since: 0 } })}
        allowed={allowedActions(online({ wrapup: { interactionId: 'i1', since: 0 } }))}
        shortcuts={ctiShortcuts({})}
        mac={false}
        now={0}
        keypadOpen={false}
        onCommand={() => {}}
      />,
      'zh-CN',
    );
    expect(screen.getByTestId('cti-call').textContent).toContain('话后处理');
  });
});
