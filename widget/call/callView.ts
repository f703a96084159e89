import { isLive, type CallState } from './callState';
import { waitText } from './queueStatus';

// The call part's DOM: built once, then updated from the state (no framework: the page must stay
// small and load fast on a customer's phone). The data-testid hooks are what the e2e tests read.

/** What the view reports back. */
export interface CallViewHandlers {
  /** `number` is what the caller typed as their own phone number (trimmed), or '' for none. */
  onCall(queue: string, number: string): void;
  onHangUp(): void;
  onMute(muted: boolean): void;
  onDtmf(tone: string): void;
}

/** The rendered part. */
export interface CallView {
  render(state: CallState): void;
  remoteAudio: HTMLAudioElement;
  dispose(): void;
}

const statusText: Record<CallState['phase'], string> = {
  idle: 'Ready to call.',
  connecting: 'Connecting…',
  queued: 'You are in the queue.',
  ringing: 'An agent is being connected…',
  connected: 'Connected.',
  held: 'You are on hold.',
  ended: 'Call ended.',
  failed: 'The call failed.',
};

/** Builds the view into `section`; `queues` are offered when `fixedQueue` is null. */
export function createCallView(
  section: HTMLElement,
  fixedQueue: string | null,
  queues: ReadonlyArray<{ slug: string; name: string }>,
  handlers: CallViewHandlers,
): CallView {
  const doc = section.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text = '',
  ) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };
  const root = el('div', { class: 'call' });
  const picker = el('select', { 'data-testid': 'call-queue', 'aria-label': 'Who would you like to call?' });
  for (const queue of queues) picker.append(el('option', { value: queue.slug }, queue.name));
  // Optional, so the agent can greet a known customer with their record; the page never insists.
  const numberLabel = el('label', { class: 'call__number' }, 'Your phone number (optional) ');
  const number = el('input', {
    type: 'tel',
    'data-testid': 'call-number',
    autocomplete: 'tel',
    inputmode: 'tel',
    maxlength: '32',
  });
  numberLabel.append(number);
  const callButton = el(
    'button',
    { type: 'button', 'data-testid': 'call-button', class: 'call__button' },
    'Call',
  );
  const status = el('p', {
    'data-testid': 'call-status',
    'data-state': 'idle',
    role: 'status',
    'aria-live': 'polite',
  });
  const position = el('p', { 'data-testid': 'call-position', class: 'call__position' });
  const controls = el('div', { class: 'call__controls' });
  const mute = el('button', { type: 'button', 'data-testid': 'call-mute', 'aria-pressed': 'false' }, 'Mute');
  const hangUp = el(
    'button',
    { type: 'button', 'data-testid': 'call-hangup', class: 'call__hangup' },
    'Hang up',
  );
  const keypad = el('div', { class: 'call__keypad', 'data-testid': 'call-keypad', 'aria-label': 'Keypad' });
  for (const tone of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
    const key = el('button', { type: 'button', 'data-tone': tone }, tone);
    key.addEventListener('click', () => handlers.onDtmf(tone));
    keypad.append(key);
  }
  const remoteAudio = el('audio', { autoplay: '', 'data-testid': 'call-remote-audio' });
  controls.append(mute, hangUp);
  if (fixedQueue === null) root.append(picker);
  root.append(numberLabel, callButton, status, position, controls, keypad, remoteAudio);
  section.append(root);

  let muted = false;
  callButton.addEventListener('click', () =>
    handlers.onCall(fixedQueue ?? picker.value, number.value.trim()),
  );
  hangUp.addEventListener('click', () => handlers.onHangUp());
  mute.addEventListener('click', () => handlers.onMute(!muted));

  return {
    remoteAudio,
    render(state) {
      const liveCall = isLive(state.phase);
      status.dataset['state'] = state.phase;
      status.textContent =
        state.message && !liveCall ? `${statusText[state.phase]} ${state.message}` : statusText[state.phase];
      callButton.hidden = liveCall;
      callButton.disabled = fixedQueue === null && queues.length === 0;
      picker.disabled = liveCall;
      number.disabled = liveCall;
      controls.hidden = !liveCall;
      mute.disabled = state.phase !== 'connected' && state.phase !== 'held';
      muted = state.muted;
      mute.setAttribute('aria-pressed', String(state.muted));
      mute.textContent = state.muted ? 'Unmute' : 'Mute';
      keypad.hidden = state.phase !== 'connected';
      const queued = state.phase === 'queued';
      position.hidden = !queued;
      const wait = waitText(state.queue.estimatedWaitSeconds);
      position.textContent = queued
        ? [
            state.queue.position !== null
              ? `Position in queue: ${state.queue.position}`
              : 'Waiting for an agent',
            wait ? `estimated wait ${wait}` : null,
          ]
            .filter(Boolean)
            .join(', ')
        : '';
      if (queued && state.queue.position !== null)
        position.dataset['position'] = String(state.queue.position);
      else delete position.dataset['position'];
    },
    dispose: () => root.remove(),
  };
}
