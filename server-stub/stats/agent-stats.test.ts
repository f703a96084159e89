import { describe, expect, it } from 'vitest';
import { agentFigures, changeAgentState, createAgentRecord } from './agent-stats';

const midnight = Date.parse('2026-01-12T00:00:00Z');
const nextMidnight = midnight + 24 * 3600_000;
const min = (m: number) => m * 60_000;

describe('agent statistics', () => {
  it('reports time in state and today’s time per state, the current state counted up to the snapshot', () => {
    const agent = createAgentRecord('a1', midnight + min(480), midnight);
    changeAgentState(agent, 'ready', null, midnight + min(480), midnight);
    changeAgentState(agent, 'busy', null, midnight + min(490), midnight);
    changeAgentState(agent, 'not_ready', 'lunch', midnight + min(520), midnight);
    const f = agentFigures(agent, midnight + min(535), midnight);
    expect(f).toMatchObject({
      state: 'not_ready',
      reason: 'lunch',
      since: midnight + min(520),
      timeInStateMs: min(15),
    });
    expect(f.stateMsToday).toMatchObject({
      ready: min(10),
      busy: min(30),
      not_ready: min(15),
      logged_out: 0,
    });
    expect(f.occupancyPercent).toBe(75); // busy 30 of ready + busy 40
  });

  it('splits time in state at local midnight: the new day only counts from midnight', () => {
    const agent = createAgentRecord('a1', midnight, midnight);
    changeAgentState(agent, 'ready', null, nextMidnight - min(30), midnight);
    const f = agentFigures(agent, nextMidnight + min(10), nextMidnight);
    expect(f.timeInStateMs).toBe(min(40));
    expect(f.stateMsToday.ready).toBe(min(10));
    changeAgentState(agent, 'busy', null, nextMidnight + min(20), nextMidnight);
    expect(agentFigures(agent, nextMidnight + min(20), nextMidnight).stateMsToday).toMatchObject({
      ready: min(20),
      busy: 0,
    });
  });

  it('has no occupancy before any time ready, reserved, busy or in wrap-up', () => {
    const agent = createAgentRecord('a1', midnight, midnight);
    expect(agentFigures(agent, midnight + min(5), midnight).occupancyPercent).toBeNull();
  });
});
