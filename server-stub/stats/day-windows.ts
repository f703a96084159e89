import { intervalMs, type LocalCalendar } from './calendar';
import {
  addCounters,
  emptyCounters,
  figuresOf,
  type WindowCounters,
  type WindowFigures,
} from './window-counters';

/** One window's figures with its bounds (epoch ms, end exclusive). */
export interface TimedFigures extends WindowFigures {
  start: number;
  end: number;
}

/** The counters a single event adds to: today's and the current quarter hour's. */
export interface CountingTargets {
  today: WindowCounters;
  interval: WindowCounters;
}

/**
 * Today's counters and today's quarter-hour counters for one queue. Only the current local day is
 * kept: the first event of a new day drops yesterday, so memory stays at most one day of intervals.
 */
export interface DayWindows {
  /** Where an event at `at` counts, or null for an event from a day already closed. */
  targetsAt(at: number): CountingTargets | null;
  /** Today's figures as seen at `at` (all zero when nothing has been counted yet today). */
  today(at: number): TimedFigures;
  /** The current quarter hour's figures at `at`. */
  currentInterval(at: number): TimedFigures;
  /** Every quarter hour of today from local midnight up to and including the current one, oldest first. */
  intervalsToday(at: number): TimedFigures[];
}

/** Creates the windows of one queue on a tenant's calendar. */
export function createDayWindows(calendar: LocalCalendar): DayWindows {
  let dayStart = Number.NaN;
  let today = emptyCounters();
  const intervals = new Map<number, WindowCounters>();
  let currentStart = Number.NaN;
  let current = emptyCounters();

  const sameDay = (at: number): boolean => calendar.dayOf(at).start === dayStart;
  const timed = (c: WindowCounters, start: number, end: number): TimedFigures => {
    const figures = figuresOf(c) as TimedFigures;
    figures.start = start;
    figures.end = end;
    return figures;
  };

  return {
    targetsAt(at) {
      const day = calendar.dayOf(at);
      if (day.start !== dayStart) {
        if (day.start < dayStart) return null;
        dayStart = day.start;
        today = emptyCounters();
        intervals.clear();
        currentStart = Number.NaN;
      }
      const start = calendar.intervalStartOf(at);
      if (start !== currentStart) {
        let counters = intervals.get(start);
        if (!counters) {
          counters = emptyCounters();
          intervals.set(start, counters);
        }
        currentStart = start;
        current = counters;
      }
      return { today, interval: current };
    },

    today(at) {
      const day = calendar.dayOf(at);
      return timed(sameDay(at) ? today : emptyCounters(), day.start, day.end);
    },

    currentInterval(at) {
      const start = calendar.intervalStartOf(at);
      const counters = sameDay(at) ? intervals.get(start) : undefined;
      return timed(counters ?? emptyCounters(), start, start + intervalMs);
    },

    intervalsToday(at) {
      const day = calendar.dayOf(at);
      const last = calendar.intervalStartOf(at);
      const live = sameDay(at);
      const out: TimedFigures[] = [];
      // Quarter hours are 15 real minutes even across a DST change, so stepping by intervalMs from
      // midnight visits each one once (a 25-hour day has 100, a 23-hour day 92).
      for (let start = day.start; start <= last && out.length < 100; start += intervalMs) {
        out.push(timed((live && intervals.get(start)) || emptyCounters(), start, start + intervalMs));
      }
      return out;
    },
  };
}

/** Sums a list of window counters into one (used to check that intervals add up to today). */
export function sumCounters(list: readonly WindowCounters[]): WindowCounters {
  return list.reduce<WindowCounters>((sum, c) => addCounters(sum, c), emptyCounters());
}
