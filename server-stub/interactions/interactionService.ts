import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { SeatError } from '@contract/errors';
import type {
  CreateInteractionRequest,
  Interaction,
  InteractionState,
  QueueLive,
  TransferTarget,
} from '@contract/routing';
import type { AgentStatus, ServerMessage } from '@contract/ws';
import type { Decision } from '../routing/decisions';
import type { QueueConfigInput, RouterConfig, RouterEvent } from '../routing/events';
import { queueConfigSchema, routerEventSchema } from '../routing/events';
import type { StatsEvent } from '../stats/events';
import type { SeatDatabase } from '../store/schema';
import { configFingerprint, configKey, loadConfigEvents } from './configFromStore';
import type { InteractionLog } from './eventLog';
import type { GroupCommit } from './groupCommit';
import { toSeatError } from './errors';
import { createLiveState, type LiveState } from './liveState';
import { toInteraction, type ArrivalFacts, type InteractionProjection } from './projection';
import { createStatsFeed, type StatsFeed } from './statsFeed';
import {
  createTenantRouter,
  type AcceptedEvent,
  type EngineFactory,
  type RouterCommand,
  type Scheduler,
  type TenantRouter,
} from './tenantRouter';

// The routing server's application service: one engine per tenant behind the durable log, the
// commands the HTTP API and the seat WebSocket call, and the reads they answer from. It sends
// nothing itself: effects go to the sinks it is given (seat sockets, statistics, listeners).

/** Where accepted decisions go once they are durable. */
export interface DecisionSinks {
  /** Frames for one agent's seats. */
  toAgent(tenantId: string, agentId: string, frame: ServerMessage): void;
  /** Statistics records (also fed during replay, so figures survive a restart). */
  stats(event: StatsEvent): void;
  /**
   * Once per interaction an event changed (offered, accepted, ended, moved…), with its current wire
   * form built only if asked for: what team leads' seats follow. Not called during replay.
   */
  interactionChanged?(tenantId: string, interactionId: string, view: () => Interaction): void;
}

/** An agent state change as subscribers see it. */
export interface RoutedAgentStateChange {
  tenantId: string;
  previous: AgentStatus;
  status: AgentStatus;
  by: string;
}

/** A decision meant for the waiting customer (wait announcement, release message, callback request). */
export interface CustomerDecision {
  tenantId: string;
  decision: Extract<Decision, { type: 'announce_wait' | 'release' | 'callback_request' }>;
}

/** Options of the interaction service. */
export interface InteractionServiceOptions {
  sqlite: Database;
  db: Kysely<SeatDatabase>;
  log: InteractionLog;
  commit: GroupCommit;
  projection: InteractionProjection;
  engineFactory: EngineFactory;
  routerConfigOf(tenantId: string): RouterConfig;
  now: () => number;
  newId: () => string;
  scheduler: Scheduler;
  sinks: DecisionSinks;
  onTickError(error: unknown): void;
}

/** What a create returns: the interaction and whether this call created it. */
export interface CreateResult {
  interaction: Interaction;
  created: boolean;
}

/** Routing commands and reads for every tenant. */
/** The blacklist entry a confirmation gives the engine. */
export interface BlacklistRule {
  customerId: string;
  category: string;
  allowedHours: { from: number; to: number }[] | null;
  maxPerDay: number | null;
  message: string | null;
}

/**
 * Routing commands that return once the event is in the log and its effects have run. Each call
 * commits at once (its own transaction): for in-process callers such as channel adapters.
 */
