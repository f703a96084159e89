import type { QueueConfig } from './events';

type Rings = QueueConfig['rings'];

/** Why a ring list is not a bullseye (each ring must start later and ask for no more than the one before), or null. */
export function ringProblem(rings: Rings): string | null {
  if (rings[0] && rings[0].afterSeconds !== 0) return 'the first ring must start at 0 seconds';
  for (let k = 1; k < rings.length; k++) {
    const inner = rings[k - 1]!;
    const outer = rings[k]!;
    if (outer.afterSeconds <= inner.afterSeconds) return `ring ${k} must start later than ring ${k - 1}`;
    for (const req of outer.skills) {
      const before = inner.skills.find((s) => s.skillId === req.skillId);
      if (!before || req.minProficiency > before.minProficiency) {
        return `ring ${k} asks more of skill ${req.skillId} than ring ${k - 1}; outer rings may only relax`;
      }
    }
  }
  for (const [k, ring] of rings.entries()) {
    const ids = ring.skills.map((s) => s.skillId);
    if (new Set(ids).size !== ids.length) return `ring ${k} names a skill twice`;
  }
  return null;
}

/** The innermost ring whose requirements the agent meets, or null when it meets none. */
export function agentRing(rings: Rings, skills: ReadonlyMap<string, number>): number | null {
  for (let k = 0; k < rings.length; k++) {
    if (rings[k]!.skills.every((req) => (skills.get(req.skillId) ?? 0) >= req.minProficiency)) return k;
  }
  return null;
}

/** The ring an interaction has reached after waiting `waitedMs`, and when it reaches the next one. */
export function ringAfter(
  rings: Rings,
  enteredAt: number,
  now: number,
): { ring: number; nextAt: number | null } {
  let ring = 0;
  while (ring + 1 < rings.length && enteredAt + rings[ring + 1]!.afterSeconds * 1000 <= now) ring++;
  const next = rings[ring + 1];
  return { ring, nextAt: next ? enteredAt + next.afterSeconds * 1000 : null };
}

/** Sum of the agent's proficiency over the innermost ring's skills: the key of "most skilled". */
export function skillScore(rings: Rings, skills: ReadonlyMap<string, number>): number {
  let score = 0;
  for (const req of rings[0]?.skills ?? []) score += skills.get(req.skillId) ?? 0;
  return score;
}
