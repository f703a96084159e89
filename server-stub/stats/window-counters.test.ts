import { describe, expect, it } from 'vitest';
import { addCounters, emptyCounters, figuresOf } from './window-counters';

describe('window counters', () => {
  it('derives SL, SL2, abandon rate and averages as Asterisk defines them', () => {
    const c = { ...emptyCounters(), answered: 8, answeredWithinSl: 6, abandoned: 2, abandonedWithinSl: 1 };
    c.answerWaitMs = 80_000;
    c.handled = 4;
    c.handleMs = 400_000;
    c.talkMs = 300_000;
    c.wrapupMs = 100_000;
    const f = figuresOf(c);
    expect(f.serviceLevelPercent).toBe(75);
    expect(f.serviceLevel2Percent).toBe(70);
    expect(f.abandonRatePercent).toBe(20);
    expect(f.averageSpeedOfAnswerMs).toBe(10_000);
    expect(f.averageHandleMs).toBe(100_000);
    expect(f.averageTalkMs).toBe(75_000);
    expect(f.averageWrapupMs).toBe(25_000);
  });

  it('adds counters field by field and keeps the longest wait as a maximum', () => {
    const a = { ...emptyCounters(), offered: 2, longestAnswerWaitMs: 5 };
    const b = { ...emptyCounters(), offered: 3, longestAnswerWaitMs: 9 };
    expect(addCounters(a, b)).toMatchObject({ offered: 5, longestAnswerWaitMs: 9 });
  });
});
