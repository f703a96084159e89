import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@contract/ipc/settings';
import {
  ariaShortcut,
  ctiCommands,
  ctiShortcuts,
  matchesAccelerator,
  seatCommands,
  seatShortcuts,
} from './shortcuts';

const key = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>,
) => ({
  code,
  key: code.replace(/^Key|^Digit/, '').toLowerCase(),
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('CTI shortcuts', () => {
  it('gives every command its own chord, taking answer/hang-up/hold/mute from the hotkey settings', () => {
    const shortcuts = ctiShortcuts({ ...defaultSettings.hotkeys, answer: 'Alt+Shift+1' });
    expect(shortcuts.answer).toBe('Alt+Shift+1');
    expect(new Set(ctiCommands.map((c) => shortcuts[c])).size).toBe(ctiCommands.length);
  });

  it('takes ready, not ready and focus-the-inbox from the hotkey settings, each apart from every toolbar chord', () => {
    const seat = seatShortcuts({ ...defaultSettings.hotkeys, ready: 'Alt+Shift+2' });
    expect(seat).toEqual({
      ready: 'Alt+Shift+2',
      notReady: 'Alt+Shift+N',
      focusInbox: 'Alt+Shift+I',
    });
    expect(seatShortcuts({})).toEqual({ ...seat, ready: 'Alt+Shift+R' });
    const cti = ctiShortcuts(defaultSettings.hotkeys);
    const all = [...ctiCommands.map((c) => cti[c]), ...seatCommands.map((c) => seatShortcuts({})[c])];
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives no default to a chord the browser or Electron keeps for itself (reload, DevTools, new windows)', () => {
    const reserved = /^CommandOrControl\+(Shift\+)?[RINTW]$/;
    const cti = ctiShortcuts(defaultSettings.hotkeys);
    const seat = seatShortcuts(defaultSettings.hotkeys);
    for (const chord of [...ctiCommands.map((c) => cti[c]), ...seatCommands.map((c) => seat[c])])
      expect(chord).not.toMatch(reserved);
  });

  it('matches CommandOrControl as Control off macOS and Meta on it', () => {
    const accelerator = 'CommandOrControl+Shift+A';
    expect(matchesAccelerator(key('KeyA', { ctrlKey: true, shiftKey: true }), accelerator, false)).toBe(true);
    expect(matchesAccelerator(key('KeyA', { metaKey: true, shiftKey: true }), accelerator, false)).toBe(
      false,
    );
    expect(matchesAccelerator(key('KeyA', { metaKey: true, shiftKey: true }), accelerator, true)).toBe(true);
  });

  it('needs the exact modifiers, so Alt+Shift+T does not fire on Control+Alt+Shift+T', () => {
    expect(matchesAccelerator(key('KeyT', { altKey: true, shiftKey: true }), 'Alt+Shift+T', false)).toBe(
      true,
    );
    expect(
      matchesAccelerator(key('KeyT', { altKey: true, shiftKey: true, ctrlKey: true }), 'Alt+Shift+T', false),
    ).toBe(false);
  });

  it('reads the physical key, so a Shift-changed character still matches', () => {
    expect(
      matchesAccelerator(
        { ...key('Digit1', { altKey: true, shiftKey: true }), key: '!' },
        'Alt+Shift+1',
        false,
      ),
    ).toBe(true);
  });

  it('writes aria-keyshortcuts in the platform words', () => {
    expect(ariaShortcut('CommandOrControl+Shift+H', false)).toBe('Control+Shift+H');
    expect(ariaShortcut('CommandOrControl+Shift+H', true)).toBe('Meta+Shift+H');
  });
});
