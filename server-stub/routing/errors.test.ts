import { describe, expect, it } from 'vitest';
import type { RouterEventInput } from './events';
import type { RoutingErrorCode } from './result';
import { bench } from './testing';

/** A small centre with one call ringing at a1, one active at a2 and one in wrap-up at a3. */
function centre() {
  const b = bench();
  b.queue({ queueId: 'q', offerTimeoutSeconds: 10, dispositions: ['solved'] });
  for (const a of ['a1', 'a2', 'a3', 'idle']) b.agent(a);
  b.ready('a3');
  b.arrive('wrapping', 'q', { idempotencyKey: 'k-wrapping' });
  b.send({ type: 'accept', interactionId: 'wrapping', agentId: 'a3' });
  b.send({ type: 'end', interactionId: 'wrapping' });
  b.ready('a2');
  b.arrive('active', 'q');
  b.send({ type: 'accept', interactionId: 'active', agentId: 'a2' });
  b.ready('a1');
  b.arrive('ringing', 'q');
  b.arrive('gone', 'q');
  b.send({ type: 'cancel', interactionId: 'gone' });
  return b;
}

const cases: [string, (now: number) => unknown, RoutingErrorCode][] = [
  ['a malformed event', (at) => ({ type: 'arrive', at, interactionId: '' }), 'VALIDATION_FAILED'],
  ['an unknown event type', (at) => ({ type: 'explode', at }), 'VALIDATION_FAILED'],
  ['a negative time', () => ({ type: 'tick', at: -5 }), 'VALIDATION_FAILED'],
  [
    'a negative capacity',
    (at) => ({ type: 'agent_upsert', at, agent: { agentId: 'x', capacity: { im: -1 } } }),
    'VALIDATION_FAILED',
  ],
  [
    'an absurd offer timeout',
    (at) => ({ type: 'queue_upsert', at, queue: { queueId: 'z', offerTimeoutSeconds: 1e9 } }),
    'VALIDATION_FAILED',
  ],
  [
    'a proficiency of 11',
    (at) => ({ type: 'agent_upsert', at, agent: { agentId: 'x', skills: { billing: 11 } } }),
    'VALIDATION_FAILED',
  ],
  [
    'an arrival in an unknown queue',
    (at) => ({ type: 'arrive', at, interactionId: 'n', queueId: 'nope', channel: 'voice' }),
    'UNKNOWN_QUEUE',
  ],
  [
    'a second arrival with the same id',
    (at) => ({ type: 'arrive', at, interactionId: 'active', queueId: 'q', channel: 'voice' }),
    'DUPLICATE',
  ],
  [
    'an arrival reusing a closed id',
    (at) => ({ type: 'arrive', at, interactionId: 'gone', queueId: 'q', channel: 'voice' }),
    'DUPLICATE',
  ],
  [
    'an arrival with a used idempotency key',
    (at) => ({
      type: 'arrive',
      at,
      interactionId: 'n',
      idempotencyKey: 'k-wrapping',
      queueId: 'q',
      channel: 'im',
    }),
    'DUPLICATE',
  ],
  [
    'a queue needing an unknown skill',
    (at) => ({
      type: 'queue_upsert',
      at,
      queue: {
        queueId: 'z',
        rings: [{ afterSeconds: 0, skills: [{ skillId: 'klingon', minProficiency: 3 }] }],
      },
    }),
    'UNKNOWN_SKILL',
  ],
  [
    'an agent with an unknown skill',
    (at) => ({ type: 'agent_upsert', at, agent: { agentId: 'a1', skills: { klingon: 3 } } }),
    'UNKNOWN_SKILL',
  ],
  [
    'an agent in an unknown team',
    (at) => ({ type: 'agent_upsert', at, agent: { agentId: 'a1', teamId: 'ghosts' } }),
    'INVALID_CONFIG',
  ],
  [
    'rings that tighten',
    (at) => ({
      type: 'queue_upsert',
      at,
      queue: {
        queueId: 'q',
        rings: [
          { afterSeconds: 0, skills: [] },
          { afterSeconds: 5, skills: [{ skillId: 'billing', minProficiency: 1 }] },
        ],
      },
    }),
    'INVALID_CONFIG',
  ],
  [
    'an overflow without a limit',
    (at) => ({
      type: 'queue_upsert',
      at,
      queue: { queueId: 'q', overflow: { target: { kind: 'callback' } } },
    }),
    'INVALID_CONFIG',
  ],
  [
    'an overflow into an unknown queue',
    (at) => ({
      type: 'queue_upsert',
      at,
      queue: { queueId: 'q', overflow: { maxLength: 5, target: { kind: 'queue', queueId: 'nope' } } },
    }),
    'UNKNOWN_QUEUE',
  ],
  [
    'configuring the system reason missed',
    (at) => ({ type: 'reason_codes_set', at, codes: ['break', 'missed'] }),
    'INVALID_CONFIG',
  ],
  [
    'a state change of an unknown agent',
    (at) => ({ type: 'agent_state', at, agentId: 'nobody', state: 'ready' }),
    'UNKNOWN_AGENT',
  ],
  [
    'not ready with an unknown reason',
    (at) => ({ type: 'agent_state', at, agentId: 'idle', state: 'not_ready', reason: 'nap' }),
    'UNKNOWN_REASON',
  ],
  [
    'not ready without a reason',
    (at) => ({ type: 'agent_state', at, agentId: 'idle', state: 'not_ready' }),
    'UNKNOWN_REASON',
  ],
  [
    'a state change while an offer rings',
    (at) => ({ type: 'agent_state', at, agentId: 'a1', state: 'not_ready', reason: 'break' }),
    'INVALID_TRANSITION',
  ],
  [
    'logging out while holding work',
    (at) => ({ type: 'agent_state', at, agentId: 'a2', state: 'logged_out' }),
    'INVALID_TRANSITION',
  ],
  [
    'an accept without an offer',
    (at) => ({ type: 'accept', at, interactionId: 'ringing', agentId: 'idle' }),
    'INVALID_TRANSITION',
  ],
  [
    'a second accept of one offer',
    (at) => ({ type: 'accept', at, interactionId: 'active', agentId: 'a2' }),
    'INVALID_TRANSITION',
  ],
  [
    'an accept of an unknown interaction',
    (at) => ({ type: 'accept', at, interactionId: 'nope', agentId: 'a1' }),
    'UNKNOWN_INTERACTION',
  ],
  [
    'an accept by an unknown agent',
    (at) => ({ type: 'accept', at, interactionId: 'ringing', agentId: 'nobody' }),
    'UNKNOWN_AGENT',
  ],
  [
    'an accept naming an old offer',
    (at) => ({ type: 'accept', at, interactionId: 'ringing', agentId: 'a1', offerId: 'ringing#0' }),
    'OFFER_EXPIRED',
  ],
  [
    'an accept after the offer timed out',
    (at) => ({ type: 'accept', at: at + 10_000, interactionId: 'ringing', agentId: 'a1' }),
    'OFFER_EXPIRED',
  ],
  [
    'an accept of a cancelled interaction',
    (at) => ({ type: 'accept', at, interactionId: 'gone', agentId: 'a1' }),
    'INVALID_TRANSITION',
  ],
  [
    'ending a ringing interaction',
    (at) => ({ type: 'end', at, interactionId: 'ringing' }),
    'INVALID_TRANSITION',
  ],
  [
    'cancelling an active interaction',
    (at) => ({ type: 'cancel', at, interactionId: 'active' }),
    'INVALID_TRANSITION',
  ],
  [
    'a disposition outside the list',
    (at) => ({ type: 'wrapup_done', at, interactionId: 'wrapping', agentId: 'a3', disposition: 'whatever' }),
    'UNKNOWN_DISPOSITION',
  ],
  [
    'a wrap-up closed by another agent',
    (at) => ({ type: 'wrapup_done', at, interactionId: 'wrapping', agentId: 'a2', disposition: 'solved' }),
    'INVALID_TRANSITION',
  ],
  [
    'a wrap-up closed after its timeout',
    (at) => ({
      type: 'wrapup_done',
      at: at + 3_600_000,
      interactionId: 'wrapping',
      agentId: 'a3',
      disposition: 'solved',
    }),
    'INVALID_TRANSITION',
  ],
  [
    'a transfer by someone who does not hold it',
    (at) => ({ type: 'transfer', at, interactionId: 'active', agentId: 'a1', to: { queueId: 'q' } }),
    'INVALID_TRANSITION',
  ],
  [
    'a transfer to an unknown queue',
    (at) => ({ type: 'transfer', at, interactionId: 'active', agentId: 'a2', to: { queueId: 'nope' } }),
    'UNKNOWN_QUEUE',
  ],
  [
    'a transfer to oneself',
    (at) => ({ type: 'transfer', at, interactionId: 'active', agentId: 'a2', to: { agentId: 'a2' } }),
    'INVALID_TRANSITION',
  ],
];

