import { cleanup, render } from '@testing-library/react';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '@contract/ws';
import { NewWorkNotifier } from './NewWorkNotifier';

describe('NewWorkNotifier', () => {
  afterEach(cleanup);

  it('badges offers while mounted in the background and clears the badge when unmounted', () => {
    const frames = new Subject<ServerMessage>();
    const services = {
      focus: { isFocused: () => false, onFocus: () => () => undefined },
      chime: vi.fn(),
      setBadge: vi.fn(),
      now: () => 0,
    };
    const { unmount } = render(<NewWorkNotifier frames$={frames} services={services} />);
    frames.next({ type: 'interaction.offer' } as unknown as ServerMessage);
    expect(services.setBadge).toHaveBeenLastCalledWith(1);
    expect(services.chime).toHaveBeenCalledTimes(1);
    unmount();
    expect(services.setBadge).toHaveBeenLastCalledWith(0);
    frames.next({ type: 'interaction.offer' } as unknown as ServerMessage);
    expect(services.chime).toHaveBeenCalledTimes(1);
  });
});
