import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedActions, can, initialPhoneState, phoneReducer } from './call-model';
import type { CallLeg, PhoneAction, PhoneEvent, PhoneState } from './call-model';

const leg = (id: string, change: Partial<CallLeg> = {}): CallLeg => ({
  id,
  direction: 'incoming',
  state: 'ringing',
  remote: 'caller',
  interactionId: `i-${id}`,
  customerId: null,
  startedAt: 0,
  connectedAt: null,
  ...change,
});

const online = (change: Partial<PhoneState> = {}): PhoneState => ({
  ...initialPhoneState(0),
  transport: 'connected',
  registration: 'registered',
  ...change,
});

const sorted = (state: PhoneState) => [...allowedActions(state)].sort();

describe('allowed actions', () => {
  it('an idle registered phone can only dial', () => {
    expect(sorted(online())).toEqual(['dial']);
  });

  it('an unregistered phone cannot dial', () => {
    expect(sorted(online({ registration: 'failed' }))).toEqual([]);
  });

  it('a ringing incoming call can be answered, rejected or hung up, nothing else', () => {
    expect(sorted(online({ primary: leg('a') }))).toEqual(['answer', 'hangup', 'reject']);
  });

  it('a connected call can be held, muted, sent digits, transferred and consulted on', () => {
    expect(sorted(online({ primary: leg('a', { state: 'connected' }) }))).toEqual([
      'consult',
      'dtmf',
      'hangup',
      'hold',
      'mute',
      'transfer',
    ]);
  });

  it('a held call can be resumed but not muted', () => {
    const actions = allowedActions(online({ primary: leg('a', { state: 'held' }) }));
    expect(actions.has('resume')).toBe(true);
    expect(actions.has('hold')).toBe(false);
    expect(actions.has('mute')).toBe(false);
  });

  it('a connected consultation can be completed, conferenced or cancelled', () => {
    const state = online({
      primary: leg('a', { state: 'held' }),
      consult: leg('b', { state: 'connected', direction: 'outgoing' }),
    });
    expect(sorted(state)).toEqual([
      'cancelConsult',
      'completeTransfer',
      'conference',
      'dtmf',
      'hangup',
      'mute',
    ]);
  });

  it('an internal or outbound call (no interaction) can be held, muted and hung up, but not transferred or consulted on', () => {
    const direct = (change: Partial<CallLeg>) => leg('a', { interactionId: null, ...change });
    expect(sorted(online({ primary: direct({ state: 'connected' }) }))).toEqual([
      'dtmf',
      'hangup',
      'hold',
      'mute',
    ]);
    expect(sorted(online({ primary: direct({ state: 'held', direction: 'outgoing' }) }))).toEqual([
      'hangup',
      'resume',
    ]);
  });

  it('a consultation beside an internal call can be conferenced or cancelled but not completed as a transfer', () => {
    const consulting = {
      primary: leg('a', { state: 'held', interactionId: null }),
      consult: leg('b', { state: 'connected', direction: 'outgoing', interactionId: null }),
    };
    expect(sorted(online(consulting))).toEqual(['cancelConsult', 'conference', 'dtmf', 'hangup', 'mute']);
    expect(can(online({ ...consulting, conference: true }), 'completeTransfer')).toBe(false);
    expect(
      can(
        online({ ...consulting, primary: leg('a', { state: 'held' }), conference: true }),
        'completeTransfer',
      ),
    ).toBe(true);
  });

  it('a muted call offers unmute instead of mute', () => {
    const actions = allowedActions(online({ primary: leg('a', { state: 'connected' }), muted: true }));
    expect(actions.has('unmute')).toBe(true);
    expect(actions.has('mute')).toBe(false);
  });

  it('without the signalling socket only local actions remain', () => {
    const state = online({ transport: 'disconnected', primary: leg('a', { state: 'connected' }) });
    expect(sorted(state)).toEqual(['dtmf', 'hangup', 'mute']);
  });

  it('wrap-up is offered once the call is gone', () => {
    expect(can(online({ wrapup: { interactionId: 'i', since: 0 } }), 'wrapup')).toBe(true);
    expect(can(online({ wrapup: { interactionId: 'i', since: 0 }, primary: leg('b') }), 'wrapup')).toBe(
      false,
    );
  });
});