describe('bad input', () => {
  it.each(cases)('refuses %s with a clear code and changes nothing', (_name, event, code) => {
    const b = centre();
    const before = b.router.snapshot();
    const deadline = b.router.nextDeadline();
    const result = b.router.handle(event(b.clock.now));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    expect(b.router.snapshot()).toEqual(before);
    expect(b.router.nextDeadline()).toBe(deadline);
  });

  it('accepts the same events once the state allows them', () => {
    const b = centre();
    const ok = (e: RouterEventInput) => expect(b.router.handle(e)).toMatchObject({ ok: true });
    ok({ type: 'accept', at: b.clock.now, interactionId: 'ringing', agentId: 'a1' });
    ok({
      type: 'wrapup_done',
      at: b.clock.now,
      interactionId: 'wrapping',
      agentId: 'a3',
      disposition: 'solved',
    });
  });
});

describe('error codes', () => {
  it('are all in the shared catalogue with a client-error status, so the server can map them one to one', async () => {
    const { errorCatalogue } = await import('../../contract/errors');
    const { routingErrorCodes } = await import('./result');
    for (const code of routingErrorCodes) {
      expect(errorCatalogue[code].status).toBeGreaterThanOrEqual(400);
      expect(errorCatalogue[code].status).toBeLessThan(500);
    }
  });
});