export interface InteractionCommands {
  create(tenantId: string, request: CreateInteractionRequest, idempotencyKey: string): CreateResult;
  accept(tenantId: string, interactionId: string, agentId: string): Interaction;
  reject(tenantId: string, interactionId: string, agentId: string): Interaction;
  end(tenantId: string, interactionId: string, by: string): Interaction;
  wrapup(tenantId: string, interactionId: string, agentId: string, disposition: string): Interaction;
  /**
   * `consulted`: the target is already on a consultation call with the holder (attended transfer);
   * `callId` names that call (as `agentCall` started it), which becomes the interaction's call.
   */
  transfer(
    tenantId: string,
    interactionId: string,
    agentId: string,
    to: TransferTarget,
    options?: { consulted?: boolean; callId?: string },
  ): Interaction;
  cancel(tenantId: string, interactionId: string, by: string): Interaction;
  /** A call the agent is on outside any interaction starts or ends: while one lasts the agent is busy on voice. */
  agentCall(tenantId: string, agentId: string, callId: string, phase: 'start' | 'end'): void;
  setAgentState(
    tenantId: string,
    agentId: string,
    state: 'ready' | 'not_ready' | 'logged_out',
    reason: string | null,
    by: string,
  ): AgentStatus;
  updateQueueRouting(tenantId: string, queueId: string, routing: Omit<QueueConfigInput, 'queueId'>): void;
  /** Gives the engine a confirmed blacklist entry; `write` stores its record in the same transaction. */
  setBlacklist(tenantId: string, entry: BlacklistRule, write?: () => void): void;
}

/** The same commands, group-committed with every other event of this turn: for the HTTP and socket hot paths. */
export type BatchedInteractionCommands = {
  [K in keyof InteractionCommands]: (
    ...args: Parameters<InteractionCommands[K]>
  ) => Promise<ReturnType<InteractionCommands[K]>>;
};

/** The seat's actions, group-committed like `batched` but resolving with nothing: for callers that only acknowledge. */
export type SeatActions = {
  [K in 'accept' | 'reject' | 'end' | 'wrapup' | 'transfer']: (
    ...args: Parameters<InteractionCommands[K]>
  ) => Promise<void>;
};

/** Routing commands and reads for every tenant. */
export interface InteractionService extends InteractionCommands {
  /** Replays every tenant's log, brings config up to date with the store, starts the timers. */
  start(): Promise<void>;
  stop(): void;
  batched: BatchedInteractionCommands;
  /** The same actions without building the interaction's view afterwards (the seat socket only acks). */
  actions: SeatActions;
  get(tenantId: string, interactionId: string): Interaction;
  /** Interactions in these states, newest first; with `agents`, only queued ones and those of these agents. */
  list(
    tenantId: string,
    states: readonly InteractionState[],
    limit: number,
    agents?: readonly string[],
  ): Interaction[];
  /** The team an agent belongs to in the routing configuration, or null. */
  teamOf(tenantId: string, agentId: string): string | null;
  /** The agents of a team, by id. */
  teamAgents(tenantId: string, teamId: string): string[];
  queueLive(tenantId: string, queueId: string): QueueLive;
  agentStatus(tenantId: string, agentId: string): AgentStatus | undefined;
  agents(tenantId: string): AgentStatus[];
  /** The engine's snapshot and the last log position, for the durability check. */
  snapshot(tenantId: string): { lastSeq: number; events: number; engine: unknown };
  /** Frames a (re)connecting seat needs: its live offers and the interactions it holds. */
  resumeFrames(tenantId: string, agentId: string): ServerMessage[];
  onAgentState(listener: (change: RoutedAgentStateChange) => void): () => void;
  onCustomerDecision(listener: (event: CustomerDecision) => void): () => void;
}

interface Tenant {
  router: TenantRouter;
  live: LiveState;
  feed: StatsFeed;
  config: Map<string, string>;
  agentIds: Set<string>;
  /** Agent id → team id, as the routing configuration has it. */
  agentTeams: Map<string, string | null>;
}

const canonicalHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Builds the service; call `start()` before serving. */
export function createInteractionService(options: InteractionServiceOptions): InteractionService {
  const { sqlite, projection, log, sinks } = options;
  const tenants = new Map<string, Tenant>();
  const agentListeners = new Set<(change: RoutedAgentStateChange) => void>();
  const customerListeners = new Set<(event: CustomerDecision) => void>();
  const customerLookup = sqlite.prepare(
    'SELECT tier, account_manager_agent_id AS manager FROM customers WHERE tenant_id = ? AND id = ?',
  );
  const queueExists = sqlite.prepare('SELECT config FROM queues WHERE tenant_id = ? AND id = ?');
  const queueConfigWrite = sqlite.prepare('UPDATE queues SET config = ? WHERE tenant_id = ? AND id = ?');
  const queueInfo = sqlite.prepare(
    'SELECT name, service_level_seconds AS serviceLevelSeconds FROM queues WHERE tenant_id = ? AND id = ?',
  );

  // The inbox's Priority and SLA columns: fixed on arrival, from the queue's routing config (the head
  // start the engine orders by) and its service-level threshold. Worked out once per arrival event,
  // for the table inside the log transaction and again for the in-memory copy after the commit.
  const arrivals = new WeakMap<RouterEvent, ArrivalFacts>();
  const arrivalFacts = (tenantId: string, tenant: Tenant, event: RouterEvent): ArrivalFacts | undefined => {
    if (event.type !== 'arrive') return undefined;
    let facts = arrivals.get(event);
    if (!facts) {
      const queue = queueInfo.get(tenantId, event.queueId) as { serviceLevelSeconds: number } | undefined;
      facts = {
        priority: tenant.router.engine().headStartSeconds(event.queueId, event.priority),
        slaDueAt: queue ? event.at + queue.serviceLevelSeconds * 1000 : null,
      };
      arrivals.set(event, facts);
    }
    return facts;
  };

  const effects = (tenant: Tenant) => (accepted: AcceptedEvent) => {
    const { tenantId, event, decisions } = accepted;
    projection.remember(tenantId, accepted.seq, event, decisions, arrivalFacts(tenantId, tenant, event));
    const previous = new Map<string, AgentStatus | undefined>();
    for (const d of decisions)
      if (d.type === 'agent_state' && !previous.has(d.agentId))
        previous.set(d.agentId, tenant.live.agent(d.agentId));
    tenant.live.apply(decisions);
    const key = configKey(event);
    if (key) tenant.config.set(key, configFingerprint(event));
    if (event.type === 'agent_upsert') {
      tenant.agentIds.add(event.agent.agentId);
      tenant.agentTeams.set(event.agent.agentId, event.agent.teamId);
    }
    for (const record of tenant.feed.translate(event, decisions)) sinks.stats(record as StatsEvent);
    if (accepted.replay) return;
    fanOut(tenantId, decisions, previous);
  };

  const fanOut = (
    tenantId: string,
    decisions: readonly Decision[],
    previous: Map<string, AgentStatus | undefined>,
  ) => {
    const changed = sinks.interactionChanged ? new Set<string>() : null;
    for (const d of decisions) {
      if (
        changed &&
        (d.type === 'interaction_state' ||
          d.type === 'offer' ||
          d.type === 'offer_withdrawn' ||
          d.type === 'release')
      )
        changed.add(d.interactionId);
      switch (d.type) {
        case 'agent_state': {
          // The seat hears it through the agent-state listeners (the socket layer subscribes there).
          const status: AgentStatus = {
            agentId: d.agentId,
            state: d.state,
            reason: d.reason,
            since: new Date(d.at).toISOString(),
          };
          const before =
            previous.get(d.agentId) ??
            Object.assign({}, status, { state: 'logged_out' as const, reason: null });
          previous.set(d.agentId, status);
          for (const listener of agentListeners) listener({ tenantId, previous: before, status, by: d.by });
          break;
        }
        case 'offer': {
          const row = projection.get(tenantId, d.interactionId);
          if (row)
            sinks.toAgent(tenantId, d.agentId, {
              type: 'interaction.offer',
              interaction: toInteraction(row),
              expiresAt: new Date(d.expiresAt).toISOString(),
            });
          break;
        }
        case 'offer_withdrawn':
          sinks.toAgent(tenantId, d.agentId, {
            type: 'interaction.revoked',
            interactionId: d.interactionId,
            reason: d.reason,
          });
          break;
        case 'interaction_state': {
          if (d.state === 'offered' || d.audience.agents.length === 0) break;
          const row = projection.get(tenantId, d.interactionId);
          if (!row) break;
          const frame: ServerMessage = { type: 'interaction.update', interaction: toInteraction(row) };
          for (const agentId of d.audience.agents) sinks.toAgent(tenantId, agentId, frame);
          break;
        }
        case 'announce_wait':
        case 'release':
        case 'callback_request':
          for (const listener of customerListeners) listener({ tenantId, decision: d });
          break;
        default:
          break;
      }
    }
    if (!changed) return;
    // After the agents' own frames, so a lead who is also the agent hears the offer (with its expiry) first.
    for (const interactionId of changed) {
      const row = projection.get(tenantId, interactionId);
      if (row) sinks.interactionChanged!(tenantId, interactionId, () => toInteraction(row));
    }
  };

  const openTenant = (tenantId: string): Tenant => {
    const tenant = {
      live: createLiveState(),
      feed: createStatsFeed(
        tenantId,
        (queueId) =>
          queueInfo.get(tenantId, queueId) as { name: string; serviceLevelSeconds: number } | undefined,
      ),
      config: new Map<string, string>(),
      agentIds: new Set<string>(),
      agentTeams: new Map<string, string | null>(),
    } as Tenant;
    tenant.router = createTenantRouter({
      tenantId,
      engineFactory: options.engineFactory,
      routerConfig: options.routerConfigOf(tenantId),
      log,
      commit: options.commit,
      now: options.now,
      scheduler: options.scheduler,
      project: (seq, event, decisions) =>
        projection.apply(tenantId, seq, event, decisions, arrivalFacts(tenantId, tenant, event)),
      effects: (accepted) => effects(tenant)(accepted),
      onTickError: options.onTickError,
    });
    return tenant;
  };

  const tenantOf = (tenantId: string): Tenant => {
    const tenant = tenants.get(tenantId);
    if (!tenant) throw new SeatError('NOT_FOUND', 'This tenant has no routing.');
    return tenant;
  };

  /** A command that has run in the engine and waits in the group commit; `value` reads its outcome after. */
  interface Staged<T> {
    durable: Promise<void>;
    value(): T;
  }
  const stage = (
    tenantId: string,
    command: RouterCommand,
    extra?: (seq: number, event: RouterEvent) => void,
  ): Promise<void> => {
    const { result, durable } = tenantOf(tenantId).router.submit(command, extra);
    if (!result.ok) throw toSeatError(result.error);
    return durable;
  };
  // Creates staged in this turn and not yet committed, so a retry in the same turn finds its twin.
  const pendingKeys = new Map<
    string,
    { interactionId: string; requestHash: string; durable: Promise<void> }
  >();

  const view = (tenantId: string, interactionId: string): Interaction => {
    const row = projection.get(tenantId, interactionId);
    if (!row) throw new SeatError('NOT_FOUND', `There is no interaction ${interactionId}.`);
    const wait = tenantOf(tenantId).router.engine().estimatedWait(interactionId);
    return toInteraction(row, wait ? { position: wait.position, ewtSeconds: wait.ewtSeconds ?? 0 } : null);
  };

  const syncConfig = async (tenantId: string) => {
    const tenant = tenantOf(tenantId);
    for (const command of await loadConfigEvents(options.db, tenantId)) {
      const key = configKey(command);
      if (!key) continue;
      const parsed = { ...command, at: 0 } as RouterEvent;
      const known = tenant.config.get(key);
      if (known !== undefined && known === fingerprintOf(parsed)) continue;
      const { result, durable } = tenant.router.submit(command);
      if (!result.ok)
        throw new Error(
          `Routing configuration of ${tenantId} refused (${key}): ${result.error.code} ${result.error.message}`,
        );
      await durable;
    }
  };

  // Calls do not survive a restart (the SIP edge's dialogs live in memory): an agent the log leaves
  // on a call of its own is taken off it, as logged events of their own, or would stay busy forever.
  const endOwnCalls = async (tenantId: string) => {
    const tenant = tenantOf(tenantId);
    for (const agentId of [...tenant.agentIds].sort())
      for (const callId of tenant.router.engine().agentView(agentId)?.calls ?? []) {
        const { result, durable } = tenant.router.submit({ type: 'agent_call_end', agentId, callId });
        if (!result.ok)
          throw new Error(
            `Ending call ${callId} of ${agentId} in ${tenantId} refused: ${result.error.message}`,
          );
        await durable;
      }
  };

  const stagedCommands = {
    create(
      tenantId: string,
      request: CreateInteractionRequest,
      idempotencyKey: string,
    ): Staged<CreateResult> {
      // Object.assign rather than spread in the hot paths: spreading a fresh object is a slow V8 path.
      const requestHash = canonicalHash(Object.assign({}, request, { idempotencyKey: undefined }));
      const keyOf = `${tenantId}\u0000${idempotencyKey}`;
      const pending = pendingKeys.get(keyOf);
      const earlier = pending ?? projection.findKey(tenantId, idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new SeatError(
            'CONFLICT',
            'This idempotency key was used for a different interaction; use a new key for new work.',
          );
        }
        const durable = pending ? pending.durable : Promise.resolve();
        return {
          durable,
          value: () => ({ interaction: view(tenantId, earlier.interactionId), created: false }),
        };
      }
      let priority = { vip: false, tier: null as string | null, boosts: request.boosts ?? [] };
      let preferredAgentId = request.preferredAgentId ?? null;
      if (request.customerId) {
        const customer = customerLookup.get(tenantId, request.customerId) as
          { tier: string; manager: string | null } | undefined;
        if (!customer) throw new SeatError('NOT_FOUND', `There is no customer ${request.customerId}.`);
        priority = Object.assign({}, priority, { vip: customer.tier === 'vip', tier: customer.tier });
        preferredAgentId ??= customer.manager;
      }
      const interactionId = options.newId();
      const staged = stage(
        tenantId,
        {
          type: 'arrive',
          interactionId,
          idempotencyKey,
          queueId: request.queueId,
          channel: request.channel,
          customerId: request.customerId ?? null,
          priority,
          preferredAgentId,
          data: request.attached ?? {},
        },
        (_seq, event) =>
          projection.rememberKey(tenantId, idempotencyKey, interactionId, requestHash, event.at),
      );
      const durable = staged.finally(() => pendingKeys.delete(keyOf));
      pendingKeys.set(keyOf, { interactionId, requestHash, durable });
      return { durable, value: () => ({ interaction: view(tenantId, interactionId), created: true }) };
    },
    accept: (tenantId: string, interactionId: string, agentId: string): Staged<Interaction> => ({
      durable: stage(tenantId, { type: 'accept', interactionId, agentId }),
      value: () => view(tenantId, interactionId),
    }),
    reject: (tenantId: string, interactionId: string, agentId: string): Staged<Interaction> => ({
      durable: stage(tenantId, { type: 'reject', interactionId, agentId }),
      value: () => view(tenantId, interactionId),
    }),
    end: (tenantId: string, interactionId: string, by: string): Staged<Interaction> => ({
      durable: stage(tenantId, { type: 'end', interactionId, by }),
      value: () => view(tenantId, interactionId),
    }),
    wrapup: (
      tenantId: string,
      interactionId: string,
      agentId: string,
      disposition: string,
    ): Staged<Interaction> => ({
      durable: stage(tenantId, { type: 'wrapup_done', interactionId, agentId, disposition }),
      value: () => view(tenantId, interactionId),
    }),
    transfer: (
      tenantId: string,
      interactionId: string,
      agentId: string,
      to: TransferTarget,
      options?: { consulted?: boolean; callId?: string },
    ): Staged<Interaction> => ({
      durable: stage(tenantId, {
        type: 'transfer',
        interactionId,
        agentId,
        to: to.kind === 'queue' ? { queueId: to.queueId } : { agentId: to.agentId },
        ...(options?.consulted ? { consulted: true } : {}),
        ...(options?.callId !== undefined ? { callId: options.callId } : {}),
      }),
      value: () => view(tenantId, interactionId),
    }),
    cancel: (tenantId: string, interactionId: string, by: string): Staged<Interaction> => ({
      durable: stage(tenantId, { type: 'cancel', interactionId, by }),
      value: () => view(tenantId, interactionId),
    }),
    agentCall: (tenantId: string, agentId: string, callId: string, phase: 'start' | 'end'): Staged<void> => ({
      durable: stage(tenantId, {
        type: phase === 'start' ? 'agent_call_start' : 'agent_call_end',
        agentId,
        callId,
      }),
      value: () => undefined,
    }),
    setAgentState(
      tenantId: string,
      agentId: string,
      state: 'ready' | 'not_ready' | 'logged_out',
      reason: string | null,
      by: string,
    ): Staged<AgentStatus> {
      const durable = stage(tenantId, { type: 'agent_state', agentId, state, reason, by });
      return {
        durable,
        value() {
          const status = statusOf(tenantOf(tenantId), agentId);
          if (!status) throw new SeatError('NOT_FOUND', `There is no agent ${agentId}.`);
          return status;
        },
      };
    },
    updateQueueRouting(
      tenantId: string,
      queueId: string,
      routing: Omit<QueueConfigInput, 'queueId'>,
    ): Staged<void> {
      const row = queueExists.get(tenantId, queueId) as { config: string } | undefined;
      if (!row) throw new SeatError('NOT_FOUND', `There is no queue ${queueId}.`);
      const rings = (JSON.parse(row.config) as { routing?: Partial<QueueConfigInput> }).routing?.rings;
      const current = tenantOf(tenantId).config.get(`queue:${queueId}`);
      const currentRings = current
        ? (JSON.parse(current) as { queue: { rings: unknown } }).queue.rings
        : undefined;
      const queue = queueConfigSchema.safeParse({ rings: rings ?? currentRings, ...routing, queueId });
      if (!queue.success)
        throw new SeatError(
          'VALIDATION_FAILED',
          queue.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      // The store's copy changes in the same transaction as the logged event, so a restart agrees.
      const durable = stage(tenantId, { type: 'queue_upsert', queue: queue.data }, () => {
        const config = { ...(JSON.parse(row.config) as Record<string, unknown>), routing: { ...routing } };
        queueConfigWrite.run(JSON.stringify(config), tenantId, queueId);
      });
      return { durable, value: () => undefined };
    },
    setBlacklist(tenantId: string, entry: BlacklistRule, write?: () => void): Staged<void> {
      return {
        durable: stage(tenantId, { type: 'blacklist_set', ...entry }, () => write?.()),
        value: () => undefined,
      };
    },
  };

  /** Commits now (with whatever else is staged) and returns the outcome: the synchronous commands. */
  const now = <T>(staged: Staged<T>): T => {
    // The same failure also rejects `durable`; it is reported here, synchronously, instead.
    staged.durable.catch(() => undefined);
    try {
      options.commit.flush();
    } catch (error) {
      throw new SeatError(
        'UNAVAILABLE',
        `The interaction log could not be written: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return staged.value();
  };
  const commands: InteractionCommands = {
    create: (...a) => now(stagedCommands.create(...a)),
    accept: (...a) => now(stagedCommands.accept(...a)),
    reject: (...a) => now(stagedCommands.reject(...a)),
    end: (...a) => now(stagedCommands.end(...a)),
    wrapup: (...a) => now(stagedCommands.wrapup(...a)),
    transfer: (...a) => now(stagedCommands.transfer(...a)),
    cancel: (...a) => now(stagedCommands.cancel(...a)),
    agentCall: (...a) => now(stagedCommands.agentCall(...a)),
    setAgentState: (...a) => now(stagedCommands.setAgentState(...a)),
    updateQueueRouting: (...a) => now(stagedCommands.updateQueueRouting(...a)),
    setBlacklist: (...a) => now(stagedCommands.setBlacklist(...a)),
  };
  const later = async <T>(staged: () => Staged<T>): Promise<T> => {
    const s = staged();
    await s.durable;
    return s.value();
  };
  const batched = (): BatchedInteractionCommands => ({
    create: (...a) => later(() => stagedCommands.create(...a)),
    accept: (...a) => later(() => stagedCommands.accept(...a)),
    reject: (...a) => later(() => stagedCommands.reject(...a)),
    end: (...a) => later(() => stagedCommands.end(...a)),
    wrapup: (...a) => later(() => stagedCommands.wrapup(...a)),
    transfer: (...a) => later(() => stagedCommands.transfer(...a)),
    cancel: (...a) => later(() => stagedCommands.cancel(...a)),
    agentCall: (...a) => later(() => stagedCommands.agentCall(...a)),
    setAgentState: (...a) => later(() => stagedCommands.setAgentState(...a)),
    updateQueueRouting: (...a) => later(() => stagedCommands.updateQueueRouting(...a)),
    setBlacklist: (...a) => later(() => stagedCommands.setBlacklist(...a)),
  });

  const durableOnly = async (staged: () => Staged<unknown>): Promise<void> => {
    await staged().durable;
  };
  const actions: SeatActions = {
    accept: (...a) => durableOnly(() => stagedCommands.accept(...a)),
    reject: (...a) => durableOnly(() => stagedCommands.reject(...a)),
    end: (...a) => durableOnly(() => stagedCommands.end(...a)),
    wrapup: (...a) => durableOnly(() => stagedCommands.wrapup(...a)),
    transfer: (...a) => durableOnly(() => stagedCommands.transfer(...a)),
  };

  return {
    async start() {
      const rows = await options.db.selectFrom('tenants').select('id').orderBy('id').execute();
      const ids = new Set([...rows.map((r) => r.id), ...log.tenants()]);
      for (const tenantId of ids) {
        const tenant = openTenant(tenantId);
        tenants.set(tenantId, tenant);
        tenant.router.replay();
      }
      for (const tenantId of ids) {
        await syncConfig(tenantId);
        await endOwnCalls(tenantId);
        tenantOf(tenantId).router.schedule();
      }
    },

    stop() {
      for (const tenant of tenants.values()) tenant.router.dispose();
      // What is staged goes to the log before the store closes (its callers are waiting for it).
      try {
        options.commit.flush();
      } catch (error) {
        options.onTickError(error);
      }
    },

    ...commands,
    batched: batched(),
    actions,

    get: view,
    list(tenantId, states, limit, agents) {
      tenantOf(tenantId);
      return projection.list(tenantId, states, limit, agents).map((row) => toInteraction(row));
    },
    teamOf: (tenantId, agentId) => tenants.get(tenantId)?.agentTeams.get(agentId) ?? null,
    teamAgents(tenantId, teamId) {
      const teams = tenants.get(tenantId)?.agentTeams ?? new Map<string, string | null>();
      return [...teams].filter(([, team]) => team === teamId).map(([agentId]) => agentId);
    },

    queueLive(tenantId, queueId) {
      const queue = tenantOf(tenantId).router.engine().queueView(queueId, options.now());
      if (!queue) throw new SeatError('NOT_FOUND', `There is no queue ${queueId}.`);
      return {
        queueId,
        waiting: queue.waiting,
        staffed: queue.staffed,
        available: queue.available,
        longestWaitSeconds: queue.oldestWaitSeconds,
        estimatedWaitSeconds: queue.ewtSeconds,
        averageHandleSeconds: queue.averageHandleSeconds,
      };
    },

    agentStatus: (tenantId, agentId) => statusOf(tenantOf(tenantId), agentId),
    agents(tenantId) {
      const tenant = tenantOf(tenantId);
      return [...tenant.agentIds].sort().flatMap((agentId) => statusOf(tenant, agentId) ?? []);
    },

    snapshot(tenantId) {
      const tenant = tenantOf(tenantId);
      return {
        lastSeq: log.lastSeq(tenantId),
        events: log.count(tenantId),
        engine: tenant.router.engine().snapshot(),
      };
    },

    resumeFrames(tenantId, agentId) {
      const tenant = tenants.get(tenantId);
      if (!tenant) return [];
      const frames: ServerMessage[] = [];
      for (const row of projection.heldBy(tenantId, agentId)) {
        const offer = tenant.live.offer(row.id);
        if (row.state === 'offered' && offer && offer.agentId === agentId) {
          frames.push({
            type: 'interaction.offer',
            interaction: toInteraction(row),
            expiresAt: new Date(offer.expiresAt).toISOString(),
          });
        } else if (row.state !== 'offered') {
          frames.push({ type: 'interaction.update', interaction: toInteraction(row) });
        }
      }
      return frames;
    },

    onAgentState(listener) {
      agentListeners.add(listener);
      return () => agentListeners.delete(listener);
    },
    onCustomerDecision(listener) {
      customerListeners.add(listener);
      return () => customerListeners.delete(listener);
    },
  };
}

/** The fingerprint a command would have once parsed with the engine's defaults, like the logged events. */
function fingerprintOf(event: RouterEvent): string {
  return configFingerprint(routerEventSchema.parse(event));
}

/** An agent's status as the engine holds it now, or undefined for an unknown agent. */
function statusOf(tenant: Tenant, agentId: string): AgentStatus | undefined {
  const view = tenant.router.engine().agentView(agentId);
  return view
    ? { agentId, state: view.state, reason: view.reason, since: new Date(view.since).toISOString() }
    : undefined;
}