describe('the reducer', () => {
  it('keeps the first incoming call and ignores a second one', () => {
    const one = phoneReducer(online(), { type: 'incoming', leg: leg('a') });
    const two = phoneReducer(one, { type: 'incoming', leg: leg('b') });
    expect(two.primary?.id).toBe('a');
  });

  it('hands the line to the consulted party when the first call ends', () => {
    const state = online({
      primary: leg('a', { state: 'held' }),
      consult: leg('b', { state: 'connected' }),
      conference: true,
    });
    const next = phoneReducer(state, { type: 'ended', id: 'a', at: 5 });
    expect(next.primary?.id).toBe('b');
    expect(next.consult).toBeNull();
    expect(next.conference).toBe(false);
  });

  it('forgets mute when the last call ends', () => {
    const state = online({ primary: leg('a', { state: 'connected' }), muted: true });
    expect(phoneReducer(state, { type: 'ended', id: 'a', at: 1 }).muted).toBe(false);
  });

  it('starts a conference only when both legs are connected', () => {
    const held = online({ primary: leg('a', { state: 'held' }), consult: leg('b', { state: 'connected' }) });
    expect(phoneReducer(held, { type: 'conference', on: true }).conference).toBe(false);
  });
});

// Random event sequences over a small set of leg ids, checked against the model's invariants.
const ids = fc.constantFrom('a', 'b', 'c');
const eventArb: fc.Arbitrary<PhoneEvent> = fc.oneof(
  fc.record({
    type: fc.constant('transport' as const),
    state: fc.constantFrom('disconnected', 'connecting', 'connected'),
    at: fc.nat(100),
  }),
  fc.record({
    type: fc.constant('registration' as const),
    state: fc.constantFrom('unregistered', 'registering', 'registered', 'failed'),
    at: fc.nat(100),
  }),
  // Incoming calls are routed (an interaction) or direct (a colleague calling); calls the agent places carry none.
  fc.tuple(ids, fc.boolean()).map(([id, routed]) => ({
    type: 'incoming' as const,
    leg: leg(id, routed ? {} : { interactionId: null }),
  })),
  fc.tuple(ids, fc.constantFrom('primary' as const, 'consult' as const)).map(([id, role]) => ({
    type: 'outgoing' as const,
    role,
    leg: leg(id, { direction: 'outgoing', state: 'dialing', interactionId: null }),
  })),
  ids.map((id) => ({ type: 'connected' as const, id, at: 1 })),
  ids.map((id) => ({ type: 'held' as const, id })),
  ids.map((id) => ({ type: 'resumed' as const, id })),
  ids.map((id) => ({ type: 'ended' as const, id, at: 2 })),
  fc.boolean().map((muted) => ({ type: 'muted' as const, muted })),
  fc.boolean().map((on) => ({ type: 'conference' as const, on })),
  ids.map((id) => ({ type: 'wrapup' as const, interactionId: id, at: 3 })),
  ids.map((id) => ({ type: 'wrapupDone' as const, interactionId: id, at: 4 })),
);

const run = (events: PhoneEvent[]) => events.reduce(phoneReducer, initialPhoneState(0));

describe('the model under any sequence of events', () => {
  it('never has a consultation without a first call, nor a conference without both legs connected', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let state = initialPhoneState(0);
        for (const event of events) {
          state = phoneReducer(state, event);
          if (state.consult) expect(state.primary).not.toBeNull();
          if (state.conference) {
            expect(state.consult).not.toBeNull();
            expect(state.primary?.id).not.toBe(state.consult?.id);
          }
          if (!state.primary) expect(state.muted).toBe(false);
        }
      }),
    );
  });

  it('never offers opposite actions together', () => {
    const opposites: Array<[PhoneAction, PhoneAction]> = [
      ['hold', 'resume'],
      ['mute', 'unmute'],
      ['answer', 'dial'],
      ['dial', 'hangup'],
    ];
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const actions = allowedActions(run(events));
        for (const [one, other] of opposites) expect(actions.has(one) && actions.has(other)).toBe(false);
      }),
    );
  });

  it('offers each action only in the state that makes sense of it', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const state = run(events);
        const actions = allowedActions(state);
        const signalling = state.transport === 'connected';
        if (actions.has('answer') || actions.has('reject'))
          expect(signalling && state.primary?.state === 'ringing' && !state.consult).toBe(true);
        if (actions.has('hold')) expect(state.primary?.state).toBe('connected');
        if (actions.has('resume')) expect(state.primary?.state).toBe('held');
        if (actions.has('dial'))
          expect(signalling && state.registration === 'registered' && !state.primary).toBe(true);
        if (actions.has('consult')) expect(state.consult).toBeNull();
        if (actions.has('completeTransfer') || actions.has('conference'))
          expect(state.consult?.state).toBe('connected');
        if (actions.has('cancelConsult')) expect(state.consult).not.toBeNull();
        if (actions.has('transfer') || actions.has('consult') || actions.has('completeTransfer'))
          expect(state.primary?.interactionId).not.toBeNull();
        if (actions.has('wrapup')) expect(state.wrapup !== null && state.primary === null).toBe(true);
        if (!state.primary) expect([...actions].every((a) => a === 'dial' || a === 'wrapup')).toBe(true);
      }),
    );
  });
});
