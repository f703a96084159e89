import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisplayLike } from './placeWindow';
import { placeWindow } from './placeWindow';

const primary: DisplayLike = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right: DisplayLike = { workArea: { x: 1920, y: 0, width: 1280, height: 1024 } };
const size = { width: 1280, height: 800 };

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing is remembered', () => {
    expect(placeWindow(undefined, [primary], primary, size)).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximised: false,
    });
  });

  it('ignores a remembered state that is not valid', () => {
    for (const saved of [
      { bounds: { x: 'a' } },
      { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximised: false },
      'junk',
    ]) {
      expect(placeWindow(saved, [primary], primary, size).bounds).toEqual({
        x: 320,
        y: 120,
        width: 1280,
        height: 800,
      });
    }
  });

  it('restores bounds that are fully visible, and the maximised flag', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximised: true };
    expect(placeWindow(saved, [primary, right], primary, size)).toEqual(saved);
  });

  it('moves a window back onto the display it mostly overlaps', () => {
    const saved = { bounds: { x: 1700, y: 900, width: 1000, height: 700 }, maximised: false };
    expect(placeWindow(saved, [primary, right], primary, size).bounds).toEqual({
      x: 1920,
      y: 324,
      width: 1000,
      height: 700,
    });
  });

  it('recentres on the primary display a window left on an unplugged monitor', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximised: false };
    expect(placeWindow(saved, [primary], primary, size).bounds).toEqual({
      x: 460,
      y: 170,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than its display', () => {
    const saved = { bounds: { x: 1900, y: 0, width: 3000, height: 2000 }, maximised: false };
    expect(placeWindow(saved, [primary, right], primary, size).bounds).toEqual(right.workArea);
  });

  it('always returns bounds that lie inside one display', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 800, max: 6000 }),
      height: fc.integer({ min: 600, max: 6000 }),
    });
    fc.assert(
      fc.property(rect, fc.boolean(), (bounds, maximised) => {
        const { bounds: placed } = placeWindow({ bounds, maximised }, [primary, right], primary, size);
        return [primary, right].some(
          ({ workArea: a }) =>
            placed.x >= a.x &&
            placed.y >= a.y &&
            placed.x + placed.width <= a.x + a.width &&
            placed.y + placed.height <= a.y + a.height,
        );
      }),
      { numRuns: 300 },
    );
  });
});
