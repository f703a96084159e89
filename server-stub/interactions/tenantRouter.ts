import { SeatError } from '@contract/errors';
import type { Decision } from '../routing/decisions';
import { fastParse } from '../routing/fast-parse';
import {
  routerEventSchema,
  type RouterConfig,
  type RouterEvent,
  type RouterEventInput,
} from '../routing/events';
import type { RouterResult } from '../routing/result';
import type { Router } from '../routing/router';
import type { InteractionLog } from './eventLog';
import type { GroupCommit } from './groupCommit';

// One tenant's router: its engine, its share of the log, its single deadline timer. Every change
// goes through `submit`, which runs the engine, then appends the event (with its projection, in one
// SQLite transaction), and only then lets anyone see an effect. A refused event is neither logged
// nor visible. Ticks are logged with their `at`, so replaying the log reproduces the state exactly.

/** The engine as this layer uses it (the routing module's router). */
export type RoutingEngine = Pick<
  Router,
  'handle' | 'nextDeadline' | 'snapshot' | 'queueView' | 'agentView' | 'estimatedWait' | 'headStartSeconds'
>;

/** Builds a fresh engine; called at start and again to rebuild from the log after a failed write. */
export type EngineFactory = (config: RouterConfig) => RoutingEngine;

/** What happened to the log and the outside world for one accepted event. */
export interface AcceptedEvent {
  tenantId: string;
  seq: number;
  event: RouterEvent;
  decisions: readonly Decision[];
  /** True while rebuilding from the log at start: update memory, send nothing. */
  replay: boolean;
}

/** A timer the router can set and clear; injected so tests can drive time. */
export interface Scheduler {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Options of one tenant's router. */
export interface TenantRouterOptions {
  tenantId: string;
  engineFactory: EngineFactory;
  routerConfig: RouterConfig;
  log: InteractionLog;
  /** Shared by every tenant: one transaction per turn of the event loop. */
  commit: GroupCommit;
  now: () => number;
  scheduler: Scheduler;
  /** Writes the event's projection; runs inside the log transaction. */
  project(seq: number, event: RouterEvent, decisions: readonly Decision[]): void;
  /** Carries out effects (sockets, stats, listeners) after the commit, and during replay. */
  effects(accepted: AcceptedEvent): void;
  /** Reports a tick that failed, so a broken timer is loud rather than silent. */
  onTickError(error: unknown): void;
}

/** One tenant's engine behind the durable log. */
export interface TenantRouter {
  readonly tenantId: string;
  /** Rebuilds the engine from the log; returns how many events were replayed. */
  replay(): number;
  /**
   * Validates and runs one event (time is set here) and stages it for the log. The result is known
   * at once; `durable` resolves after the commit and the effects. `extra` runs inside the same
   * transaction (e.g. storing an idempotency key).
   */
  submit(
    input: RouterCommand,
    extra?: (seq: number, event: RouterEvent) => void,
  ): { result: RouterResult; durable: Promise<void> };
  /** The engine, for read-only queries. */
  engine(): RoutingEngine;
  /** Sets the deadline timer from the engine's next deadline. */
  schedule(): void;
  /** Stops the timer. */
  dispose(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An engine event as callers write it: the router sets its time. */
export type RouterCommand = DistributiveOmit<RouterEventInput, 'at'>;

/** Creates a tenant router with an empty engine; call `replay()` before using it. */
export function createTenantRouter(options: TenantRouterOptions): TenantRouter {
  const { tenantId, log, scheduler } = options;
  let engine = options.engineFactory(options.routerConfig);
  let lastAt = 0;
  let timer: unknown = null;
  let timerAt: number | null = null;
  let disposed = false;
  let lastTickAt = -1;

  const replay = (): number => {
    engine = options.engineFactory(options.routerConfig);
    lastAt = 0;
    let count = 0;
    for (const logged of log.read(tenantId)) {
      const event = fastParse(logged.event) ?? routerEventSchema.parse(logged.event);
      const result = engine.handle(event);
      if (!result.ok) {
        // The log holds only events the engine accepted; a refusal now means the engine's rules
        // changed under an old log. Starting anyway would silently diverge, so stop here.
        throw new Error(
          `Replay of ${tenantId} stopped at event ${logged.seq} (${event.type}): ${result.error.code} ${result.error.message}`,
        );
      }
      lastAt = Math.max(lastAt, event.at);
      options.effects({ tenantId, seq: logged.seq, event, decisions: result.decisions, replay: true });
      count++;
    }
    return count;
  };

  const schedule = () => {
    if (disposed) return;
    const deadline = engine.nextDeadline();
    if (deadline === timerAt) return;
    if (timer !== null) scheduler.clear(timer);
    timer = null;
    timerAt = deadline;
    if (deadline === null) return;
    let delay = Math.max(0, deadline - options.now());
    // A deadline that a tick at that very time did not clear would spin the loop; back off instead.
    if (deadline <= lastTickAt) delay = Math.max(delay, 50);
    timer = scheduler.set(() => {
      timer = null;
      timerAt = null;
      lastTickAt = Math.max(lastAt, options.now());
      const { durable } = submit({ type: 'tick' });
      durable.catch(options.onTickError);
      schedule();
    }, delay);
  };

  let rebuilding = false;
  const rebuild = () => {
    if (rebuilding) return;
    rebuilding = true;
    // After the failed batch has been rejected and before any new event: memory back to the log.
    queueMicrotask(() => {
      rebuilding = false;
      replay();
      schedule();
    });
  };

  const submit: TenantRouter['submit'] = (input, extra) => {
    // Time never runs backwards inside one tenant's log, even if the wall clock does.
    const at = Math.max(lastAt, options.now());
    // Object.assign, not spread: on this V8, spreading a freshly built object takes a slow runtime
    // path (~2 µs against ~0.1 µs), and this runs for every event.
    const candidate = Object.assign({}, input, { at });
    // The engine's hand-written check answers the everyday events exactly as zod would (held to it
    // by a property test) at a fraction of the cost; zod decides, and explains, everything else.
    const fast = fastParse(candidate);
    const parsed = fast ? ({ success: true, data: fast } as const) : routerEventSchema.safeParse(candidate);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return {
        result: { ok: false, error: { code: 'VALIDATION_FAILED', message } },
        durable: Promise.resolve(),
      };
    }
    const event = parsed.data;
    // The engine expects every deadline up to `at` to have been ticked before the next event (an
    // accept after its offer expired must meet the expiry), so a due tick is logged first.
    const deadline = engine.nextDeadline();
    if (event.type !== 'tick' && deadline !== null && deadline <= at)
      void submit({ type: 'tick' }).durable.catch(options.onTickError);
    const result = engine.handle(event);
    if (!result.ok) return { result, durable: Promise.resolve() };
    lastAt = at;
    let seq = 0;
    const durable = options.commit.stage({
      write() {
        seq = log.append(tenantId, event);
        options.project(seq, event, result.decisions);
        extra?.(seq, event);
      },
      effects() {
        options.effects({ tenantId, seq, event, decisions: result.decisions, replay: false });
        schedule();
      },
      failed: rebuild,
    });
    return {
      result,
      durable: durable.catch((error: unknown) => {
        throw new SeatError(
          'UNAVAILABLE',
          `The interaction log could not be written: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
    };
  };

  return {
    tenantId,
    replay,
    submit,
    engine: () => engine,
    schedule,
    dispose() {
      disposed = true;
      if (timer !== null) scheduler.clear(timer);
      timer = null;
    },
  };
}
