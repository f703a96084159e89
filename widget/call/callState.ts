import type { QueueStatus } from './queueStatus';

// The customer's call as a small state machine, kept apart from JsSIP so it can be tested and so
// the page shows exactly one state at a time (the e2e tests read it from data-state).

/** Every state the call part shows. */
export type CallPhase =
  'idle' | 'connecting' | 'queued' | 'ringing' | 'connected' | 'held' | 'ended' | 'failed';

/** The call as the view renders it. */
export interface CallState {
  phase: CallPhase;
  queue: QueueStatus;
  muted: boolean;
  /** Why the call failed or ended, for the customer. */
  message: string | null;
}

/** What happened, from the customer's clicks or from the SIP session. */
export type CallEvent =
  | { type: 'dial' }
  | { type: 'queued'; status: QueueStatus }
  | { type: 'ringing' }
  | { type: 'answered' }
  | { type: 'held'; held: boolean }
  | { type: 'muted'; muted: boolean }
  | { type: 'ended'; message: string | null }
  | { type: 'failed'; message: string }
  | { type: 'reset' };

export const initialCallState: CallState = {
  phase: 'idle',
  queue: { position: null, estimatedWaitSeconds: null },
  muted: false,
  message: null,
};

const live: readonly CallPhase[] = ['connecting', 'queued', 'ringing', 'connected', 'held'];

/** True while a call is in progress (the call button is replaced by hang-up). */
export const isLive = (phase: CallPhase) => live.includes(phase);

/** Applies one event; events that make no sense in the current phase change nothing. */
export function nextCallState(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'dial':
      return isLive(state.phase) ? state : { ...initialCallState, phase: 'connecting' };
    case 'queued':
      return state.phase === 'connecting' || state.phase === 'queued' || state.phase === 'ringing'
        ? { ...state, phase: 'queued', queue: event.status }
        : state;
    case 'ringing':
      return state.phase === 'connecting' || state.phase === 'queued'
        ? { ...state, phase: 'ringing' }
        : state;
    case 'answered':
      return isLive(state.phase) ? { ...state, phase: 'connected' } : state;
    case 'held':
      if (state.phase === 'connected' && event.held) return { ...state, phase: 'held' };
      if (state.phase === 'held' && !event.held) return { ...state, phase: 'connected' };
      return state;
    case 'muted':
      return state.phase === 'connected' || state.phase === 'held' ? { ...state, muted: event.muted } : state;
    case 'ended':
      return isLive(state.phase) ? { ...state, phase: 'ended', muted: false, message: event.message } : state;
    case 'failed':
      return isLive(state.phase)
        ? { ...state, phase: 'failed', muted: false, message: event.message }
        : state;
    case 'reset':
      return isLive(state.phase) ? state : initialCallState;
  }
}
