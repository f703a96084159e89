import { describe, expect, it } from 'vitest';
import { agentRing, ringAfter, ringProblem, skillScore } from './rings';

const rings = [
  {
    afterSeconds: 0,
    skills: [
      { skillId: 'billing', minProficiency: 8 },
      { skillId: 'french', minProficiency: 5 },
    ],
  },
  { afterSeconds: 30, skills: [{ skillId: 'billing', minProficiency: 5 }] },
  { afterSeconds: 90, skills: [] },
];

describe('bullseye rings', () => {
  it('places an expert in the inner ring and a novice in an outer one', () => {
    expect(
      agentRing(
        rings,
        new Map([
          ['billing', 9],
          ['french', 6],
        ]),
      ),
    ).toBe(0);
    expect(agentRing(rings, new Map([['billing', 6]]))).toBe(1);
    expect(agentRing(rings, new Map())).toBe(2);
    expect(agentRing(rings.slice(0, 2), new Map())).toBeNull();
  });

  it('widens the ring as the wait grows and says when the next step comes', () => {
    expect(ringAfter(rings, 1000, 1000)).toEqual({ ring: 0, nextAt: 31_000 });
    expect(ringAfter(rings, 1000, 31_000)).toEqual({ ring: 1, nextAt: 91_000 });
    expect(ringAfter(rings, 1000, 500_000)).toEqual({ ring: 2, nextAt: null });
  });

  it('accepts only rings that start later and relax', () => {
    expect(ringProblem(rings)).toBeNull();
    expect(ringProblem([{ afterSeconds: 5, skills: [] }])).toMatch(/0 seconds/);
    expect(ringProblem([rings[0]!, { afterSeconds: 0, skills: [] }])).toMatch(/later/);
    expect(
      ringProblem(
        [rings[1]!, { afterSeconds: 60, skills: [{ skillId: 'billing', minProficiency: 9 }] }].map((r, i) =>
          i === 0 ? { ...r, afterSeconds: 0 } : r,
        ),
      ),
    ).toMatch(/relax/);
    expect(
      ringProblem([
        {
          afterSeconds: 0,
          skills: [
            { skillId: 'a', minProficiency: 1 },
            { skillId: 'a', minProficiency: 2 },
          ],
        },
      ]),
    ).toMatch(/twice/);
  });

  it('scores an agent by proficiency over the inner ring skills', () => {
    expect(
      skillScore(
        rings,
        new Map([
          ['billing', 9],
          ['french', 6],
          ['golf', 10],
        ]),
      ),
    ).toBe(15);
  });
});
