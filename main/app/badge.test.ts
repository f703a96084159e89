import { describe, expect, it, vi } from 'vitest';
import { createBadgeService } from './badge';

const setup = (platform: NodeJS.Platform, supported = true) => {
  const deps = {
    platform,
    setAppBadgeCount: vi.fn(() => supported),
    flashWindow: vi.fn(),
    log: { warn: vi.fn() },
  };
  return { deps, badge: createBadgeService(deps) };
};

describe('badge service', () => {
  it('sets and clears the dock count on macOS', () => {
    const { deps, badge } = setup('darwin');
    expect(badge.set(3)).toBeNull();
    badge.set(0);
    expect(deps.setAppBadgeCount.mock.calls).toEqual([[3], [0]]);
    expect(deps.flashWindow).not.toHaveBeenCalled();
  });

  it('flashes the taskbar button on Windows while work waits, and stops when cleared', () => {
    const { deps, badge } = setup('win32');
    badge.set(2);
    badge.set(0);
    expect(deps.flashWindow.mock.calls).toEqual([[true], [false]]);
    expect(deps.setAppBadgeCount).not.toHaveBeenCalled();
  });

  it('warns once where the Linux desktop shows no count', () => {
    const { deps, badge } = setup('linux', false);
    badge.set(1);
    badge.set(2);
    expect(deps.log.warn).toHaveBeenCalledTimes(1);
  });
});
