// Counters for one queue over one window (a quarter hour, or today), and the figures derived from them.
//
// Service level follows Asterisk's app_queue (apps/app_queue.c, asterisk/asterisk):
//   - a call counts "in SL" when its wait is <= the queue's threshold: update_queue() bumps
//     callscompletedinsl, and record_abandoned() bumps callsabandonedinsl when
//     `(now - qe->start) <= qe->parent->servicelevel`;
//   - __queues_show() prints
//       SL  = 100 * callscompletedinsl / callscompleted
//       SL2 = 100 * (callsabandonedinsl + callscompletedinsl) / (callsabandoned + callscompleted)
//     i.e. SL counts answered calls only; SL2 also counts abandons, those abandoned within the
//     threshold counting as met.
// Differences, on purpose: we measure waits in ms rather than whole seconds, we count a call when it
// is answered rather than when it ends, and with nothing to divide we report null ("no data") where
// Asterisk prints 0.0%.

/** Raw per-window counters; every field only grows within its window. */
export interface WindowCounters {
  /** Interactions that entered the queue (arrivals and overflows in). */
  offered: number;
  answered: number;
  answeredWithinSl: number;
  abandoned: number;
  abandonedWithinSl: number;
  /** Interactions that left the queue by overflow. */
  overflowed: number;
  /** Sum of queue waits of answered interactions (ms). */
  answerWaitMs: number;
  /** Longest queue wait of an answered interaction (ms). */
  longestAnswerWaitMs: number;
  /** Sum of queue waits of abandoned interactions (ms). */
  abandonWaitMs: number;
  /** Interactions whose handling (talk plus wrap-up) finished. */
  handled: number;
  handleMs: number;
  talkMs: number;
  wrapupMs: number;
}

/** Figures a wallboard shows for one window. Averages and percentages are null when nothing was counted. */
export interface WindowFigures extends WindowCounters {
  /** Asterisk SL: answered within threshold ÷ answered × 100. */
  serviceLevelPercent: number | null;
  /** Asterisk SL2: (answered + abandoned within threshold) ÷ (answered + abandoned) × 100. */
  serviceLevel2Percent: number | null;
  /** Abandoned ÷ (answered + abandoned) × 100. */
  abandonRatePercent: number | null;
  /** Average speed of answer: mean queue wait of answered interactions (ms). */
  averageSpeedOfAnswerMs: number | null;
  /** Average handle time: mean talk plus wrap-up of handled interactions (ms). */
  averageHandleMs: number | null;
  averageTalkMs: number | null;
  averageWrapupMs: number | null;
}

/** A fresh set of counters at zero. */
export function emptyCounters(): WindowCounters {
  return {
    offered: 0,
    answered: 0,
    answeredWithinSl: 0,
    abandoned: 0,
    abandonedWithinSl: 0,
    overflowed: 0,
    answerWaitMs: 0,
    longestAnswerWaitMs: 0,
    abandonWaitMs: 0,
    handled: 0,
    handleMs: 0,
    talkMs: 0,
    wrapupMs: 0,
  };
}

/** Adds `from` into `into` (longest wait takes the maximum); returns `into`. */
export function addCounters(into: WindowCounters, from: WindowCounters): WindowCounters {
  into.offered += from.offered;
  into.answered += from.answered;
  into.answeredWithinSl += from.answeredWithinSl;
  into.abandoned += from.abandoned;
  into.abandonedWithinSl += from.abandonedWithinSl;
  into.overflowed += from.overflowed;
  into.answerWaitMs += from.answerWaitMs;
  into.longestAnswerWaitMs = Math.max(into.longestAnswerWaitMs, from.longestAnswerWaitMs);
  into.abandonWaitMs += from.abandonWaitMs;
  into.handled += from.handled;
  into.handleMs += from.handleMs;
  into.talkMs += from.talkMs;
  into.wrapupMs += from.wrapupMs;
  return into;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/** Derives the wallboard figures from a window's counters. */
export function figuresOf(c: WindowCounters): WindowFigures {
  // Written out field by field: object spread here was the snapshot's hot spot.
  return {
    offered: c.offered,
    answered: c.answered,
    answeredWithinSl: c.answeredWithinSl,
    abandoned: c.abandoned,
    abandonedWithinSl: c.abandonedWithinSl,
    overflowed: c.overflowed,
    answerWaitMs: c.answerWaitMs,
    longestAnswerWaitMs: c.longestAnswerWaitMs,
    abandonWaitMs: c.abandonWaitMs,
    handled: c.handled,
    handleMs: c.handleMs,
    talkMs: c.talkMs,
    wrapupMs: c.wrapupMs,
    serviceLevelPercent: percent(c.answeredWithinSl, c.answered),
    serviceLevel2Percent: percent(c.answeredWithinSl + c.abandonedWithinSl, c.answered + c.abandoned),
    abandonRatePercent: percent(c.abandoned, c.answered + c.abandoned),
    averageSpeedOfAnswerMs: ratio(c.answerWaitMs, c.answered),
    averageHandleMs: ratio(c.handleMs, c.handled),
    averageTalkMs: ratio(c.talkMs, c.handled),
    averageWrapupMs: ratio(c.wrapupMs, c.handled),
  };
}
