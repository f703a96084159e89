import type { ServerMessage } from '@contract/ws';
import type { FastifyInstance } from 'fastify';
import type { AgentStateService } from '../agents/agentStateService';
import { registerBlacklistRoutes } from '../api/routing/blacklistRoutes';
import { registerInteractionRoutes, type ChannelAccept } from '../api/routing/interactionRoutes';
import { registerRoutingReadRoutes } from '../api/routing/routingReadRoutes';
import type { RouterConfig } from '../routing/events';
import { createRouter } from '../routing/router';
import { createLeadInteractionFeed } from '../seat-events/leadInteractionFeed';
import { createRoutingSocketExtension } from '../seat-events/routingSocket';
import { createStatsAggregator, type StatsAggregator } from '../stats/aggregator';
import { createWallboardHub, type WallboardHub } from '../stats/wallboard-hub';
import type { SeatStore } from '../store/database';
import type { SeatSocketExtension } from '../ws/seatSocketRoute';
import { createBlacklistBook, type BlacklistBook } from './blacklistBook';
import { applyDurability, createInteractionLog, type Durability } from './eventLog';
import { createInteractionService, type InteractionService } from './interactionService';
import { createGroupCommit } from './groupCommit';
import { createInteractionProjection } from './projection';
import { createRoutedAgentStates } from './routedAgentStates';

// The composition root of routing: engine per tenant behind the log, statistics and wallboards fed
// from the same decisions, the socket extension and the HTTP routes. The server builds it once.

/** What routing needs from the server. */
export interface RoutingOptions {
  store: SeatStore;
  now: () => number;
  generateId: () => string;
  /** Where agent frames go (the seat socket hub); bound late because the hub is built after. */
  sendToAgent: InteractionServiceSinkTarget;
  /** SQLite synchronous mode for the log; absent keeps the store's own setting. */
  durability?: Durability;
  /** Wallboards get at most one delta per tenant per this many ms. */
  wallboardIntervalMs?: number;
  routerConfigOf?: (tenantId: string) => RouterConfig;
  /** Told about failures nobody awaits (timer ticks, statistics); logged by the server. */
  onError(error: unknown, where: string): void;
}

/** Sends one frame to one agent's seats. */
export type InteractionServiceSinkTarget = (tenantId: string, agentId: string, frame: ServerMessage) => void;

/** Routing, built and ready to start. */
export interface Routing {
  service: InteractionService;
  agentStates: AgentStateService;
  stats: StatsAggregator;
  wallboards: WallboardHub;
  blacklist: BlacklistBook;
  socketExtension: SeatSocketExtension;
  /** Registers the routing HTTP API; `channelAccept` lets a channel take an agent's accept itself. */
  registerRoutes(app: FastifyInstance, channelAccept?: ChannelAccept): void;
  /** Replays the log, syncs config, starts timers and the wallboard flush; returns the stop function. */
  start(): Promise<() => void>;
}

/** Builds routing over the store. */
export function createRouting(options: RoutingOptions): Routing {
  const { store, now } = options;
  if (options.durability) applyDurability(store.sqlite, options.durability);
  const stats = createStatsAggregator();
  const wallboards = createWallboardHub({
    source: stats,
    minIntervalMs: options.wallboardIntervalMs ?? 1000,
    onListenerError: (error) => options.onError(error, 'wallboard listener'),
  });
  const log = createInteractionLog(store.sqlite);
  // Team leads' inboxes follow their view of the tenant's work live; bound to the service built next.
  const leads = createLeadInteractionFeed({
    teamOf: (tenantId, agentId) => service.teamOf(tenantId, agentId),
  });
  const service: InteractionService = createInteractionService({
    sqlite: store.sqlite,
    db: store.db,
    log,
    commit: createGroupCommit((fn) => log.transaction(fn)),
    projection: createInteractionProjection(store.sqlite),
    engineFactory: (config) => createRouter(config),
    routerConfigOf: options.routerConfigOf ?? (() => ({ utcOffsetMinutes: 0, rememberClosed: 100_000 })),
    now,
    newId: options.generateId,
    scheduler: {
      set: (callback, delayMs) => setTimeout(callback, delayMs),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    sinks: {
      toAgent: options.sendToAgent,
      interactionChanged: (tenantId, interactionId, view) => leads.changed(tenantId, interactionId, view),
      stats(event) {
        try {
          stats.apply(event);
          wallboards.markChanged(event.tenantId);
        } catch (error) {
          // Figures must never stop routing; a statistics bug is reported, the event stays logged.
          options.onError(error, 'statistics');
        }
      },
    },
    onTickError: (error) => options.onError(error, 'routing tick'),
  });
  const blacklist = createBlacklistBook(store.sqlite, now, options.generateId);

  return {
    service,
    agentStates: createRoutedAgentStates(service),
    stats,
    wallboards,
    blacklist,
    socketExtension: createRoutingSocketExtension(service, wallboards, leads),
    registerRoutes(app, channelAccept) {
      registerInteractionRoutes(app, service, channelAccept);
      registerRoutingReadRoutes(app, service, now, stats);
      registerBlacklistRoutes(app, blacklist, service);
    },
    async start() {
      await service.start();
      const flushEvery = Math.max(50, Math.min(250, options.wallboardIntervalMs ?? 1000));
      const flusher = setInterval(() => {
        try {
          wallboards.flush(now());
        } catch (error) {
          options.onError(error, 'wallboard flush');
        }
      }, flushEvery);
      flusher.unref();
      return () => {
        clearInterval(flusher);
        service.stop();
      };
    },
  };
}
