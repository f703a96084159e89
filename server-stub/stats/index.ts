// Live statistics for wallboards: the public face of server-stub/stats for the integration layer.
export { createStatsAggregator } from './aggregator';
export type {
  QueueFigures,
  SnapshotOptions,
  StatsAggregator,
  StatsAggregatorOptions,
  StatsSnapshot,
} from './aggregator';
export type { AgentFigures } from './agent-stats';
export type { TimeZoneSpec } from './calendar';
export type { TimedFigures } from './day-windows';
export { parseStatsEvent, statsEventSchema } from './events';
export type { StatsEvent, StatsEventInput, StatsEventType } from './events';
export { createWallboardHub } from './wallboard-hub';
export type { WallboardFrame, WallboardHub, WallboardHubOptions, WallboardListener } from './wallboard-hub';
export type { WindowFigures } from './window-counters';
