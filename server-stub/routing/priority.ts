import type { Priority, QueueConfig } from './events';

/**
 * Priority as a head start in time: a VIP counts as having arrived `vipSeconds` earlier, a gold
 * customer `tierSeconds.gold` earlier, and so on. Ordering by (arrival - boost) puts higher classes
 * first, keeps arrival order inside a class, and ages everyone implicitly: a normal call that has
 * waited longer than the VIP head start goes before a VIP who has just arrived. The order never
 * needs re-sorting as time passes.
 */
export function boostMs(config: QueueConfig['priority'], priority: Priority): number {
  let seconds = priority.vip ? config.vipSeconds : 0;
  if (priority.tier !== null) seconds += config.tierSeconds[priority.tier] ?? 0;
  const boosts = priority.boosts;
  // Each label counts once; the list is short (at most 20), so no Set is built for it.
  for (let k = 0; k < boosts.length; k++)
    if (boosts.indexOf(boosts[k]!) === k) seconds += config.boostSeconds[boosts[k]!] ?? 0;
  return Math.round(seconds * 1000);
}

/** Routing key of an interaction in a queue: smaller is served first. */
export function routingKey(
  config: QueueConfig['priority'],
  priority: Priority,
  arrivedAt: number,
  raiseMs: number,
): number {
  return arrivedAt - boostMs(config, priority) - raiseMs;
}
