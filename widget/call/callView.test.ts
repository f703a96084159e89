import { describe, expect, it, vi } from 'vitest';
import { initialCallState, nextCallState } from './callState';
import { createCallView } from './callView';

const handlers = () => ({ onCall: vi.fn(), onHangUp: vi.fn(), onMute: vi.fn(), onDtmf: vi.fn() });
const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid=${id}]`)!;

describe('createCallView', () => {
  it('calls the queue from the link, then shows the queue position and a hang-up button', () => {
    const section = document.createElement('section');
    const on = handlers();
    const view = createCallView(section, 'general', [], on);
    view.render(initialCallState);
    expect(byTestId(section, 'call-status').dataset['state']).toBe('idle');
    expect(byTestId(section, 'call-queue')).toBeNull();
    expect(byTestId(section, 'call-hangup').closest('[hidden]')).not.toBeNull();
    byTestId(section, 'call-button').click();
    expect(on.onCall).toHaveBeenCalledWith('general', '');

    const queued = [
      { type: 'dial' } as const,
      { type: 'queued', status: { position: 3, estimatedWaitSeconds: 90 } } as const,
    ].reduce(nextCallState, initialCallState);
    view.render(queued);
    expect(byTestId(section, 'call-status').dataset['state']).toBe('queued');
    expect(byTestId(section, 'call-position').textContent).toBe(
      'Position in queue: 3, estimated wait about 2 min',
    );
    expect(byTestId(section, 'call-button').hidden).toBe(true);
    byTestId(section, 'call-hangup').click();
    expect(on.onHangUp).toHaveBeenCalled();
  });

  it('offers the listed queues when the link names none, and mute and keypad only while connected', () => {
    const section = document.createElement('section');
    const on = handlers();
    const view = createCallView(
      section,
      null,
      [
        { slug: 'general', name: 'General' },
        { slug: 'billing', name: 'Billing' },
      ],
      on,
    );
    const picker = byTestId(section, 'call-queue') as HTMLSelectElement;
    picker.value = 'billing';
    (byTestId(section, 'call-number') as HTMLInputElement).value = ' +44 7700 900123 ';
    byTestId(section, 'call-button').click();
    expect(on.onCall).toHaveBeenCalledWith('billing', '+44 7700 900123');

    const connected = [{ type: 'dial' } as const, { type: 'answered' } as const].reduce(
      nextCallState,
      initialCallState,
    );
    view.render(connected);
    expect((byTestId(section, 'call-mute') as HTMLButtonElement).disabled).toBe(false);
    expect(byTestId(section, 'call-keypad').hidden).toBe(false);
    byTestId(section, 'call-mute').click();
    expect(on.onMute).toHaveBeenCalledWith(true);
    section.querySelector<HTMLButtonElement>('[data-tone="5"]')!.click();
    expect(on.onDtmf).toHaveBeenCalledWith('5');
    view.render(nextCallState(connected, { type: 'ended', message: 'The call has ended.' }));
    expect(byTestId(section, 'call-status').textContent).toBe('Call ended. The call has ended.');
    expect(byTestId(section, 'call-keypad').hidden).toBe(true);
  });
});
