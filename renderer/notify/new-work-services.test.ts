import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@contract/ipc/settings';
import { createNewWorkServices } from './new-work-services';

afterEach(() => {
  document.title = '';
  vi.restoreAllMocks();
});

const host = (ringerDeviceId: string | null = null) => ({
  getSettings: vi.fn(async () => ({
    ...defaultSettings,
    audio: { ...defaultSettings.audio, ringerDeviceId },
  })),
  setBadgeCount: vi.fn(async () => null),
});

describe('new-work services', () => {
  it('marks the tab title and asks the host for its badge', async () => {
    document.title = 'Seat';
    const h = host();
    const services = createNewWorkServices({ window, document, host: h, warn: vi.fn() });
    services.setBadge(2);
    expect(document.title).toBe('(2) Seat');
    expect(h.setBadgeCount).toHaveBeenCalledWith(2);
    services.setBadge(0);
    expect(document.title).toBe('Seat');
  });

  it('calls focus listeners on window focus until unsubscribed', () => {
    const services = createNewWorkServices({ window, document, host: host(), warn: vi.fn() });
    const listener = vi.fn();
    const stop = services.focus.onFocus(listener);
    window.dispatchEvent(new Event('focus'));
    stop();
    window.dispatchEvent(new Event('focus'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('plays the chime on the ringer device from the settings', async () => {
    const setSinkId = vi.fn(async () => undefined);
    const oscillator = () => ({
      type: 'sine',
      frequency: { setValueAtTime: vi.fn() },
      connect: vi.fn(),
      start: vi.fn(),
      stop: vi.fn(),
      onended: null,
    });
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      setSinkId = setSinkId;
      createOscillator = oscillator;
      createGain = () => ({
        gain: {
          setValueAtTime: vi.fn(),
          linearRampToValueAtTime: vi.fn(),
          exponentialRampToValueAtTime: vi.fn(),
        },
        connect: vi.fn(),
      });
      close = vi.fn(async () => undefined);
    }
    const page = {
      window: {
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
        AudioContext: FakeAudioContext as never,
      },
      document,
      host: host('ringer-7'),
      warn: vi.fn(),
    };
    createNewWorkServices(page).chime();
    await vi.waitFor(() => expect(setSinkId).toHaveBeenCalledWith('ringer-7'));
    expect(page.warn).not.toHaveBeenCalled();
  });

  it('says so where there is no WebAudio', () => {
    const warn = vi.fn();
    const page = {
      window: { addEventListener: vi.fn(), removeEventListener: vi.fn() },
      document,
      host: host(),
      warn,
    };
    createNewWorkServices(page).chime();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('WebAudio'));
  });
});
