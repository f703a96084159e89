import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '@contract/ws';
import { startNewWorkNotifier } from './new-work-notifier';

const offer = { type: 'interaction.offer' } as unknown as ServerMessage;
const emailReceived = { type: 'email.received' } as unknown as ServerMessage;
const other = { type: 'agent.state' } as unknown as ServerMessage;
const chat = (author: string) => ({ type: 'chat.message', message: { author } }) as unknown as ServerMessage;

function setup(focused: boolean) {
  const frames = new Subject<ServerMessage>();
  const focusListeners = new Set<() => void>();
  const state = { focused, now: 0 };
  const chime = vi.fn();
  const setBadge = vi.fn();
  const dispose = startNewWorkNotifier({
    frames$: frames,
    focus: {
      isFocused: () => state.focused,
      onFocus: (listener) => {
        focusListeners.add(listener);
        return () => focusListeners.delete(listener);
      },
    },
    chime,
    setBadge,
    now: () => state.now,
    minChimeGapMs: 1000,
  });
  const focus = () => {
    state.focused = true;
    focusListeners.forEach((l) => l());
  };
  return { frames, state, chime, setBadge, dispose, focus, focusListeners };
}

describe('new-work notifier', () => {
  it('counts and chimes for offers and customer e-mails while the seat is in the background', () => {
    const { frames, state, chime, setBadge } = setup(false);
    frames.next(offer);
    state.now = 5000;
    frames.next(emailReceived);
    frames.next(other);
    expect(setBadge.mock.calls).toEqual([[1], [2]]);
    expect(chime).toHaveBeenCalledTimes(2);
  });

  it("counts a customer's chat message but not the agent's own or a system line", () => {
    const { frames, setBadge } = setup(false);
    frames.next(chat('agent'));
    frames.next(chat('system'));
    frames.next(chat('customer'));
    expect(setBadge.mock.calls).toEqual([[1]]);
  });

  it('stays silent and unbadged while the seat has focus', () => {
    const { frames, chime, setBadge } = setup(true);
    frames.next(offer);
    expect(chime).not.toHaveBeenCalled();
    expect(setBadge).not.toHaveBeenCalled();
  });

  it('clears the badge when the seat gets focus, and counts again from zero after', () => {
    const { frames, state, setBadge, focus } = setup(false);
    frames.next(offer);
    focus();
    expect(setBadge).toHaveBeenLastCalledWith(0);
    state.focused = false;
    frames.next(offer);
    expect(setBadge).toHaveBeenLastCalledWith(1);
  });

  it('chimes once for a burst but counts every item', () => {
    const { frames, state, chime, setBadge } = setup(false);
    frames.next(offer);
    state.now = 200;
    frames.next(offer);
    state.now = 400;
    frames.next(offer);
    expect(chime).toHaveBeenCalledTimes(1);
    expect(setBadge).toHaveBeenLastCalledWith(3);
  });

  it('stops listening and clears its badge when disposed', () => {
    const { frames, chime, setBadge, dispose, focusListeners } = setup(false);
    frames.next(offer);
    dispose();
    expect(setBadge).toHaveBeenLastCalledWith(0);
    expect(focusListeners.size).toBe(0);
    frames.next(offer);
    expect(chime).toHaveBeenCalledTimes(1);
  });
});
