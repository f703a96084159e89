import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routerEventSchema } from './events';
import { fastParse } from './fast-parse';

// The fast check may decline anything, but whatever it accepts zod must accept, with the very same
// result (fields, defaults, key order). Inputs are valid events, then bent in every way we can think of.

const id = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('', 'x'.repeat(128), 'x'.repeat(129)),
);
const at = fc.oneof(
  fc.nat(),
  fc.constantFrom(0, -1, 1.5, 8.64e15, 8.64e15 + 2, Number.NaN, Infinity, 2 ** 53 + 2),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const weird = fc.oneof(fc.anything(), fc.constantFrom(undefined, null, '', 0, [], {}, 'voice'));

const priority = fc.record(
  {
    vip: fc.oneof(fc.boolean(), weird),
    tier: fc.oneof(id, fc.constant(null), weird),
    boosts: fc.oneof(fc.array(id, { maxLength: 22 }), weird),
  },
  { requiredKeys: [] },
);
const base = fc.record(
  {
    type: fc.constantFrom(
      'tick',
      'end',
      'cancel',
      'accept',
      'reject',
      'wrapup_done',
      'agent_state',
      'arrive',
      'agent_call_start',
      'agent_call_end',
      'skill_upsert',
    ),
    at,
    interactionId: id,
    agentId: id,
    offerId: fc.oneof(id, fc.constant(null)),
    by: id,
    disposition: id,
    state: fc.constantFrom('ready', 'not_ready', 'logged_out', 'busy'),
    reason: fc.oneof(id, fc.constant(null)),
    idempotencyKey: fc.oneof(id, fc.constant(null)),
    queueId: id,
    channel: fc.constantFrom('voice', 'im', 'email', 'pigeon'),
    customerId: fc.oneof(id, fc.constant(null)),
    priority: fc.oneof(priority, weird),
    preferredAgentId: fc.oneof(id, fc.constant(null)),
    data: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 6 }), fc.anything(), { maxKeys: 4 }),
      weird,
      fc.constant(JSON.parse('{"__proto__": {"x": 1}}') as unknown),
    ),
    skillId: id,
    callId: fc.oneof(id, weird),
    extra: weird,
  },
  { requiredKeys: [] },
);

/** Keeps only the fields of the event's own type most of the time, so many inputs are fully valid. */
const fieldsOf: Record<string, string[]> = {
  tick: [],
  end: ['interactionId', 'by'],
  cancel: ['interactionId', 'by'],
  accept: ['interactionId', 'agentId', 'offerId'],
  reject: ['interactionId', 'agentId', 'offerId'],
  wrapup_done: ['interactionId', 'agentId', 'disposition'],
  agent_state: ['agentId', 'state', 'reason', 'by'],
  arrive: [
    'interactionId',
    'idempotencyKey',
    'queueId',
    'channel',
    'customerId',
    'priority',
    'preferredAgentId',
    'data',
  ],
  skill_upsert: ['skillId'],
  agent_call_start: ['agentId', 'callId'],
  agent_call_end: ['agentId', 'callId'],
};
const goodId = fc.string({ minLength: 1, maxLength: 12 });
const good = fc.record({
  type: fc.constantFrom(
    'tick',
    'end',
    'cancel',
    'accept',
    'reject',
    'wrapup_done',
    'agent_state',
    'arrive',
    'agent_call_start',
    'agent_call_end',
  ),
  at: fc.nat(),
  interactionId: goodId,
  agentId: goodId,
  offerId: fc.oneof(goodId, fc.constant(null)),
  by: goodId,
  disposition: goodId,
  state: fc.constantFrom('ready', 'not_ready', 'logged_out'),
  reason: fc.oneof(goodId, fc.constant(null)),
  idempotencyKey: fc.oneof(goodId, fc.constant(null)),
  queueId: goodId,
  channel: fc.constantFrom('voice', 'im', 'email', 'sms', 'fax', 'social'),
  customerId: fc.oneof(goodId, fc.constant(null)),
  priority: fc.record(
    {
      vip: fc.boolean(),
      tier: fc.oneof(goodId, fc.constant(null)),
      boosts: fc.array(goodId, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  preferredAgentId: fc.oneof(goodId, fc.constant(null)),
  data: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 4 }),
  callId: goodId,
});
const input = fc
  .tuple(
    fc.oneof(base, good, good),
    fc.nat(9),
    maybe(
      fc.constantFrom(
        'at',
        'type',
        'interactionId',
        'agentId',
        'priority',
        'data',
        'by',
        'offerId',
        'callId',
      ),
    ),
  )
  .map(([ev, roll, drop]) => {
    const keep = new Set(['type', 'at', ...(fieldsOf[ev.type ?? 'tick'] ?? [])]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(ev)) if (roll === 0 || keep.has(k)) out[k] = v;
    if (drop) delete out[drop];
    return out;
  });

describe('fastParse', () => {
  it('accepts only what zod accepts, and returns exactly what zod returns', () => {
    let fast = 0;
    fc.assert(
      fc.property(input, (x) => {
        const mine = fastParse(x);
        if (mine === undefined) return;
        fast++;
        const theirs = routerEventSchema.safeParse(x);
        expect(theirs.success).toBe(true);
        expect(mine).toStrictEqual(theirs.data);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.data));
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a good share of the inputs is valid and must have been decided by the fast path.
    expect(fast).toBeGreaterThan(100);
  });

  it('takes the fast path for the everyday events a server sends, defaults filled in', () => {
    expect(fastParse({ type: 'end', at: 5, interactionId: 'i1' })).toEqual({
      type: 'end',
      at: 5,
      interactionId: 'i1',
    });
    expect(fastParse({ type: 'accept', at: 5, interactionId: 'i1', agentId: 'a1' })).toEqual({
      type: 'accept',
      at: 5,
      interactionId: 'i1',
      agentId: 'a1',
      offerId: null,
    });
    expect(fastParse({ type: 'arrive', at: 5, interactionId: 'i1', queueId: 'q', channel: 'im' })).toEqual(
      routerEventSchema.parse({ type: 'arrive', at: 5, interactionId: 'i1', queueId: 'q', channel: 'im' }),
    );
    expect(
      fastParse({ type: 'agent_state', at: 5, agentId: 'a1', state: 'not_ready', reason: 'break' }),
    ).toBeDefined();
    expect(fastParse({ type: 'agent_call_end', at: 5, agentId: 'a1', callId: 'call-1' })).toEqual({
      type: 'agent_call_end',
      at: 5,
      agentId: 'a1',
      callId: 'call-1',
    });
  });

  it('leaves malformed and unusual input to zod', () => {
    expect(fastParse({ type: 'end', at: 5 })).toBeUndefined();
    expect(fastParse({ type: 'end', at: 5, interactionId: 'i1', extra: 1 })).toBeUndefined();
    expect(fastParse({ type: 'end', at: -1, interactionId: 'i1' })).toBeUndefined();
    expect(
      fastParse({ type: 'arrive', at: 5, interactionId: 'i1', queueId: 'q', channel: 'pigeon' }),
    ).toBeUndefined();
    expect(
      fastParse(Object.assign(Object.create({ x: 1 }) as object, { type: 'end', at: 5, interactionId: 'i' })),
    ).toBeUndefined();
    expect(fastParse({ type: 'skill_upsert', at: 5, skillId: 's' })).toBeUndefined();
    expect(fastParse(null)).toBeUndefined();
  });
});
