import { announceOne } from './announce';
import * as configHandlers from './config-handlers';
import { newCtx, newScratch } from './context';
import { nextDeadline, runDeadlines } from './deadlines';
import { dispatch } from './dispatch';
import {
  routerConfigSchema,
  routerEventSchema,
  type Priority,
  type RouterConfig,
  type RouterEvent,
} from './events';
import { fastParse } from './fast-parse';
import { boostMs } from './priority';
import type { Handler } from './handler';
import * as interactionHandlers from './interaction-handlers';
import { agentCallEnd, agentCallStart } from './own-calls';
import { RoutingRefusal, type RouterResult } from './result';
import { snapshotOf, type RouterSnapshot } from './snapshot';
import { emptyState } from './state';
import { agentView, interactionWait, queueView, type AgentView, type QueueView } from './views';

/**
 * The routing engine of one tenant: events in, decisions out, nothing else. It reads no clock and
 * draws no random numbers; ids and times come with the events, so replaying the same events into a
 * fresh engine gives the same decisions and the same snapshot.
 *
 * Time-driven work (offer and wrap-up timeouts, bullseye steps, preferred-agent windows, overflow on
 * maximum wait, announcements) happens on `tick` events. The server keeps one timer at
 * `nextDeadline()` and, before delivering any other event whose `at` has reached that deadline,
 * delivers (and logs) a tick at that time, so the log alone rebuilds the state.
 */
export interface Router {
  /** Validates and applies one event. A refused event changes nothing. */
  handle(event: unknown): RouterResult;
  /** The earliest moment a tick would change something, or null when nothing is scheduled. */
  nextDeadline(): number | null;
  snapshot(): RouterSnapshot;
  queueView(queueId: string, at: number): QueueView | null;
  agentView(agentId: string): AgentView | null;
  /** Position (1-based) and estimated wait of a waiting interaction, for announcements. */
  estimatedWait(
    interactionId: string,
  ): { queueId: string; position: number; ewtSeconds: number | null } | null;
  /**
   * The head start in seconds the queue's priority classes give a customer (VIP, tier, named boosts):
   * the base routing priority of an arrival, before waiting ages it; null for an unknown queue.
   */
  headStartSeconds(queueId: string, priority: Priority): number | null;
}

type AnyHandler = Handler<RouterEvent['type']>;

const handlers: Record<RouterEvent['type'], AnyHandler> = {
  skill_upsert: configHandlers.skillUpsert,
  reason_codes_set: configHandlers.reasonCodesSet,
  team_upsert: configHandlers.teamUpsert,
  queue_upsert: configHandlers.queueUpsert,
  agent_upsert: configHandlers.agentUpsert,
  blacklist_set: configHandlers.blacklistSet,
  blacklist_clear: configHandlers.blacklistClear,
  agent_state: configHandlers.agentState,
  arrive: interactionHandlers.arrive,
  accept: interactionHandlers.accept,
  reject: interactionHandlers.reject,
  end: interactionHandlers.end,
  wrapup_done: interactionHandlers.wrapupDone,
  cancel: interactionHandlers.cancel,
  transfer: interactionHandlers.transfer,
  agent_call_start: agentCallStart,
  agent_call_end: agentCallEnd,
  tick: { validate() {}, apply() {} },
} as Record<RouterEvent['type'], AnyHandler>;

export function createRouter(options: Partial<RouterConfig> = {}): Router {
  const config = routerConfigSchema.parse(options);
  const state = emptyState();
  const scratch = newScratch();

  function handle(input: unknown): RouterResult {
    // The everyday events are checked by hand first (same rules, same result); zod decides the rest and explains refusals.
    let event = fastParse(input);
    if (event === undefined) {
      const parsed = routerEventSchema.safeParse(input);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.map(String).join('.') || '(root)';
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: `${where}: ${first?.message ?? 'invalid event'}` },
        };
      }
      event = parsed.data;
    }
    // A clock that steps back a little must not move deadlines backwards: time only moves forward.
    const now = Math.max(event.at, state.lastAt);
    const ctx = newCtx(state, config, now, scratch);
    const handler = handlers[event.type];
    try {
      handler.validate(ctx, event);
    } catch (error) {
      if (error instanceof RoutingRefusal)
        return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
    if (event.type === 'tick') runDeadlines(ctx, now, state.lastAt);
    else handler.apply(ctx, event);
    dispatch(ctx);
    if (event.type === 'arrive') {
      const i = state.interactions.get(event.interactionId);
      if (i) announceOne(ctx, state.queues.get(i.queueId)!, i);
    }
    state.lastAt = now;
    return { ok: true, decisions: ctx.out };
  }

  return {
    handle,
    nextDeadline: () => nextDeadline(state),
    snapshot: () => snapshotOf(state),
    queueView: (queueId, at) => queueView(state, queueId, at),
    agentView: (agentId) => agentView(state, agentId),
    estimatedWait: (interactionId) => interactionWait(state, interactionId),
    headStartSeconds(queueId, priority) {
      const queue = state.queues.get(queueId);
      return queue ? boostMs(queue.config.priority, priority) / 1000 : null;
    },
  };
}
