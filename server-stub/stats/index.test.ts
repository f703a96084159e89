import { describe, expect, it } from 'vitest';
import * as stats from './index';

describe('server-stub/stats public surface', () => {
  it('exposes the aggregator, the hub and the event parser, and nothing stateful at module level', () => {
    expect(Object.keys(stats).sort()).toEqual([
      'createStatsAggregator',
      'createWallboardHub',
      'parseStatsEvent',
      'statsEventSchema',
    ]);
    const a = stats.createStatsAggregator();
    const b = stats.createStatsAggregator();
    a.apply(
      stats.parseStatsEvent({ type: 'agent.state', at: 1, tenantId: 't', agentId: 'x', state: 'ready' }),
    );
    expect(b.snapshot('t', 2).agents).toEqual([]);
  });
});
