import { describe, expect, it } from 'vitest';
import { boostMs, routingKey } from './priority';

const config = { vipSeconds: 600, tierSeconds: { gold: 120 }, boostSeconds: { long_distance: 30 } };
const normal = { vip: false, tier: null, boosts: [] };

describe('priority keys', () => {
  it('ranks VIP above a value tier above a configured boost above a plain arrival', () => {
    const at = 1_000_000;
    const vip = routingKey(config, { ...normal, vip: true }, at, 0);
    const gold = routingKey(config, { ...normal, tier: 'gold' }, at, 0);
    const far = routingKey(config, { ...normal, boosts: ['long_distance'] }, at, 0);
    const plain = routingKey(config, normal, at, 0);
    expect(vip).toBeLessThan(gold);
    expect(gold).toBeLessThan(far);
    expect(far).toBeLessThan(plain);
  });

  it('lets a plain call that waited longer than the VIP head start go first (ageing)', () => {
    const oldPlain = routingKey(config, normal, 0, 0);
    const newVip = routingKey(config, { ...normal, vip: true }, 601_000, 0);
    expect(oldPlain).toBeLessThan(newVip);
  });

  it('ignores unknown tiers and labels and counts a repeated label once', () => {
    expect(
      boostMs(config, { vip: false, tier: 'platinum', boosts: ['x', 'long_distance', 'long_distance'] }),
    ).toBe(30_000);
  });

  it('adds a priority raise gained on the way', () => {
    expect(routingKey(config, normal, 100_000, 5000)).toBe(95_000);
  });
});
