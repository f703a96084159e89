import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../routing/decisions';
import type { RouterEvent } from '../routing/events';
import { createInteractionProjection, toInteraction } from './projection';
import { openTestDatabase, type TestDatabase } from './testDatabase';

const audience = { agents: ['a1'], wallboards: true, customer: false };
const arrive = (interactionId: string, at: number) =>
  ({
    type: 'arrive',
    at,
    interactionId,
    idempotencyKey: null,
    queueId: 'q1',
    channel: 'voice',
    customerId: 'c1',
    priority: { vip: false, tier: null, boosts: [] },
    preferredAgentId: null,
    data: { k: 'v' },
  }) as unknown as RouterEvent;
const decisionsFor = (interactionId: string): Decision[] => [
  {
    type: 'interaction_state',
    at: 101,
    by: 'system',
    audience,
    interactionId,
    state: 'queued',
    queueId: 'q2',
    agentId: null,
    disposition: null,
  },
  {
    type: 'offer',
    at: 102,
    by: 'system',
    audience,
    offerId: 'o1',
    interactionId,
    agentId: 'a1',
    queueId: 'q2',
    expiresAt: 20_000,
  } as Decision,
  {
    type: 'release',
    at: 103,
    by: 'system',
    audience,
    interactionId,
    queueId: 'q2',
    reason: 'overflow',
    message: 'Sorry',
  } as Decision,
];

describe('interaction projection', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
    // The directory's table the projection also follows (its own migration is not needed here).
    t.db.exec(
      'CREATE TABLE agent_state (agent_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, state TEXT NOT NULL, reason TEXT, since TEXT NOT NULL)',
    );
  });
  afterEach(() => t.dispose());

  it('stores an arrival changed by its own event exactly as inserting and then updating it would', () => {
    const projection = createInteractionProjection(t.db);
    // Folded: the decisions come with the arrival.
    projection.apply('demo', 7, arrive('folded', 100), decisionsFor('folded'));
    // Step by step: the arrival alone, then the same decisions carried by a later event of the same seq.
    projection.apply('demo', 7, arrive('stepwise', 100), []);
    projection.apply('demo', 7, { type: 'tick', at: 103 } as RouterEvent, decisionsFor('stepwise'));
    const row = (id: string) => {
      const { id: _id, ...rest } = t.db
        .prepare('SELECT * FROM interactions WHERE tenant_id = ? AND id = ?')
        .get('demo', id) as Record<string, unknown>;
      return rest;
    };
    expect(row('folded')).toEqual(row('stepwise'));
    expect(row('folded')).toMatchObject({
      state: 'offered',
      queue_id: 'q2',
      agent_id: 'a1',
      release_reason: 'Sorry',
      created_at: 100,
      updated_at: 103,
      last_seq: 7,
    });
  });

  it('still updates other interactions named by an arrival event', () => {
    const projection = createInteractionProjection(t.db);
    projection.apply('demo', 1, arrive('older', 50), []);
    projection.apply('demo', 2, arrive('newer', 100), decisionsFor('older'));
    expect(projection.get('demo', 'older')).toMatchObject({
      state: 'offered',
      queue_id: 'q2',
      release_reason: 'Sorry',
      last_seq: 2,
    });
    expect(projection.get('demo', 'newer')).toMatchObject({
      state: 'queued',
      queue_id: 'q1',
      agent_id: null,
      release_reason: null,
      last_seq: 2,
    });
  });

  it('keeps the priority and SLA deadline of an arrival in the table and in memory alike, and puts them on the wire', () => {
    const projection = createInteractionProjection(t.db);
    const facts = { priority: 600, slaDueAt: 20_100 };
    projection.apply('demo', 1, arrive('gold', 100), [], facts);
    projection.remember('demo', 1, arrive('gold', 100), [], facts);
    const cached = projection.get('demo', 'gold')!;
    const stored = createInteractionProjection(t.db).get('demo', 'gold')!;
    expect(cached).toEqual(stored);
    expect(toInteraction(stored)).toMatchObject({ priority: 600, slaDueAt: '1970-01-01T00:00:20.100Z' });
    projection.apply('demo', 2, arrive('unknown', 100), []);
    expect(toInteraction(projection.get('demo', 'unknown')!)).toMatchObject({
      priority: null,
      slaDueAt: null,
    });
  });
});
