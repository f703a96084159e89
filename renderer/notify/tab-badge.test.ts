import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgedTitle, createTabBadge } from './tab-badge';

describe('badgedTitle', () => {
  it('puts the count in front once, caps it at 99+, and removes it for 0', () => {
    expect(badgedTitle('Seat', 3)).toBe('(3) Seat');
    expect(badgedTitle('(3) Seat', 4)).toBe('(4) Seat');
    expect(badgedTitle('(4) Seat', 120)).toBe('(99+) Seat');
    expect(badgedTitle('(99+) Seat', 0)).toBe('Seat');
    expect(badgedTitle('(2) 坐席', 0)).toBe('坐席');
  });
});

describe('tab badge', () => {
  afterEach(() => {
    document.head.querySelectorAll('link[rel~="icon"]').forEach((l) => l.remove());
    document.title = '';
    vi.restoreAllMocks();
  });

  it('marks the title and restores it when cleared', () => {
    document.title = 'Seat';
    const badge = createTabBadge(document);
    badge.set(2);
    expect(document.title).toBe('(2) Seat');
    badge.set(0);
    expect(document.title).toBe('Seat');
  });

  it('draws the count over the favicon and puts the original icon back when cleared', () => {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = '/favicon.svg';
    document.head.append(link);
    const fakeCanvas = {
      width: 0,
      height: 0,
      getContext: () => ({
        beginPath: vi.fn(),
        arc: vi.fn(),
        fill: vi.fn(),
        fillText: vi.fn(),
        fillStyle: '',
        font: '',
        textAlign: '',
        textBaseline: '',
      }),
      toDataURL: () => 'data:image/png;base64,AAAA',
    };
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((tag: string) =>
      tag === 'canvas'
        ? (fakeCanvas as unknown as HTMLCanvasElement)
        : create(tag)) as typeof document.createElement);
    const badge = createTabBadge(document);
    badge.set(5);
    expect(link.getAttribute('href')).toBe('data:image/png;base64,AAAA');
    badge.set(0);
    expect(link.getAttribute('href')).toBe('/favicon.svg');
  });

  it('keeps to the title where the page cannot draw (no 2D canvas)', () => {
    document.title = 'Seat';
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((tag: string) =>
      tag === 'canvas'
        ? ({ getContext: () => null } as unknown as HTMLCanvasElement)
        : create(tag)) as typeof document.createElement);
    createTabBadge(document).set(1);
    expect(document.title).toBe('(1) Seat');
    expect(document.head.querySelector('link[rel~="icon"]')).toBeNull();
  });
});
