import { describe, expect, it } from 'vitest';
import { percentile, round } from './stats';

describe('benchmark statistics', () => {
  it('takes the nearest-rank percentile whatever the order of samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 99)).toBe(0);
  });

  it('rounds to the requested number of decimals', () => {
    expect(round(1.23456, 2)).toBe(1.23);
  });
});
