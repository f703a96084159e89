import { SeatError } from '@contract/errors';
import type { AgentStatus } from '@contract/ws';
import { describe, expect, it } from 'vitest';
import { checkTransition, type AgentStateRequest } from './transitions';

const reasons = ['break', 'lunch', 'training'];
const status = (state: AgentStatus['state'], reason: string | null = null): AgentStatus => ({
  agentId: 'a1',
  state,
  reason,
  since: '2026-03-01T08:00:00.000Z',
});
const outcome = (current: AgentStatus, request: AgentStateRequest) => {
  try {
    return checkTransition(current, request, reasons);
  } catch (e) {
    return e instanceof SeatError ? e.code : 'other';
  }
};

describe('agent state transitions', () => {
  it('lets a logged-out agent become ready or not ready with a reason', () => {
    expect(outcome(status('logged_out'), { state: 'ready' })).toBe('change');
    expect(outcome(status('logged_out'), { state: 'not_ready', reason: 'break' })).toBe('change');
  });

  it('needs a known reason for not ready and refuses a reason for other states', () => {
    expect(outcome(status('ready'), { state: 'not_ready' })).toBe('VALIDATION_FAILED');
    expect(outcome(status('ready'), { state: 'not_ready', reason: 'nap' })).toBe('VALIDATION_FAILED');
    expect(outcome(status('not_ready', 'break'), { state: 'ready', reason: 'break' })).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('treats asking for the current state as unchanged, but a new reason as a change', () => {
    expect(outcome(status('ready'), { state: 'ready' })).toBe('unchanged');
    expect(outcome(status('not_ready', 'break'), { state: 'not_ready', reason: 'break' })).toBe('unchanged');
    expect(outcome(status('not_ready', 'break'), { state: 'not_ready', reason: 'lunch' })).toBe('change');
  });

  it('refuses changes while the router holds the agent on work, but allows ending wrap-up', () => {
    expect(outcome(status('busy'), { state: 'ready' })).toBe('CONFLICT');
    expect(outcome(status('reserved'), { state: 'logged_out' })).toBe('CONFLICT');
    expect(outcome(status('wrapup'), { state: 'ready' })).toBe('change');
  });
});
