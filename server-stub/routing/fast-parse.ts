import { channels } from '../../contract/agent';
import type { RouterEvent } from './events';

// A hand-written check of the events that arrive all day (arrive, accept, end...), run before zod.
// It answers only for input it is sure about: a plain record whose every field is exactly as
// `routerEventSchema` wants it, and then returns what zod would return (same fields, same defaults,
// fresh objects). Anything else, valid or not, gets `undefined`, and zod decides and explains.
// Configuration events always go to zod. `fast-parse.test.ts` holds this to zod on random input.

type Rec = Record<string, unknown>;

const maxAt = 8.64e15;
const channelSet: ReadonlySet<unknown> = new Set(channels);
const presences: ReadonlySet<unknown> = new Set(['ready', 'not_ready', 'logged_out']);

const isRecord = (x: unknown): x is Rec => {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};
const isId = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= 128;
const isAt = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= maxAt;
/** Whether every key of `x` (own or inherited, as zod's strict check sees them) is one of `allowed`. */
function onlyKeys(x: Rec, allowed: readonly string[]): boolean {
  for (const key in x) if (!allowed.includes(key)) return false;
  return true;
}
/** An optional id: absent is fine; present must be an id (present and undefined goes to zod). */
const optionalId = (x: Rec, key: string) => !(key in x) || isId(x[key]);
/** A nullable id with default null: absent, null or an id. */
const nullableId = (x: Rec, key: string) =>
  x[key] === undefined ? !(key in x) : x[key] === null || isId(x[key]);
const orNull = (v: unknown) => (v === undefined ? null : v) as string | null;

const endKeys = ['type', 'at', 'interactionId', 'by'] as const;
const offerKeys = ['type', 'at', 'interactionId', 'agentId', 'offerId'] as const;
const wrapupKeys = ['type', 'at', 'interactionId', 'agentId', 'disposition'] as const;
const stateKeys = ['type', 'at', 'agentId', 'state', 'reason', 'by'] as const;
const callKeys = ['type', 'at', 'agentId', 'callId'] as const;
const arriveKeys = [
  'type',
  'at',
  'interactionId',
  'idempotencyKey',
  'queueId',
  'channel',
  'customerId',
  'priority',
  'preferredAgentId',
  'data',
] as const;
const priorityKeys = ['vip', 'tier', 'boosts'] as const;

/** The validated event, or undefined when zod must decide. */
export function fastParse(input: unknown): RouterEvent | undefined {
  if (!isRecord(input) || !isAt(input.at)) return undefined;
  const x = input;
  switch (x.type) {
    case 'tick':
      return onlyKeys(x, ['type', 'at']) ? { type: 'tick', at: x.at as number } : undefined;
    case 'end':
    case 'cancel': {
      if (!onlyKeys(x, endKeys) || !isId(x.interactionId) || !optionalId(x, 'by')) return undefined;
      const ev = { type: x.type, at: x.at as number, interactionId: x.interactionId } as RouterEvent & {
        by?: string;
      };
      if ('by' in x) ev.by = x.by as string;
      return ev;
    }
    case 'accept':
    case 'reject':
      if (!onlyKeys(x, offerKeys) || !isId(x.interactionId) || !isId(x.agentId) || !nullableId(x, 'offerId'))
        return undefined;
      return {
        type: x.type,
        at: x.at as number,
        interactionId: x.interactionId,
        agentId: x.agentId,
        offerId: orNull(x.offerId),
      };
    case 'wrapup_done':
      if (!onlyKeys(x, wrapupKeys) || !isId(x.interactionId) || !isId(x.agentId) || !isId(x.disposition))
        return undefined;
      return {
        type: 'wrapup_done',
        at: x.at as number,
        interactionId: x.interactionId,
        agentId: x.agentId,
        disposition: x.disposition,
      };
    case 'agent_state': {
      if (
        !onlyKeys(x, stateKeys) ||
        !isId(x.agentId) ||
        !presences.has(x.state) ||
        !nullableId(x, 'reason') ||
        !optionalId(x, 'by')
      )
        return undefined;
      const ev = {
        type: 'agent_state',
        at: x.at as number,
        agentId: x.agentId,
        state: x.state,
        reason: orNull(x.reason),
      } as RouterEvent & { by?: string };
      if ('by' in x) ev.by = x.by as string;
      return ev;
    }
    case 'agent_call_start':
    case 'agent_call_end':
      if (!onlyKeys(x, callKeys) || !isId(x.agentId) || !isId(x.callId)) return undefined;
      return { type: x.type, at: x.at as number, agentId: x.agentId, callId: x.callId };
    case 'arrive':
      return arrive(x);
    default:
      return undefined;
  }
}

function arrive(x: Rec): RouterEvent | undefined {
  if (!onlyKeys(x, arriveKeys) || !isId(x.interactionId) || !isId(x.queueId) || !channelSet.has(x.channel))
    return undefined;
  if (!nullableId(x, 'idempotencyKey') || !nullableId(x, 'customerId') || !nullableId(x, 'preferredAgentId'))
    return undefined;
  const priority =
    x.priority === undefined && !('priority' in x)
      ? { vip: false, tier: null, boosts: [] }
      : priorityOf(x.priority);
  const data = x.data === undefined && !('data' in x) ? {} : dataOf(x.data);
  if (!priority || !data) return undefined;
  return {
    type: 'arrive',
    at: x.at as number,
    interactionId: x.interactionId,
    idempotencyKey: orNull(x.idempotencyKey),
    queueId: x.queueId,
    channel: x.channel as RouterEvent & { type: 'arrive' } extends { channel: infer C } ? C : never,
    customerId: orNull(x.customerId),
    priority,
    preferredAgentId: orNull(x.preferredAgentId),
    data,
  };
}

function priorityOf(p: unknown): { vip: boolean; tier: string | null; boosts: string[] } | undefined {
  if (!isRecord(p) || !onlyKeys(p, priorityKeys)) return undefined;
  if (p.vip === undefined ? 'vip' in p : typeof p.vip !== 'boolean') return undefined;
  if (!nullableId(p, 'tier')) return undefined;
  let boosts: string[] = [];
  if (p.boosts !== undefined || 'boosts' in p) {
    if (!Array.isArray(p.boosts) || p.boosts.length > 20) return undefined;
    for (const b of p.boosts as unknown[]) if (!isId(b)) return undefined;
    boosts = [...(p.boosts as string[])];
  }
  return { vip: (p.vip as boolean | undefined) ?? false, tier: orNull(p.tier), boosts };
}

/** A copy of a plain data record; anything unusual (undefined values, odd keys) goes to zod. */
function dataOf(d: unknown): Record<string, unknown> | undefined {
  if (!isRecord(d)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in d) {
    if (!Object.prototype.hasOwnProperty.call(d, key) || key === '__proto__') return undefined;
    const value = d[key];
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return Object.getOwnPropertySymbols(d).length > 0 ? undefined : out;
}
