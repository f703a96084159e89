import { describe, expect, it } from 'vitest';
import { clientMessageSchema } from '@contract/ws';
import {
  choiceValue,
  notReadyReasons,
  parseChoice,
  setStateFrame,
  valueForStatus,
} from './agent-state-options';
import type { StateChoice } from './agent-state-options';

const choices: StateChoice[] = [
  { state: 'ready' },
  ...notReadyReasons.map((reason) => ({ state: 'not_ready' as const, reason })),
];
const since = '2025-01-01T00:00:00.000Z';

describe('agent state options', () => {
  it('round-trips every choice through its menu value', () => {
    for (const choice of choices) expect(parseChoice(choiceValue(choice))).toEqual(choice);
  });

  it('rejects values the menu never offers', () => {
    for (const value of ['', 'busy', 'not_ready', 'not_ready:nap', 'ready:break'])
      expect(parseChoice(value)).toBeNull();
  });

  it('builds frames the contract accepts once an id is added', () => {
    for (const choice of choices) {
      expect(clientMessageSchema.safeParse({ ...setStateFrame(choice), id: 'x' }).success).toBe(true);
    }
    expect(setStateFrame({ state: 'not_ready', reason: 'lunch' })).toEqual({
      type: 'agent.setState',
      state: 'not_ready',
      reason: 'lunch',
    });
    expect(setStateFrame({ state: 'ready' })).not.toHaveProperty('reason');
  });

  it('selects the menu entry that matches the server state, and none for states the agent cannot pick', () => {
    expect(valueForStatus({ agentId: 'a', state: 'ready', reason: null, since })).toBe('ready');
    expect(valueForStatus({ agentId: 'a', state: 'not_ready', reason: 'meeting', since })).toBe(
      'not_ready:meeting',
    );
    expect(valueForStatus({ agentId: 'a', state: 'not_ready', reason: 'missed', since })).toBe('');
    expect(valueForStatus({ agentId: 'a', state: 'busy', reason: null, since })).toBe('');
    expect(valueForStatus(null)).toBe('');
  });
});
